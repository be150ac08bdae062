"""Undo of moderator actions: each action leaves, in its own unit of work, how to reverse it.

The stack lives in the event's settings (so it survives a restart and is shared by every
moderator: the console, Discord and the CLI undo the same last action). A step restores one
question as it was (state, merge, pin, theme) or one event setting.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core.model import Question, QuestionState
from bot.store import Repos

UNDO_SETTING = "moderation.undo"
#: How many actions back a moderator can undo.
UNDO_DEPTH = 25

Step = dict[str, Any]


def question_step(q: Question) -> Step:
    """How to put ``q`` back as it is now."""
    return {
        "question": q.id,
        "state": q.state.value,
        "merged_into": q.merged_into,
        "pinned": q.pinned,
        "theme": q.theme,
    }


def setting_step(key: str, value: str) -> Step:
    """How to put an event setting back to ``value``."""
    return {"setting": key, "value": value}


async def remember(uow: Repos, event_id: int, label: str, steps: list[Step]) -> None:
    """Push an action (its reversal steps) on the event's undo stack, in the action's unit."""
    stack = await _stack(uow, event_id)
    stack.append({"label": label, "steps": steps})
    await uow.events.set_setting(event_id, UNDO_SETTING, json.dumps(stack[-UNDO_DEPTH:]))


async def undo_last(uow: Repos, event_id: int) -> str | None:
    """Reverse the last remembered action; its label, or None when there is nothing to undo."""
    stack = await _stack(uow, event_id)
    if not stack:
        return None
    entry = stack.pop()
    for step in reversed(entry["steps"]):
        await _apply(uow, event_id, step)
    await uow.events.set_setting(event_id, UNDO_SETTING, json.dumps(stack))
    return str(entry["label"])


async def last_label(repos: Repos, event_id: int) -> str | None:
    """What an undo would reverse now (None: nothing)."""
    stack = await _stack(repos, event_id)
    return str(stack[-1]["label"]) if stack else None


async def _stack(repos: Repos, event_id: int) -> list[dict[str, Any]]:
    raw = await repos.events.setting(event_id, UNDO_SETTING)
    if not raw:
        return []
    loaded = json.loads(raw)
    return loaded if isinstance(loaded, list) else []


async def _apply(uow: Repos, event_id: int, step: Step) -> None:
    if "setting" in step:
        await uow.events.set_setting(event_id, str(step["setting"]), str(step["value"]))
        return
    current = await uow.questions.get(int(step["question"]))
    if current is None:  # forgotten since: nothing to restore
        return
    await uow.questions.set_state(
        current.id, QuestionState(step["state"]), merged_into=step["merged_into"]
    )
    if current.pinned != step["pinned"]:
        await uow.questions.set_pinned(current.id, bool(step["pinned"]))
    if current.theme != step["theme"]:
        await uow.questions.set_theme(current.id, str(step["theme"]), None, "moderator")
        await uow.questions.record_retag(current.id, current.theme, str(step["theme"]))
