"""Baraza's Discord cogs: thin adapters from Discord input to service calls.

One module per feature (``intake``, ``participants``, ``moderation``, ``board``, ``organiser``);
this package only registers them. The composition root (:mod:`bot.discord_runner`) hands every
cog the same :class:`~cogs._common.Servers` (one service; per server its config and event).
"""

from __future__ import annotations

from discord.ext import commands

from cogs._common import Servers


async def add_cogs(bot: commands.Bot, servers: Servers) -> None:
    """Add every cog, with its slash commands scoped to the webinars' servers."""
    from cogs.board import BoardCog
    from cogs.intake import IntakeCog
    from cogs.moderation import ModerationCog
    from cogs.organiser import OrganiserCog
    from cogs.participants import ParticipantsCog

    for cog in (
        IntakeCog(bot, servers),
        ParticipantsCog(bot, servers),
        ModerationCog(bot, servers),
        OrganiserCog(bot, servers),
        BoardCog(bot, servers),
    ):
        await bot.add_cog(cog, guilds=servers.guild_objects())
