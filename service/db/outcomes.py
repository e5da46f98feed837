"""The outcomes table: what a team did after an assessment, and what it measured."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from service.db.assessments import exists


async def record(
    conn: AsyncConnection[Any], *, assessment_id: str, recorded_at: str, outcome: dict[str, Any]
) -> bool:
    """Store one outcome; False (nothing written) when the assessment is unknown."""
    async with conn.transaction():
        if not await exists(conn, assessment_id=assessment_id):
            return False
        await conn.execute(
            """
            INSERT INTO outcomes (assessment_id, recorded_at, outcome)
            VALUES (%(id)s, %(at)s, %(outcome)s)
            """,
            {"id": assessment_id, "at": recorded_at, "outcome": Jsonb(outcome)},
        )
    return True


def with_questionnaires(conn: psycopg.Connection[Any]) -> list[tuple[str, Any, Any]]:
    """(assessment id, questionnaire, outcome) for every recorded outcome, oldest first."""
    rows = conn.execute(
        """
        SELECT a.id, a.questionnaire, o.outcome
        FROM outcomes o JOIN assessments a ON a.id = o.assessment_id
        ORDER BY o.id
        """
    ).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]
