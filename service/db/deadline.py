"""A client-side deadline for database work that also holds when the server is frozen.

Cancelling a psycopg query waits for the server to confirm the cancel (up to ~10 s), and a
SIGSTOPped server never does. So the work runs as its own task: at the deadline the caller gets
DatabaseTimeout at once, and the task is cancelled and left to finish its cleanup (returning or
discarding its connection) in the background.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

from service.db.errors import DatabaseTimeout

T = TypeVar("T")


def _forget(task: asyncio.Task[object]) -> None:
    """Read the abandoned task's outcome so asyncio does not log it as never retrieved."""
    with contextlib.suppress(BaseException):
        task.exception()


async def within(*, seconds: float, work: Callable[[], Awaitable[T]]) -> T:
    """The result of `work()`, or DatabaseTimeout once `seconds` have passed."""
    task: asyncio.Task[T] = asyncio.ensure_future(work())
    try:
        done, _ = await asyncio.wait({task}, timeout=seconds)
    except asyncio.CancelledError:  # the request itself went away
        task.cancel()
        task.add_done_callback(_forget)
        raise
    if task in done:
        return task.result()
    task.cancel()
    task.add_done_callback(_forget)
    raise DatabaseTimeout(f"no answer from the database within {seconds:g} s")
