"""The one assessment pipeline: score, advise, retrieve guidance, store, return the document."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from psycopg import AsyncConnection

from models.advisor import Advisor
from models.assessing import assess_document
from models.audit.answers import audit_readings
from models.document import AssessmentDocument, SupportingPassage
from models.questionnaire import Questionnaire
from models.reading.reader import Reader, Reading
from models.result import ModelResult
from service import metrics
from service.audit_answers import NEEDS_DATABASE, referenced_audit
from service.db.assessments import store
from service.db.errors import UNREACHABLE
from service.guidance import GuidanceFinder
from service.spool import Spool
from service.supervisor import Supervisor

log = logging.getLogger(__name__)
SEND_TURNS = 2  # event-loop turns that let a started query reach the socket before CPU work


def new_assessment_id() -> str:
    """Time-ordered, unguessable id (UUIDv7 layout: 48-bit ms timestamp + randomness)."""
    ms = int(datetime.now(UTC).timestamp() * 1000)
    rand = uuid.uuid4().int & ((1 << 80) - 1)
    value = (ms << 80) | (0x7 << 76) | (rand & ((1 << 76) - 1))
    return str(uuid.UUID(int=value))


@dataclass(frozen=True)
class Assessed:
    """A finished assessment and its JSON text: what was stored is what the client is sent."""

    document: AssessmentDocument
    encoded: str


class Assessor:
    """Shared by REST, Slack and the intake form so every caller gets the same document."""

    def __init__(
        self,
        *,
        advisor: Advisor,
        reader: Reader | None,
        finder: GuidanceFinder | None,
        assumptions: Any,
        spool: Spool | None = None,
        supervisor: Supervisor | None = None,
    ) -> None:
        self.advisor = advisor
        self.reader = reader
        self.finder = finder
        self.assumptions = assumptions
        self.spool = spool
        self.supervisor = supervisor

    def evaluate(self, *, questionnaire: Questionnaire) -> AssessmentDocument:
        """Everything that needs no database: the description read, scores, reasons, advice."""
        if questionnaire.dataset_audit_id is not None:
            raise NEEDS_DATABASE  # the audit it names is stored in the database
        return self._evaluate(questionnaire=questionnaire)[1]

    def _evaluate(
        self, *, questionnaire: Questionnaire, measured: Sequence[Reading] = ()
    ) -> tuple[ModelResult, AssessmentDocument]:
        return assess_document(
            questionnaire=questionnaire, advisor=self.advisor, reader=self.reader,
            assumptions=self.assumptions, assessment_id=new_assessment_id(), measured=measured,
        )

    async def assess(
        self, *, questionnaire: Questionnaire, source: str = "api", caller: str | None = None
    ) -> AssessmentDocument:
        """Score, retrieve guidance, store in one statement, then return the stored document."""
        done = await self.assess_encoded(questionnaire=questionnaire, source=source,
                                         caller=caller)
        return done.document

    async def assess_encoded(
        self, *, questionnaire: Questionnaire, source: str = "api", caller: str | None = None
    ) -> Assessed:
        """As `assess`, with the document encoded once for both the database and the caller."""
        supervisor, finder = self.supervisor, self.finder
        assert supervisor is not None and finder is not None
        # An unknown dataset_audit_id is refused (AuditReferenceError, 422) before anything runs;
        # a known one's measurements fill or contradict the form like the description's readings.
        audit = await referenced_audit(questionnaire=questionnaire, supervisor=supervisor)
        measured = audit_readings(audit=audit) if audit is not None else []
        # Run once, whichever path needs it first: the degraded answer reuses a finished one.
        evaluate = functools.cache(
            lambda: self._evaluate(questionnaire=questionnaire, measured=measured))

        if supervisor.up:

            async def guide_and_store(conn: AsyncConnection[Any]) -> Assessed:
                # The description's keyword search needs no score: its SQL is sent first and
                # runs in PostgreSQL while this process reads the description and advises.
                search = asyncio.ensure_future(finder.search_description(
                    conn, description=questionnaire.description))
                for _ in range(SEND_TURNS):
                    await asyncio.sleep(0)
                try:
                    result, doc = evaluate()
                finally:
                    described = await search
                found = await finder.find(conn, result=result, described=described)
                doc.guidance = [SupportingPassage.model_validate(p) for p in found]
                encoded = doc.to_json()
                await store(conn, encoded=encoded, source=source, caller=caller)
                return Assessed(document=doc, encoded=encoded)

            try:
                done = await supervisor.run(guide_and_store)
                metrics.ASSESSMENTS.labels(
                    recommendation=done.document.recommendation.value, source=source
                ).inc()
                return done
            except UNREACHABLE:  # down (marked by the supervisor) or busy (not marked)
                if self.spool is None:
                    raise
        return self._degraded(doc=evaluate()[1], source=source, caller=caller)

    def _degraded(self, *, doc: AssessmentDocument, source: str, caller: str | None) -> Assessed:
        """Answer without the database: no guidance, and spool the document durably first."""
        assert self.spool is not None
        doc.guidance = []
        doc.degraded = True
        doc.guidance_note = (
            "the database did not answer in time, so guidance passages are omitted; this "
            "assessment is spooled and will be stored (and retrievable by id) once the "
            "database is back"
        )
        encoded = doc.to_json()
        self.spool.append(doc=json.loads(encoded), source=source, caller=caller)
        metrics.DEGRADED.inc()
        metrics.SPOOL_DEPTH.inc()
        metrics.ASSESSMENTS.labels(recommendation=doc.recommendation.value, source=source).inc()
        return Assessed(document=doc, encoded=encoded)
