"""Replies and reactions, which Zoom writes as messages quoting a snippet of their target."""

from __future__ import annotations

import re

REPLY = re.compile(
    r'^(?:Replying to|Respondiendo a|En réponse à|Respondendo a) "(?P<snippet>.*)"\s*$', re.DOTALL
)
REACTED = re.compile(r'^Reacted to "(?P<snippet>.*)" with (?P<emoji>\S+)\s*$', re.DOTALL)
REMOVED = re.compile(r'^Removed an? (?P<emoji>\S+) reaction from "(?P<snippet>.*)"\s*$', re.DOTALL)
