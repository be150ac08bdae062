"""Shared fixtures: a real SQLite store in tmp_path behind the real service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import open_service
from bot.config import Config, EventConfig, replace
from bot.usecases import Service
from tests.helpers import KeywordClassifier

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def classifier() -> KeywordClassifier:
    return KeywordClassifier()


@pytest.fixture
def config() -> Config:
    return replace(Config(), event=EventConfig(hosts=["Moderator - Partos"]))


@pytest.fixture
async def service(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> AsyncIterator[Service]:
    async with open_service(config, tmp_path / "baraza.sqlite3", classifier) as svc:
        svc.clock = lambda: datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
        yield svc
