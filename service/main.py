"""The FastAPI application and its lifespan (database, pool, model, index)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import psycopg
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from knowledge.embeddings import Embedder
from knowledge.ingest import IngestReport, ingest
from models.advisor import Advisor
from models.estimates import load_assumptions
from service.api.routes import assess, assessments, guidance, health, model, ops
from service.assessment import Assessor
from service.config import BUILTIN_COLLECTION, Settings
from service.db.database import Database
from service.guidance import GuidanceFinder
from service.middleware import AdvisorMiddleware
from service.slack.routes import router as slack_router
from service.spool import Spool
from service.state import AppState
from service.supervisor import UNREACHABLE_ERRORS, Supervisor
from service.web.routes import router as web_router

log = logging.getLogger(__name__)


def rule_topics(*, advisor: Advisor) -> Iterable[tuple[str, str]]:
    """(id, message) of every rule and warning the model can fire, for query precomputation."""
    for key in ("rules", "warnings"):
        for item in advisor.artifact.get(key, []):
            if isinstance(item, dict) and item.get("id") and item.get("message"):
                yield str(item["id"]), str(item["message"])


def index_builtin(*, conninfo: str, corpus_dir: Path, embedder: Embedder) -> IngestReport:
    """Index the built-in corpus; an advisory lock makes workers starting together take turns."""
    with psycopg.connect(conninfo, autocommit=True) as lock:
        lock.execute("SELECT pg_advisory_lock(hashtext('advisor:index-builtin'))")
        return ingest(
            conninfo=conninfo, paths=[corpus_dir], collection=BUILTIN_COLLECTION, embedder=embedder
        )


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
    """Start the database and model, index the built-in corpus, open the pool; undo on exit."""
    settings: Settings = app.state.settings
    database = Database(settings=settings)
    embedder = Embedder()
    await asyncio.gather(asyncio.to_thread(database.start), asyncio.to_thread(embedder.load))
    pool = None
    supervisor: Supervisor | None = None
    try:
        assert database.conninfo is not None
        if settings.index_builtin:
            report = await asyncio.to_thread(
                index_builtin,
                conninfo=database.conninfo,
                corpus_dir=settings.corpus_dir,
                embedder=embedder,
            )
            log.info(
                "built-in corpus: %d new, %d replaced, %d unchanged",
                len(report.added),
                len(report.replaced),
                len(report.unchanged),
            )
        advisor = Advisor.load(path=settings.model_path)
        assumptions = load_assumptions(path=settings.estimates_file)
        finder = GuidanceFinder(
            embedder=embedder,
            collection=BUILTIN_COLLECTION,
            dense_description=settings.dense_description,
        )
        await asyncio.to_thread(finder.precompute, topics=list(rule_topics(advisor=advisor)))
        pool = database.make_pool()
        await pool.open(wait=True, timeout=30)
        spool = Spool(folder=settings.data_dir / "spool")
        supervisor = Supervisor(database=database, pool=pool, spool=spool, finder=finder)
        await supervisor.check()
        supervisor.start()
        assessor = Assessor(
            advisor=advisor,
            finder=finder,
            assumptions=assumptions,
            pool=pool,
            spool=spool,
            supervisor=supervisor,
        )
        state = AppState(
            settings=settings,
            database=database,
            pool=pool,
            embedder=embedder,
            advisor=advisor,
            assessor=assessor,
            supervisor=supervisor,
            spool=spool,
        )
        app.state.advisor_state = state
        yield {"app": state}
    finally:
        if supervisor is not None:
            await supervisor.stop()
        if pool is not None:
            await pool.close()
        # A CLI run that found the server already up leaves it to its owner.
        owner = getattr(app.state, "owns_database", True)
        await asyncio.to_thread(database.stop, only_if_started_here=not owner)


def create_app(*, settings: Settings | None = None) -> FastAPI:
    """Build the app; settings default to the environment."""
    app = FastAPI(
        title="Fine-tuning advisor",
        version="1.0.0",
        summary="Prompting, retrieval, fine-tuning, or a mix: an answer with reasons and sources.",
        lifespan=lifespan,
    )
    app.state.settings = settings = settings or Settings()
    for router in (
        health.router,
        assess.router,
        assessments.router,
        guidance.router,
        model.router,
        ops.router,
    ):
        app.include_router(router)
    app.include_router(slack_router)
    app.include_router(web_router)
    app.add_middleware(AdvisorMiddleware, api_keys=settings.api_key_list)
    app.add_exception_handler(UNREACHABLE_ERRORS, database_unavailable)
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, unparsable_body)  # type: ignore[arg-type]
    return app


async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with each field's location and message; the offending input is not echoed back."""
    detail = [
        {"loc": list(err.get("loc", ())), "msg": str(err.get("msg", "")), "type": err.get("type")}
        for err in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": detail})


async def unparsable_body(request: Request, exc: HTTPException) -> Response:
    """FastAPI answers 400 for bodies it cannot decode (bad UTF-8, deep nesting): make it 422."""
    if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
        return JSONResponse(
            status_code=422,
            content={
                "detail": [
                    {"loc": ["body"], "msg": "body is not valid UTF-8 JSON", "type": "json_invalid"}
                ]
            },
        )
    return await http_exception_handler(request, exc)


async def database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """A database outage is a 503 with a reason, never a 500."""
    return JSONResponse(
        status_code=503,
        content={"detail": f"database unavailable ({type(exc).__name__}); try again shortly"},
    )
