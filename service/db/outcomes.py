"""The outcomes table: what a team did after an assessment, what it measured, and who said so.

One outcome per assessment; only the caller who recorded it may replace it.
"""

from __future__ import annotations

import enum
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from service.db import audit


class Recorded(enum.Enum):
    """What happened to an outcome sent for an assessment."""

    created = "created"
    replaced = "replaced"
    no_assessment = "no_assessment"
    owned_by_other = "owned_by_other"


async def plan_of(conn: AsyncConnection[Any], *, assessment_id: str) -> tuple[bool, Any]:
    """(the assessment exists, its success plan) for checking an outcome against it."""
    cur = await conn.execute(
        "SELECT result -> 'success_plan' FROM assessments WHERE id = %(id)s", {"id": assessment_id}
    )
    row = await cur.fetchone()
    return (False, None) if row is None else (True, row[0])


async def record(
    conn: AsyncConnection[Any], *, assessment_id: str, recorded_at: str,
    outcome: dict[str, Any], caller: str,
) -> Recorded:
    """Store or replace the assessment's outcome, and audit it, in one transaction."""
    async with conn.transaction():
        cur = await conn.execute(
            "SELECT 1 FROM assessments WHERE id = %(id)s FOR SHARE", {"id": assessment_id}
        )
        if await cur.fetchone() is None:
            return Recorded.no_assessment
        cur = await conn.execute(
            """
            INSERT INTO outcomes (assessment_id, recorded_at, outcome, caller)
            VALUES (%(id)s, %(at)s, %(outcome)s, %(caller)s)
            ON CONFLICT (assessment_id) DO UPDATE
               SET recorded_at = EXCLUDED.recorded_at, outcome = EXCLUDED.outcome,
                   caller = EXCLUDED.caller
             WHERE outcomes.caller IS NULL OR outcomes.caller = EXCLUDED.caller
            RETURNING (xmax = 0)
            """,
            {"id": assessment_id, "at": recorded_at, "outcome": Jsonb(outcome), "caller": caller},
        )
        row = await cur.fetchone()
        if row is None:
            return Recorded.owned_by_other
        result = Recorded.created if row[0] else Recorded.replaced
        await audit.record(conn, caller=caller, action="outcome.record", target=assessment_id,
                           detail={"verdict": outcome.get("verdict"), "result": result.value})
    return result


def for_training(conn: psycopg.Connection[Any]) -> list[dict[str, Any]]:
    """Every outcome with its assessment's questionnaire and plan, oldest first."""
    rows = conn.execute(
        """
        SELECT a.id, a.questionnaire, a.result -> 'success_plan', o.outcome, o.caller
        FROM outcomes o JOIN assessments a ON a.id = o.assessment_id
        ORDER BY o.id
        """
    ).fetchall()
    return [
        {"assessment_id": r[0], "questionnaire": r[1], "plan": r[2], "outcome": r[3],
         "caller": r[4]}
        for r in rows
    ]
