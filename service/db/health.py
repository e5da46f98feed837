"""The statements the probes and the supervisor use to see whether the database answers."""

from __future__ import annotations

from typing import Any

from psycopg import AsyncConnection


async def ping(conn: AsyncConnection[Any]) -> None:
    """A round trip; raises when the database does not answer."""
    await conn.execute("SELECT 1")


async def count_chunks(conn: AsyncConnection[Any], *, collection: str) -> int:
    """How many chunks a collection holds (readiness: is the index loaded?)."""
    cur = await conn.execute(
        "SELECT count(*) FROM chunks WHERE collection = %(c)s", {"c": collection}
    )
    row = await cur.fetchone()
    return int(row[0]) if row else 0
