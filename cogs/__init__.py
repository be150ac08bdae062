"""Baraza's Discord cogs: thin adapters from Discord input to service calls.

One module per feature (``intake``, ``participants``, ``moderation``, ``board``, ``organiser``);
this package only registers them. The composition root (:mod:`bot.discord_runner`) hands every
cog the same :class:`~cogs._common.BarazaContext` (service, config, event).
"""

from __future__ import annotations

import discord
from discord.ext import commands

from cogs._common import BarazaContext


async def add_cogs(bot: commands.Bot, ctx: BarazaContext) -> None:
    """Add every cog, with its slash commands scoped to the webinar's server."""
    from cogs.board import BoardCog
    from cogs.intake import IntakeCog
    from cogs.moderation import ModerationCog
    from cogs.organiser import OrganiserCog
    from cogs.participants import ParticipantsCog

    guild = discord.Object(id=ctx.guild_id)
    for cog in (
        IntakeCog(bot, ctx),
        ParticipantsCog(bot, ctx),
        ModerationCog(bot, ctx),
        OrganiserCog(bot, ctx),
        BoardCog(bot, ctx),
    ):
        await bot.add_cog(cog, guild=guild)
