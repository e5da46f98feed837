"""Everything service.parts builds once and requests share."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from service.config import Settings

if TYPE_CHECKING:
    from knowledge.embeddings import Embedder
    from models.advisor import Advisor
    from models.reading.reader import Reader
    from service.assessment import Assessor
    from service.audits import Auditor
    from service.db.database import Database
    from service.guidance import GuidanceFinder
    from service.history import History
    from service.searcher import Searcher
    from service.spool import Spool
    from service.supervisor import Supervisor

T = TypeVar("T")


class Need(enum.Flag):
    """What a command asks service.parts for; SERVICE is everything the API runs on."""

    DATABASE = enum.auto()  # the server up (embedded mode) and migrated
    EMBEDDER = enum.auto()  # the embedding model loaded
    ADVISOR = enum.auto()  # the model artifact: assessments without guidance
    SERVICE = enum.auto()  # the above plus the index, pool, guidance, spool and supervisor


def _built(value: T | None, *, name: str) -> T:
    if value is None:
        raise RuntimeError(f"{name} was not started: ask service.parts.open_parts for it")
    return value


@dataclass
class AppState:
    """The parts one process runs on; a part the command did not ask for raises when used."""

    settings: Settings
    database_: Database | None = None
    pool_: AsyncConnectionPool[AsyncConnection[Any]] | None = None
    embedder_: Embedder | None = None
    advisor_: Advisor | None = None
    reader_: Reader | None = None
    searcher_: Searcher | None = None
    finder_: GuidanceFinder | None = None
    spool_: Spool | None = None
    supervisor_: Supervisor | None = None
    assessor_: Assessor | None = None
    history_: History | None = None
    auditor_: Auditor | None = None

    @property
    def database(self) -> Database:
        """The started database (embedded or external)."""
        return _built(self.database_, name="the database")

    @property
    def conninfo(self) -> str:
        """The started database's connection string."""
        return _built(self.database.conninfo, name="the database connection")

    @property
    def pool(self) -> AsyncConnectionPool[AsyncConnection[Any]]:
        """The open connection pool."""
        return _built(self.pool_, name="the connection pool")

    @property
    def embedder(self) -> Embedder:
        """The loaded embedding model."""
        return _built(self.embedder_, name="the embedder")

    @property
    def advisor(self) -> Advisor:
        """The rules-plus-logistic model."""
        return _built(self.advisor_, name="the advisor")

    @property
    def searcher(self) -> Searcher:
        """Question rewriting and hybrid search, with each collection's vocabulary cached."""
        return _built(self.searcher_, name="the searcher")

    @property
    def finder(self) -> GuidanceFinder:
        """Guidance passages for assessments."""
        return _built(self.finder_, name="the guidance finder")

    @property
    def spool(self) -> Spool:
        """Assessments waiting for the database."""
        return _built(self.spool_, name="the spool")

    @property
    def supervisor(self) -> Supervisor:
        """The database watcher."""
        return _built(self.supervisor_, name="the supervisor")

    @property
    def assessor(self) -> Assessor:
        """The one assessment pipeline (REST, Slack, the intake form and the CLI)."""
        return _built(self.assessor_, name="the assessor")

    @property
    def history(self) -> History:
        """Stored assessments, with the spool as fallback."""
        return _built(self.history_, name="the assessment history")

    @property
    def auditor(self) -> Auditor:
        """Dataset audits, a bounded number at a time."""
        return _built(self.auditor_, name="the dataset auditor")
