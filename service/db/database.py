"""The service's database: embedded or external, migrated, behind one async pool."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from pgvector.psycopg import register_vector_async
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from service.config import Settings
from service.db.embedded import EmbeddedPostgres
from service.db.migrate import apply_migrations

log = logging.getLogger(__name__)


# HNSW's candidate list, and iterative scans (pgvector >= 0.8, required by migration 0005): when
# a collection filter drops most of the graph's nearest rows, the scan walks on until the query
# has its LIMIT (or hnsw.max_scan_tuples, 20,000 by default, have been read) instead of returning
# fewer rows. Relaxed order may hand rows back slightly out of distance order; the hybrid query
# re-ranks them by fused score anyway, and strict order would drop those rows instead.
SESSION_SETTINGS = "SET hnsw.ef_search = 100; SET hnsw.iterative_scan = relaxed_order"


async def configure(conn: AsyncConnection[Any]) -> None:
    """What every async connection needs: pgvector's types and its HNSW search settings."""
    await register_vector_async(conn)
    await conn.execute(SESSION_SETTINGS)


@asynccontextmanager
async def connect(conninfo: str) -> AsyncIterator[AsyncConnection[Any]]:
    """One configured autocommit connection outside the pool (evaluation, tests)."""
    conn = await AsyncConnection.connect(conninfo, autocommit=True)
    try:
        await configure(conn)
        yield conn
    finally:
        await conn.close()


class Database:
    """Owns the embedded server (if any), migrations and the connection pool's settings."""

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self.embedded = EmbeddedPostgres(data_dir=settings.data_dir) if settings.embedded else None
        self.conninfo: str | None = None
        self.created = False  # this start created the embedded cluster (a first run)
        self._early: Future[str] | None = None

    @classmethod
    def start_early(cls, *, settings: Settings) -> None:
        """Start in the background now, so initdb and the app's imports overlap (advisor serve).

        The app's lifespan claims it (claim) and waits for it; release_unclaimed stops it if the
        app never got that far.
        """
        database = cls(settings=settings)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database-start")
        database._early = pool.submit(database._start)
        pool.shutdown(wait=False)  # the thread ends with the start
        _EARLY[_key(settings=settings)] = database

    @classmethod
    def claim(cls, *, settings: Settings) -> Database:
        """The database started early for these settings, or a new one."""
        return _EARLY.pop(_key(settings=settings), None) or cls(settings=settings)

    @staticmethod
    def release_unclaimed() -> None:
        """Stop what start_early started if no app claimed it."""
        while _EARLY:
            _, database = _EARLY.popitem()
            with contextlib.suppress(Exception):
                database.start()
            database.stop()

    def start(self) -> str:
        """Bring the server up (embedded mode) and apply pending migrations; blocking."""
        if self._early is not None:
            return self._early.result()
        return self._start()

    def _start(self) -> str:
        if self.embedded is not None:
            started = time.perf_counter()
            first = self.created = not (self.embedded.pgdata / "PG_VERSION").exists()
            if first:
                log.info("creating the embedded PostgreSQL database in %s (first start, a few "
                         "seconds)", self.embedded.pgdata)
            self.conninfo = self.embedded.start()
            log.info("database %s in %.1f s", "created and started" if first else "started",
                     time.perf_counter() - started)
        else:
            assert self.settings.database_url
            self.conninfo = self.settings.database_url
        applied = apply_migrations(conninfo=self.conninfo)
        if applied:
            log.info("migrations applied: %s", ", ".join(applied))
        return self.conninfo

    def stop(self, *, only_if_started_here: bool = False) -> None:
        """Stop the embedded server; an external one is not ours to stop."""
        if self.embedded is None:
            return
        if only_if_started_here and not self.embedded.started_here:
            return
        self.embedded.stop()

    def make_pool(self) -> AsyncConnectionPool[AsyncConnection[Any]]:
        """A closed pool (open=False): whoever opens it closes it."""
        assert self.conninfo is not None
        timeout_ms = int(self.settings.db_timeout_s * 1000)
        return AsyncConnectionPool(
            self.conninfo,
            min_size=self.settings.pool_min_size,
            max_size=self.settings.pool_max_size,
            open=False,
            configure=configure,
            check=AsyncConnectionPool.check_connection,
            timeout=self.settings.db_timeout_s,
            kwargs={
                "autocommit": True,
                "connect_timeout": max(1, int(self.settings.db_timeout_s)),
                "options": f"-c statement_timeout={timeout_ms} -c lock_timeout={timeout_ms}",
                # A dead peer over TCP is noticed in about 3x the idle time, and unacknowledged
                # writes give up after twice the timeout (libpq ignores both on Unix sockets).
                "keepalives": 1,
                "keepalives_idle": self.settings.db_keepalive_s,
                "keepalives_interval": max(1, self.settings.db_keepalive_s // 3),
                "keepalives_count": 3,
                "tcp_user_timeout": timeout_ms * 2,
            },
        )


_EARLY: dict[tuple[Path, str | None], Database] = {}


def _key(*, settings: Settings) -> tuple[Path, str | None]:
    return settings.data_dir, settings.database_url
