"""The assessments table: each document stored exactly as /assess returned it."""

from __future__ import annotations

from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from models.document import AssessmentDocument
from service.db import audit

_INSERT = """
    INSERT INTO assessments (id, created_at, questionnaire, result, recommendation,
                             model_version, source, created_by)
    VALUES (%(id)s, %(created_at)s, %(q)s, %(result)s, %(rec)s, %(mv)s, %(source)s, %(caller)s)
"""
_KEEP = "ON CONFLICT (id) DO NOTHING RETURNING (xmax = 0)"
_REPLACE = "ON CONFLICT (id) DO UPDATE SET result = EXCLUDED.result RETURNING (xmax = 0)"


async def store(
    conn: AsyncConnection[Any], *, doc: dict[str, Any], source: str, caller: str | None = None,
    replace: bool = False,
) -> None:
    """Write the assessment exactly as returned and its audit entry, in one transaction.

    A second store of an id changes nothing, except with `replace` (the spool's replay: the
    spooled copy is what the caller was answered, even if an abandoned attempt stored first).
    """
    async with conn.transaction():
        cur = await conn.execute(
            _INSERT + (_REPLACE if replace else _KEEP),
            {
                "id": doc["id"],
                "created_at": doc["created_at"],
                "q": Jsonb(doc["questionnaire"]),
                "result": Jsonb(doc),
                "rec": doc["recommendation"],
                "mv": doc["model_version"],
                "source": source,
                "caller": caller,
            },
        )
        row = await cur.fetchone()
        if row is not None and row[0]:
            await audit.record(conn, caller=caller or source, action="assessment.create",
                               target=doc["id"], detail={"source": source})


async def fetch(
    conn: AsyncConnection[Any], *, assessment_id: str
) -> AssessmentDocument | None:
    """A stored assessment document, or None."""
    cur = await conn.execute(
        "SELECT result FROM assessments WHERE id = %(id)s", {"id": assessment_id}
    )
    row = await cur.fetchone()
    return None if row is None else as_document(row[0])


async def recent(
    conn: AsyncConnection[Any], *, limit: int, before: tuple[str, str] | None = None
) -> list[AssessmentDocument]:
    """Newest first; `before` = (created_at, id) of the last item of the previous page."""
    if before is None:
        cur = await conn.execute(
            "SELECT result FROM assessments ORDER BY created_at DESC, id DESC LIMIT %(n)s",
            {"n": limit},
        )
    else:
        cur = await conn.execute(
            """
            SELECT result FROM assessments
            WHERE (created_at, id) < (%(at)s::timestamptz, %(id)s)
            ORDER BY created_at DESC, id DESC LIMIT %(n)s
            """,
            {"n": limit, "at": before[0], "id": before[1]},
        )
    return [as_document(row[0]) for row in await cur.fetchall()]


async def exists(conn: AsyncConnection[Any], *, assessment_id: str) -> bool:
    """Whether an assessment with this id is stored."""
    cur = await conn.execute("SELECT 1 FROM assessments WHERE id = %(id)s", {"id": assessment_id})
    return await cur.fetchone() is not None


def as_document(value: Any) -> AssessmentDocument:
    """A stored (or spooled) document read back as the typed model it was written from."""
    if isinstance(value, str | bytes):
        return AssessmentDocument.model_validate_json(value)
    return AssessmentDocument.model_validate(value)
