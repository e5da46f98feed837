"""The assessments table: each document stored exactly as /assess returned it."""

from __future__ import annotations

from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from models.document import AssessmentDocument


async def store(conn: AsyncConnection[Any], *, doc: dict[str, Any], source: str) -> None:
    """Write the assessment exactly as returned, in one transaction (a replay is a no-op)."""
    async with conn.transaction():
        await conn.execute(
            """
            INSERT INTO assessments
                (id, created_at, questionnaire, result, recommendation, model_version, source)
            VALUES (%(id)s, %(created_at)s, %(q)s, %(result)s, %(rec)s, %(mv)s, %(source)s)
            ON CONFLICT (id) DO NOTHING
            """,
            {
                "id": doc["id"],
                "created_at": doc["created_at"],
                "q": Jsonb(doc["questionnaire"]),
                "result": Jsonb(doc),
                "rec": doc["recommendation"],
                "mv": doc["model_version"],
                "source": source,
            },
        )


async def fetch(
    conn: AsyncConnection[Any], *, assessment_id: str
) -> AssessmentDocument | None:
    """A stored assessment document, or None."""
    cur = await conn.execute(
        "SELECT result FROM assessments WHERE id = %(id)s", {"id": assessment_id}
    )
    row = await cur.fetchone()
    return None if row is None else as_document(row[0])


async def recent(conn: AsyncConnection[Any], *, limit: int) -> list[AssessmentDocument]:
    """Newest first."""
    cur = await conn.execute(
        "SELECT result FROM assessments ORDER BY created_at DESC, id DESC LIMIT %(n)s", {"n": limit}
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
