"""Watches the database: restarts a dead embedded server, tracks health, replays the spool."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from service import metrics
from service.db import assessments, health
from service.db.database import Database
from service.db.errors import UNREACHABLE
from service.guidance import GuidanceFinder
from service.spool import Spool

log = logging.getLogger(__name__)


class Supervisor:
    """A background loop; `up` is what requests consult before waiting on the pool."""

    def __init__(
        self,
        *,
        database: Database,
        pool: AsyncConnectionPool[AsyncConnection[Any]],
        spool: Spool,
        wait_s: float,
        interval_s: float = 1.0,
        finder: GuidanceFinder | None = None,
    ) -> None:
        self.database = database
        self.pool = pool
        self.spool = spool
        self.wait_s = wait_s
        self.interval_s = interval_s
        self.finder = finder
        self.up = True
        self.down_since: float | None = None
        self.restarts = 0
        self._guidance_fetched = False
        self._task: asyncio.Task[None] | None = None

    def mark_down(self, *, reason: str) -> None:
        """A request saw the database fail: skip the pool until the next successful check."""
        if self.up:
            log.warning("database marked down: %s", reason)
            self.down_since = time.monotonic()
        self.up = False
        metrics.DB_UP.set(0)

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[AsyncConnection[Any]]:
        """A pooled connection, waited for briefly; failing to reach the database marks it down."""
        try:
            async with self.pool.connection(timeout=self.wait_s) as conn:
                yield conn
        except UNREACHABLE as err:
            self.mark_down(reason=type(err).__name__)
            raise

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
            async with self.connection() as conn:
                await health.ping(conn)
                if self.finder is not None and await self.finder.refresh(conn):
                    if self._guidance_fetched:  # the first fetch at start-up is no news
                        log.info("guidance topics re-fetched for a changed knowledge index")
                    self._guidance_fetched = True
        except UNREACHABLE:
            return
        if not self.up:
            log.info("database is back after %.1f s", time.monotonic() - (self.down_since or 0))
        self.up = True
        self.down_since = None
        metrics.DB_UP.set(1)
        await self.drain()

    async def drain(self) -> int:
        """Store every spooled assessment (idempotent by id); returns how many were written."""
        written_total = 0
        for path, records in self.spool.claim():
            if not records:
                self.spool.release(path=path, written=0)
                continue
            try:
                async with self.connection() as conn:
                    for record in records:
                        source = record.get("source", "api")
                        await assessments.store(conn, doc=record["doc"], source=source)
            except UNREACHABLE:
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
