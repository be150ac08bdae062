"""A fake Discord (gateway websocket + REST API) served on 127.0.0.1 for end-to-end tests.

The *real*, unmodified discord.py client talks to :class:`FakeDiscord` over real sockets.
Only two class attributes are redirected (see :func:`redirect_discord_py`):
``discord.http.Route.BASE`` (every REST call, webhooks and interaction callbacks included)
and ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``.

What the fake holds
    One guild with roles (``@everyone``, ``Organiser``, ``Moderator``, the bot's managed role),
    text channels (``webinar-chat``, ``moderators`` by default), members (``kofi`` the organiser
    and owner, ``amina`` the moderator, ``lucia`` and ``tendai`` attendees, the bot), an
    application, registered application commands, a message store with pins and reactions,
    a record of every REST request and every gateway frame.

How a test drives it
    * Gateway input: ``await fake.message_create(...)``, ``reaction_add``, ``slash_command``,
      ``button_click``, ``select_menu``, ``modal_submit``, ``context_menu_message``,
      ``autocomplete``... or raw ``await fake.dispatch("EVENT_NAME", data)``.
    * REST output: ``await fake.wait_for_request("PATCH", r"/channels/\\d+/messages/\\d+")``,
      ``await fake.wait_for_interaction_response(interaction_id)``, ``fake.channel_messages(...)``.
    * Faults: ``fake.fail_next("PATCH", r"/channels/.*", status=429, retry_after=0.2)``,
      ``await fake.send_reconnect()``, ``await fake.invalid_session()``.

Example (pytest, with the fixtures of ``tests/e2e/conftest.py``)::

    async def test_pong(fake_discord: FakeDiscord, start_bot) -> None:
        bot = commands.Bot(command_prefix="!", intents=intents, **CLIENT_TEST_KWARGS)

        @bot.event
        async def on_message(message: discord.Message) -> None:
            if message.content == "ping":
                await message.channel.send("pong")

        await start_bot(bot)  # logs in, waits for on_ready; closed at teardown
        await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "ping")
        request = await fake_discord.wait_for_request(
            "POST", r"/channels/\\d+/messages", predicate=lambda r: r.json["content"] == "pong"
        )

Without pytest: ``async with FakeDiscord() as fake, redirect_discord_py(fake):`` then
``async with run_client(bot, fake): ...``.

Layout of the package
    ``_server`` (:class:`FakeDiscord`: world, stores, request log, lifecycle, HTTP plumbing),
    ``_rest`` (REST handlers), ``_interactions`` (interaction callbacks, webhooks and the
    interactions users start), ``_gateway`` (sessions, RESUME, faults, user-action events),
    ``_protocol`` (constants, records, payload helpers), ``_client`` (discord.py glue) and
    ``bot_process`` (``python -m tests.e2e.fake_discord.bot_process URL run ...``: the real
    ``baraza`` CLI in a process of its own, pointed at a fake served elsewhere).

Realism the fake enforces (each can catch a production bug)
    * Gateway intents: events are only sent if the IDENTIFY intents ask for them; without the
      ``message_content`` intent, MESSAGE_CREATE/UPDATE content, embeds, attachments and
      components are blanked unless the bot is mentioned (``enforce_intents=False`` to disable).
      Without the ``members`` intent GUILD_CREATE carries only the bot's own member.
    * Interactions must be acknowledged within ``interaction_ack_deadline`` seconds (3 s, like
      Discord) and only once; follow-ups before the acknowledgement are refused.
    * Message bodies are checked against Discord's limits (2000 content chars, 10 embeds,
      4096 description chars, 25 fields, 6000 embed chars, no empty message) -> 400 code 50035.
    * The bot cannot edit another user's message (403 code 50005).
    Permissions are *not* enforced on REST calls.
"""

from __future__ import annotations

from tests.e2e.fake_discord._client import redirect_discord_py, run_client
from tests.e2e.fake_discord._protocol import (
    API_PREFIX,
    CLIENT_TEST_KWARGS,
    EPHEMERAL,
    InjectedFault,
    Intents,
    InteractionRecord,
    Permissions,
    RecordedFile,
    RecordedRequest,
)
from tests.e2e.fake_discord._server import FakeDiscord

__all__ = [
    "API_PREFIX",
    "CLIENT_TEST_KWARGS",
    "EPHEMERAL",
    "FakeDiscord",
    "InjectedFault",
    "Intents",
    "InteractionRecord",
    "Permissions",
    "RecordedFile",
    "RecordedRequest",
    "redirect_discord_py",
    "run_client",
]
