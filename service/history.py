"""Stored assessments for the API and the pages: the database while it answers, else the spool."""

from __future__ import annotations

from models.document import AssessmentDocument
from service.db import assessments
from service.db.errors import UNREACHABLE
from service.spool import Spool
from service.supervisor import Supervisor


class History:
    """Reads that fall back to the spool, so an answer given while degraded stays retrievable."""

    def __init__(self, *, supervisor: Supervisor, spool: Spool) -> None:
        self.supervisor = supervisor
        self.spool = spool

    async def lookup(self, *, assessment_id: str) -> tuple[AssessmentDocument | None, bool]:
        """The stored document, else a spooled one (flagged pending); None when neither has it."""
        if self.supervisor.up:
            try:
                async with self.supervisor.connection() as conn:
                    doc = await assessments.fetch(conn, assessment_id=assessment_id)
                if doc is not None:
                    return doc, False
            except UNREACHABLE:
                pass  # marked down; the spool may still hold it
        spooled = self.spool.find(assessment_id=assessment_id)
        if spooled is None:
            return None, False
        return assessments.as_document(spooled), True

    async def recent(self, *, limit: int) -> list[AssessmentDocument]:
        """Newest first; raises one of UNREACHABLE while the database is down."""
        if not self.supervisor.up:
            raise ConnectionError("database marked down")
        async with self.supervisor.connection() as conn:
            return await assessments.recent(conn, limit=limit)
