"""Organiser commands: ``/export`` hands over the themed transcript as a file."""

from __future__ import annotations

import asyncio
import io
import logging
import re
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.export.transcript import render
from cogs._common import BarazaContext, reply, require_organiser

log = logging.getLogger(__name__)

FormatChoice = Literal["md", "json", "csv"]


def export_filename(event_name: str, fmt: str) -> str:
    """A safe file name for the export of ``event_name``."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", event_name).strip("-").lower()[:60] or "event"
    return f"baraza-{slug}.{fmt}"


class OrganiserCog(commands.Cog, name="Organiser"):
    """Organiser-only slash commands."""

    def __init__(self, bot: commands.Bot, ctx: BarazaContext) -> None:
        self.bot = bot
        self.ctx = ctx

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Only organisers may use these commands."""
        require_organiser(self.ctx, interaction.user)
        return True

    @app_commands.command(name="export")
    @app_commands.describe(format="md (readable), json (complete) or csv (spreadsheet)")
    async def export(self, interaction: discord.Interaction, format: FormatChoice = "md") -> None:
        """Get the themed transcript for the ministry as a file (no private messages)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        doc = await self.ctx.service.export(self.ctx.event_id)
        data = (await asyncio.to_thread(render, doc, format)).encode("utf-8")
        limit = interaction.filesize_limit
        if len(data) > limit:
            await reply(
                interaction,
                f"The export is {len(data) // 1024} KiB, more than Discord accepts here; "
                "run `baraza export` on the bot's machine instead.",
            )
            return
        name = export_filename(self.ctx.event_name, format)
        log.info("user %s exported event %s as %s", interaction.user.id, self.ctx.event_id, format)
        await reply(
            interaction,
            "The themed transcript (names left out unless the organisers switched them on).",
            file=discord.File(io.BytesIO(data), filename=name),
        )
