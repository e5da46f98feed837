"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from pydantic import BaseModel, ConfigDict

from service.api.deps import StateDep
from service.config import BUILTIN_COLLECTION
from service.db.health import count_chunks

router = APIRouter(tags=["health"])
# /readyz answers within 2 s whatever the database does (frozen, gone or swamped).
READY_DEADLINE_S = 1.5


class Health(BaseModel):
    """The process is up."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: str


class Readiness(BaseModel):
    """Whether the database answers and the knowledge index is loaded."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"status": "ready", "database": True, "knowledge_chunks": 60, "detail": None},
                {
                    "status": "unavailable",
                    "database": False,
                    "knowledge_chunks": 0,
                    "detail": "database unreachable: PoolTimeout",
                },
            ]
        }
    )

    status: str
    database: bool
    knowledge_chunks: int
    detail: str | None = None


@router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """Liveness: the process answers; never touches the database."""
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "database down or index empty"}},
)
async def readyz(state: StateDep, response: Response) -> Readiness:
    """Readiness: the database answers and the built-in knowledge index is loaded (<= 2 s)."""
    try:
        chunks = await state.supervisor.run(
            lambda conn: count_chunks(conn, collection=BUILTIN_COLLECTION),
            deadline_s=READY_DEADLINE_S,
        )
    except Exception as err:  # any failure to reach the database means "not ready"
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return Readiness(
            status="unavailable",
            database=False,
            knowledge_chunks=0,
            detail=f"database unreachable: {type(err).__name__}",
        )
    if chunks == 0:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return Readiness(
            status="unavailable",
            database=True,
            knowledge_chunks=0,
            detail="knowledge index is empty; run `advisor serve` or `advisor ingest`",
        )
    return Readiness(status="ready", database=True, knowledge_chunks=chunks)
