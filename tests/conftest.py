"""Shared fixtures: a real SQLite store in tmp_path behind the real service."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import open_service
from bot.config import Config, EventConfig, replace
from bot.usecases import Service
from tests.helpers import KeywordClassifier
from tests.postgres_cluster import Cluster

FIXTURES = Path(__file__).parent / "fixtures"
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A PostgreSQL server for the session (skipped locally without one, a failure in CI)."""
    cluster = Cluster()
    reason = cluster.available_reason
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL for the store tests: {reason}")
        pytest.skip(reason)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
async def postgres_url(postgres_cluster: Cluster) -> str:
    """A fresh, empty PostgreSQL database."""
    return await postgres_cluster.new_database()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store backend in turn (tests that must hold on both take this)."""
    return str(request.param)


@pytest.fixture
async def database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh database of the backend under test: an SQLite path or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(tmp_path / "baraza.sqlite3")
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    return await cluster.new_database()


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
