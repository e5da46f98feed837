"""Stored assessments for the API and the pages: the database while it answers, else the spool."""

from __future__ import annotations

from models.document import AssessmentDocument
from service.db import assessments
from service.db.errors import UNREACHABLE, DatabaseDown, is_busy
from service.spool import Spool
from service.supervisor import Supervisor


class History:
    """Reads that fall back to the spool, so an answer given while degraded stays retrievable."""

    def __init__(self, *, supervisor: Supervisor, spool: Spool) -> None:
        self.supervisor = supervisor
        self.spool = spool

    async def lookup(self, *, assessment_id: str) -> tuple[AssessmentDocument | None, bool]:
        """The stored document, else a spooled one (flagged pending); None when neither has it.

        A busy database (pool timeout, deadline) re-raises when the spool does not have it,
        so the caller answers 503 rather than a wrong 404.
        """
        busy: BaseException | None = None
        if self.supervisor.up:
            try:
                doc = await self.supervisor.run(
                    lambda conn: assessments.fetch(conn, assessment_id=assessment_id)
                )
                if doc is not None:
                    return doc, False
            except UNREACHABLE as err:  # down (marked) or busy; the spool may still hold it
                busy = err if is_busy(err) else None
        spooled = self.spool.find(assessment_id=assessment_id)
        if spooled is not None:
            return assessments.as_document(spooled), True
        if busy is not None:
            raise busy
        return None, False

    async def recent(
        self, *, limit: int, before: tuple[str, str] | None = None
    ) -> list[AssessmentDocument]:
        """Newest first; raises one of UNREACHABLE while the database is down or busy."""
        if not self.supervisor.up:
            raise DatabaseDown("database marked down; the supervisor is checking it")
        return await self.supervisor.run(
            lambda conn: assessments.recent(conn, limit=limit, before=before)
        )
