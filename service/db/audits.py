"""The dataset_audits table: each audit document as POST /datasets/audit returned it (never the
data it was measured on)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psycopg import AsyncConnection

from models.audit.document import AuditDocument
from service.db import audit


@dataclass(frozen=True)
class AuditSummary:
    """A stored audit's headline, for lists and for /assess."""

    id: str
    created_at: str
    examples: int
    usable_examples: int
    data_quality: str
    train_name: str | None


def storable(*, doc: AuditDocument) -> str:
    """The document's JSON; jsonb refuses \\u0000, which a caller's text could smuggle in."""
    return doc.to_json().replace("\\u0000", "\\ufffd")


async def store(conn: AsyncConnection[Any], *, doc: AuditDocument, source: str,
                caller: str) -> None:
    """Write the audit and its audit-log entry in one transaction: whole or not at all."""
    async with conn.transaction():
        await conn.execute(
            """
            INSERT INTO dataset_audits (id, created_at, examples, usable_examples, data_quality,
                                        document, source, created_by)
            VALUES (%(id)s, %(created_at)s, %(examples)s, %(usable)s, %(quality)s,
                    %(document)s::jsonb, %(source)s, %(caller)s)
            """,
            {"id": doc.id, "created_at": doc.created_at, "examples": doc.examples,
             "usable": doc.usable_examples, "quality": doc.data_quality.value,
             "document": storable(doc=doc), "source": source, "caller": caller},
        )
        await audit.record(conn, caller=caller, action="dataset_audit.create", target=doc.id,
                           detail={"source": source, "examples": doc.examples})


async def fetch(conn: AsyncConnection[Any], *, audit_id: str) -> AuditDocument | None:
    """A stored audit document, or None."""
    cur = await conn.execute("SELECT document FROM dataset_audits WHERE id = %(id)s",
                             {"id": audit_id})
    row = await cur.fetchone()
    return None if row is None else AuditDocument.model_validate(row[0])


async def recent(conn: AsyncConnection[Any], *, limit: int) -> list[AuditSummary]:
    """Newest first, headline only."""
    cur = await conn.execute(
        """
        SELECT id, created_at, examples, usable_examples, data_quality,
               document #>> '{files,train,name}'
        FROM dataset_audits ORDER BY created_at DESC, id DESC LIMIT %(n)s
        """,
        {"n": limit},
    )
    return [AuditSummary(id=r[0], created_at=r[1].isoformat(timespec="milliseconds"),
                         examples=r[2], usable_examples=r[3], data_quality=r[4], train_name=r[5])
            for r in await cur.fetchall()]
