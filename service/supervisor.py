"""Watches the database: restarts a dead embedded server, tracks health, replays the spool."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from service import metrics
from service.db.database import Database
from service.guidance import GuidanceFinder
from service.spool import Spool

log = logging.getLogger(__name__)

# Failures that mean "the database is unreachable", as opposed to a bug in a statement.
UNREACHABLE = (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout, OSError, TimeoutError)
UNREACHABLE_ERRORS = psycopg.OperationalError  # PoolTimeout subclasses it too


class Supervisor:
    """A background loop; `up` is what requests consult before waiting on the pool."""

    def __init__(
        self,
        *,
        database: Database,
        pool: AsyncConnectionPool[AsyncConnection[Any]],
        spool: Spool,
        interval_s: float = 1.0, finder: GuidanceFinder | None = None,
    ) -> None:
        self.database = database
        self.pool = pool
        self.spool = spool
        self.interval_s = interval_s
        self.finder = finder
        self.up = True
        self.down_since: float | None = None
        self.restarts = 0
        self._task: asyncio.Task[None] | None = None

    def mark_down(self, *, reason: str) -> None:
        """A request saw the database fail: skip the pool until the next successful check."""
        if self.up:
            log.warning("database marked down: %s", reason)
            self.down_since = time.monotonic()
        self.up = False
        metrics.DB_UP.set(0)

    async def check(self) -> None:
        """One round: revive the embedded server if needed, ping, then replay the spool."""
        embedded = self.database.embedded
        if embedded is not None and not embedded.is_alive():
            self.mark_down(reason="embedded postmaster is not running")
            try:
                await asyncio.to_thread(embedded.start)
                self.restarts += 1
                log.warning("embedded PostgreSQL restarted")
            except Exception as err:  # keep supervising whatever went wrong
                log.error("embedded PostgreSQL restart failed: %s", err)
                return
        try:
            async with self.pool.connection(timeout=2.0) as conn:
                await conn.execute("SELECT 1")
                if self.finder is not None and await self.finder.refresh(conn):
                    log.info("guidance topics re-fetched for a changed knowledge index")
        except UNREACHABLE as err:
            self.mark_down(reason=type(err).__name__)
            return
        if not self.up:
            log.info("database is back after %.1f s", time.monotonic() - (self.down_since or 0))
        self.up = True
        self.down_since = None
        metrics.DB_UP.set(1)
        await self.drain()

    async def drain(self) -> int:
        """Store every spooled assessment (idempotent by id); returns how many were written."""
        from service.assessment import store

        written_total = 0
        for path, records in self.spool.claim():
            if not records:
                self.spool.release(path=path, written=0)
                continue
            try:
                async with self.pool.connection(timeout=2.0) as conn:
                    for record in records:
                        await store(conn, doc=record["doc"], source=record.get("source", "api"))
            except UNREACHABLE as err:
                self.mark_down(reason=type(err).__name__)
                break
            self.spool.release(path=path, written=len(records))
            written_total += len(records)
            log.info("replayed %d spooled assessments", len(records))
        metrics.SPOOL_DEPTH.set(self.spool.depth())
        return written_total

    async def _loop(self) -> None:
        while True:
            try:
                await self.check()
            except Exception:  # the supervisor must outlive any single failure
                log.exception("supervisor round failed")
            await asyncio.sleep(self.interval_s)

    def start(self) -> None:
        """Run the loop in the background of the event loop."""
        self._task = asyncio.create_task(self._loop(), name="db-supervisor")

    async def stop(self) -> None:
        """Cancel the loop (lifespan shutdown)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
