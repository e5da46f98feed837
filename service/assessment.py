"""The one assessment pipeline: score, advise, retrieve guidance, store, return the document."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from models.advice import build_advice
from models.advisor import Advisor
from models.document import AssessmentDocument, SupportingPassage
from models.questionnaire import Questionnaire
from models.result import ModelResult
from service import metrics
from service.guidance import GuidanceFinder
from service.spool import Spool
from service.supervisor import UNREACHABLE, Supervisor

log = logging.getLogger(__name__)


def new_assessment_id() -> str:
    """Time-ordered, unguessable id (UUIDv7 layout: 48-bit ms timestamp + randomness)."""
    ms = int(datetime.now(UTC).timestamp() * 1000)
    rand = uuid.uuid4().int & ((1 << 80) - 1)
    value = (ms << 80) | (0x7 << 76) | (rand & ((1 << 76) - 1))
    return str(uuid.UUID(int=value))


class Assessor:
    """Shared by REST, Slack and the intake form so every caller gets the same document."""

    def __init__(
        self,
        *,
        advisor: Advisor,
        finder: GuidanceFinder | None,
        assumptions: Any,
        pool: AsyncConnectionPool[AsyncConnection[Any]] | None,
        spool: Spool | None = None,
        supervisor: Supervisor | None = None,
    ) -> None:
        self.advisor = advisor
        self.finder = finder
        self.assumptions = assumptions
        self.pool = pool
        self.spool = spool
        self.supervisor = supervisor

    def evaluate(self, *, questionnaire: Questionnaire) -> AssessmentDocument:
        """Everything that needs no database: scores, reasons, plan, what-ifs, estimates."""
        return self._evaluate(questionnaire=questionnaire)[1]

    def _evaluate(
        self, *, questionnaire: Questionnaire
    ) -> tuple[ModelResult, AssessmentDocument]:
        result = self.advisor.assess(questionnaire=questionnaire)
        advice = build_advice(
            questionnaire=questionnaire,
            result=result,
            advisor=self.advisor,
            assumptions=self.assumptions,
        )
        doc = AssessmentDocument.build(
            assessment_id=new_assessment_id(), questionnaire=questionnaire, result=result,
            advice=advice,
        )
        return result, doc

    async def assess(
        self, *, questionnaire: Questionnaire, source: str = "api"
    ) -> AssessmentDocument:
        """Score, retrieve guidance, store in one transaction, then return the stored document."""
        result, doc = self._evaluate(questionnaire=questionnaire)
        assert self.pool is not None and self.finder is not None
        if self.supervisor is None or self.supervisor.up:
            try:
                async with self.pool.connection(timeout=2.0) as conn:
                    found = await self.finder.find(
                        conn, result=result, description=questionnaire.description
                    )
                    doc.guidance = [SupportingPassage.model_validate(p) for p in found]
                    await store(conn, doc=doc.model_dump(mode="json"), source=source)
                metrics.ASSESSMENTS.labels(
                    recommendation=doc.recommendation.value, source=source
                ).inc()
                return doc
            except UNREACHABLE as err:
                if self.supervisor is not None:
                    self.supervisor.mark_down(reason=type(err).__name__)
                if self.spool is None:
                    raise
        return self._degraded(doc=doc, source=source)

    def _degraded(self, *, doc: AssessmentDocument, source: str) -> AssessmentDocument:
        """Answer without the database: no guidance, and spool the document durably first."""
        assert self.spool is not None
        doc.guidance = []
        doc.degraded = True
        doc.guidance_note = (
            "the database is unreachable, so guidance passages are omitted; this assessment is "
            "spooled and will be stored (and retrievable by id) once the database is back"
        )
        self.spool.append(doc=doc.model_dump(mode="json"), source=source)
        metrics.DEGRADED.inc()
        metrics.SPOOL_DEPTH.inc()
        metrics.ASSESSMENTS.labels(recommendation=doc.recommendation.value, source=source).inc()
        return doc


async def store(conn: AsyncConnection[Any], *, doc: dict[str, Any], source: str) -> None:
    """Write the assessment exactly as returned, in one transaction."""
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO assessments"
            " (id, created_at, questionnaire, result, recommendation, model_version, source)"
            " VALUES (%(id)s, %(created_at)s, %(q)s, %(result)s, %(rec)s, %(mv)s, %(source)s)"
            " ON CONFLICT (id) DO NOTHING",
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
    return None if row is None else _as_document(row[0])


async def recent(conn: AsyncConnection[Any], *, limit: int) -> list[AssessmentDocument]:
    """Newest first."""
    cur = await conn.execute(
        "SELECT result FROM assessments ORDER BY created_at DESC, id DESC LIMIT %(n)s", {"n": limit}
    )
    return [_as_document(row[0]) for row in await cur.fetchall()]


def _as_document(value: Any) -> AssessmentDocument:
    if isinstance(value, str | bytes):
        return AssessmentDocument.model_validate_json(value)
    return AssessmentDocument.model_validate(value)
