"""The assessments table: each document stored exactly as /assess returned it."""

from __future__ import annotations

from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from models.document import AssessmentDocument
from service.db import audit

# One statement, one round trip (atomic without a transaction block): the document is sent
# once, as the JSON text the client gets, and the columns are read out of it by the database;
# the audit entry is written only when the row is new.
_STORE = """
    WITH doc AS (SELECT %(doc)s::jsonb AS d),
    saved AS (
        INSERT INTO assessments (id, created_at, questionnaire, result, recommendation,
                                 model_version, source, created_by)
        SELECT d->>'id', (d->>'created_at')::timestamptz, d->'questionnaire', d,
               d->>'recommendation', d->>'model_version', %(source)s, %(caller)s
        FROM doc
        {conflict}
    ),
    logged AS ({audit} SELECT %(actor)s, 'assessment.create', s.id, %(detail)s
                FROM saved s WHERE s.fresh)
    SELECT fresh, id FROM saved
"""
_KEEP = "ON CONFLICT (id) DO NOTHING RETURNING id, (xmax = 0) AS fresh"
_REPLACE = ("ON CONFLICT (id) DO UPDATE SET result = EXCLUDED.result "
            "RETURNING id, (xmax = 0) AS fresh")
_STATEMENTS = {replace: _STORE.format(conflict=_REPLACE if replace else _KEEP,
                                      audit=audit.INSERT_COLUMNS)
               for replace in (False, True)}


async def store(
    conn: AsyncConnection[Any], *, encoded: str, source: str, caller: str | None = None,
    replace: bool = False,
) -> None:
    """Write the assessment exactly as returned (its JSON text) and its audit entry, at once.

    A second store of an id changes nothing, except with `replace` (the spool's replay: the
    spooled copy is what the caller was answered, even if an abandoned attempt stored first).
    """
    actor, detail = caller or source, {"source": source}
    cur = await conn.execute(_STATEMENTS[replace], {
        "doc": encoded, "source": source, "caller": caller, "actor": actor,
        "detail": Jsonb(detail),
    })
    row = await cur.fetchone()
    if row is not None and row[0]:
        audit.logged(caller=actor, action="assessment.create", target=row[1], detail=detail)


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
