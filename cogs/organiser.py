"""Organiser commands: ``/export`` hands over the themed transcript as a file; ``/forget``
erases a participant who asks to be forgotten."""

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
from cogs._common import Servers, person_key, reply, require_organiser

log = logging.getLogger(__name__)

FormatChoice = Literal["docx", "html", "md", "csv", "json"]
LangChoice = Literal["en", "nl"]


def export_filename(event_name: str, fmt: str) -> str:
    """A safe file name for the export of ``event_name``."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", event_name).strip("-").lower()[:60] or "event"
    return f"baraza-{slug}.{fmt}"


class OrganiserCog(commands.Cog, name="Organiser"):
    """Organiser-only slash commands."""

    def __init__(self, bot: commands.Bot, servers: Servers) -> None:
        self.bot = bot
        self.servers = servers

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Only organisers may use these commands."""
        ctx = self.servers.of(interaction)
        require_organiser(ctx, interaction.user)
        return True

    @app_commands.command(name="export")
    @app_commands.describe(
        format="docx (Word) or html (report with charts), md (text), csv or json (analysts)",
        lang="report labels: en or nl (questions stay in their own language)",
        names="show names of participants who consented (others stay pseudonyms)",
    )
    async def export(
        self,
        interaction: discord.Interaction,
        format: FormatChoice = "docx",
        lang: LangChoice | None = None,
        names: bool = False,
    ) -> None:
        """Get the themed transcript for the ministry as a file (no private messages)."""
        ctx = self.servers.of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        doc = await ctx.service.exports.document(
            ctx.event_id, include_names=True if names else None
        )
        language = lang or ctx.service.config.export.language
        data = await asyncio.to_thread(render, doc, format, language)
        limit = interaction.filesize_limit
        if len(data) > limit:
            await reply(
                interaction,
                f"The export is {len(data) // 1024} KiB, more than Discord accepts here; "
                "run `baraza export` on the bot's machine instead.",
            )
            return
        name = export_filename(ctx.event_name, format)
        log.info("user %s exported event %s as %s", interaction.user.id, ctx.event_id, format)
        shown = "names of consenting participants shown" if doc["names_included"] else "no names"
        await reply(
            interaction,
            f"The themed transcript ({shown}; private messages and emails are never included).",
            file=discord.File(io.BytesIO(data), filename=name),
        )

    @app_commands.command(name="forget")
    @app_commands.describe(member="The participant who asked to be forgotten")
    async def forget(self, interaction: discord.Interaction, member: discord.User) -> None:
        """Erase a participant's name, organisation and messages from this webinar's record."""
        ctx = self.servers.of(interaction)
        erased = await ctx.service.privacy.forget_person(ctx.event_id, person_key(member))
        log.info("user %s erased participant %s: %s", interaction.user.id, member.id, erased)
        await reply(
            interaction,
            "Done: their name, organisation and messages are erased from this webinar's record "
            "and from every export."
            if erased
            else "Baraza has nothing of theirs in this webinar.",
        )
