"""The shape ARCHITECTURE.md asks for, checked on the code itself.

Small modules in bot/ and cogs/, no import cycle, models/ never importing bot/, SQL only in
bot/store, and cogs free of SQL and model calls.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "cogs", "models")
MAX_LINES = 500
SQL = re.compile(r"\b(SELECT\s+\S+.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """Project modules ``name`` imports (at any depth: module level or inside functions)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                out.add(target)
    return out


def test_no_module_in_bot_or_cogs_is_over_500_lines() -> None:
    long = {
        name: n
        for name, path in _modules().items()
        if name.split(".")[0] in ("bot", "cogs")
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {name: _imports(path, name, modules) for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_models_never_import_bot() -> None:
    modules = _modules()
    offenders = {
        name: sorted(i for i in _imports(path, name, modules) if i.split(".")[0] in ("bot", "cogs"))
        for name, path in modules.items()
        if name.split(".")[0] == "models"
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_sql_lives_only_in_the_store() -> None:
    outside = [
        name
        for name, path in _modules().items()
        if name.split(".")[0] in ("bot", "cogs")
        and not name.startswith("bot.store")
        and SQL.search(path.read_text(encoding="utf-8"))
    ]
    assert outside == []


def test_cogs_are_thin() -> None:
    modules = _modules()
    heavy = {"aiosqlite", "sqlite3", "torch", "transformers", "models", "bot.store"}
    offenders = {
        name: sorted(
            i
            for i in _imports(path, name, modules) | _third_party(path)
            if i.split(".")[0] in heavy or i.startswith("bot.store")
        )
        for name, path in modules.items()
        if name.startswith("cogs")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def _third_party(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_models_and_bot_agree_on_the_themes() -> None:
    from bot.core.model import THEMES
    from models.interface import THEMES as MODEL_THEMES

    assert THEMES == MODEL_THEMES
