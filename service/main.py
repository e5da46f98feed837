"""The FastAPI application; its lifespan is service.parts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from service.api.routes import assess, assessments, guidance, health, model, ops
from service.config import Settings
from service.db.errors import UNREACHABLE_ERRORS
from service.middleware import AdvisorMiddleware
from service.parts import open_parts
from service.slack.routes import router as slack_router
from service.web.routes import router as web_router
from service.web.verdict import router as verdict_page_router


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
    """Start every part the API runs on; requests see them as request.state.app."""
    async with open_parts(settings=app.state.settings, owner=True) as state:
        yield {"app": state}


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
    app.include_router(verdict_page_router)
    app.add_middleware(AdvisorMiddleware)
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
