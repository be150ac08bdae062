"""The web console of ``baraza serve``: moderator console (``/``), panel view, Zoom webhook.

:mod:`access` (keys, sessions, CSRF, rate limits), :mod:`render` (escaped HTML), :mod:`hub`
(the push channel), :mod:`console` (the aiohttp handlers); ``static/`` holds the only script
and styles the pages load.
"""
