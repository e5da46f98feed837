"""Watches the database: restarts a dead embedded server, tracks health, replays the spool."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from service import metrics
from service.db import assessments, health
from service.db.database import Database, connect
from service.db.deadline import within
from service.db.errors import UNREACHABLE, is_busy
from service.guidance import GuidanceFinder
from service.spool import Spool

log = logging.getLogger(__name__)
T = TypeVar("T")
DRAIN_BATCH = 50  # spooled records stored per database call (each call has the deadline)


class Supervisor:
    """A background loop; `up` is what requests consult before waiting on the pool."""

    def __init__(
        self,
        *,
        database: Database,
        pool: AsyncConnectionPool[AsyncConnection[Any]],
        spool: Spool,
        wait_s: float,
        deadline_s: float = 5.0,
        interval_s: float = 1.0,
        finder: GuidanceFinder | None = None,
    ) -> None:
        self.database = database
        self.pool = pool
        self.spool = spool
        self.wait_s = wait_s
        self.deadline_s = deadline_s
        self.interval_s = interval_s
        self.finder = finder
        self.up = True
        self.down_since: float | None = None
        self.restarts = 0
        self.downs = 0  # times marked down (busy must never count)
        self._guidance_fetched = False
        self._task: asyncio.Task[None] | None = None

    def mark_down(self, *, reason: str) -> None:
        """A request saw the database fail: skip the pool until the next successful check."""
        if self.up:
            log.warning("database marked down: %s", reason)
            self.down_since = time.monotonic()
            self.downs += 1
        self.up = False
        metrics.DB_UP.set(0)

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[AsyncConnection[Any]]:
        """A pooled connection, waited for briefly; a lost connection marks the database down,
        a busy pool or a slow answer does not (the next check tells which it was)."""
        try:
            async with self.pool.connection(timeout=self.wait_s) as conn:
                yield conn
        except UNREACHABLE as err:
            if not is_busy(err):
                self.mark_down(reason=type(err).__name__)
            raise

    async def run(
        self,
        work: Callable[[AsyncConnection[Any]], Awaitable[T]],
        *,
        deadline_s: float | None = None,
    ) -> T:
        """`work` on a pooled connection, answered within the deadline whatever the server does."""

        async def job() -> T:
            async with self.connection() as conn:
                return await work(conn)

        return await within(seconds=deadline_s or self.deadline_s, work=job)

    async def _answers(self) -> bool:
        """Ping through the pool; when the pool is only busy, ping on a connection of its own."""
        try:
            await self.run(health.ping)
            return True
        except PoolTimeout:
            pass  # every pooled connection is in use: that is load, not an outage
        except UNREACHABLE as err:  # a lost connection, or no answer within the deadline
            self.mark_down(reason=type(err).__name__)
            return False
        conninfo = self.database.conninfo or ""

        async def direct() -> None:
            async with connect(conninfo) as conn:
                await health.ping(conn)

        try:
            await within(seconds=self.deadline_s, work=direct)
            return True  # busy, not down
        except UNREACHABLE as err:
            self.mark_down(reason=f"{type(err).__name__} on a direct connection")
            return False

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
        if not await self._answers():
            return
        finder = self.finder
        if finder is not None:
            try:
                if await self.run(finder.refresh):
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
        """Store every spooled assessment (idempotent by id), a batch per deadline; returns how
        many were written."""
        written_total = 0
        for path, records in self.spool.claim():
            stored = 0
            try:
                for start in range(0, len(records), DRAIN_BATCH):
                    batch = records[start : start + DRAIN_BATCH]
                    await self.run(functools.partial(_store_all, records=batch))
                    self.spool.drop(path=path, written=len(batch))
                    stored += len(batch)
            except UNREACHABLE:
                self.spool.release(path=path, written=0)
                break
            finally:
                if stored:
                    written_total += stored
                    log.info("replayed %d spooled assessments", stored)
            self.spool.release(path=path, written=0)
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


async def _store_all(conn: AsyncConnection[Any], *, records: list[dict[str, Any]]) -> None:
    """Spooled records, each stored idempotently (a replay of a stored id changes nothing)."""
    for record in records:
        await assessments.store(
            conn, encoded=json.dumps(record["doc"], ensure_ascii=False),
            source=record.get("source", "api"),
            caller=record.get("caller"), replace=True,
        )
