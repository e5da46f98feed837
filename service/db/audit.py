"""The audit log: who created assessments, read them in bulk, recorded outcomes and retrained.

Each entry is a row in audit_log and a line on the `advisor.audit` logger.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

log = logging.getLogger("advisor.audit")
INSERT_COLUMNS = "INSERT INTO audit_log (caller, action, target, detail)"
INSERT = INSERT_COLUMNS + " VALUES (%(caller)s, %(action)s, %(target)s, %(detail)s)"


def logged(*, caller: str, action: str, target: str | None, detail: dict[str, Any] | None
           ) -> None:
    """The log line of an entry written (by this module or inside another statement)."""
    log.info("audit: %s %s %s %s", caller, action, target or "-", detail or {})


def _params(
    *, caller: str, action: str, target: str | None, detail: dict[str, Any] | None
) -> dict[str, Any]:
    logged(caller=caller, action=action, target=target, detail=detail)
    return {"caller": caller, "action": action, "target": target, "detail": Jsonb(detail or {})}


async def record(
    conn: AsyncConnection[Any], *, caller: str, action: str, target: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One audit entry (in the caller's transaction when there is one)."""
    await conn.execute(
        INSERT, _params(caller=caller, action=action, target=target, detail=detail)
    )


def record_sync(
    conn: psycopg.Connection[Any], *, caller: str, action: str, target: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """The same for the command line's blocking connections (`advisor train`)."""
    conn.execute(INSERT, _params(caller=caller, action=action, target=target, detail=detail))


async def entries(conn: AsyncConnection[Any], *, limit: int = 100) -> list[dict[str, Any]]:
    """The newest entries first (tests and operators)."""
    cur = await conn.execute(
        "SELECT at, caller, action, target, detail FROM audit_log ORDER BY id DESC LIMIT %(n)s",
        {"n": limit},
    )
    return [
        {"at": row[0].isoformat(), "caller": row[1], "action": row[2], "target": row[3],
         "detail": row[4]}
        for row in await cur.fetchall()
    ]
