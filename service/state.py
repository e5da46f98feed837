"""Everything the lifespan builds once and requests share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from knowledge.embeddings import Embedder
from service.config import Settings
from service.db.database import Database

if TYPE_CHECKING:
    from models.advisor import Advisor
    from service.assessment import Assessor
    from service.spool import Spool
    from service.supervisor import Supervisor


@dataclass
class AppState:
    """Lifespan state: settings, database, pool, embedder, model and the assessment pipeline."""

    settings: Settings
    database: Database
    pool: AsyncConnectionPool[AsyncConnection[Any]]
    embedder: Embedder
    advisor: Advisor
    assessor: Assessor
    supervisor: Supervisor
    spool: Spool
