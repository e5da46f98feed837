"""The FastAPI application; its lifespan is service.parts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from service.api.bounded import bounded_body, invalid_request
from service.api.routes import assess, assessments, datasets, docs, guidance, health, model, ops
from service.audit_answers import AuditReferenceError, unusable_audit
from service.config import Settings
from service.db.errors import UNREACHABLE_ERRORS, is_busy
from service.middleware import AdvisorMiddleware
from service.parts import open_parts
from service.ratelimit import Limiter, RateLimited
from service.slack.routes import router as slack_router
from service.spool import SpoolWriteError
from service.web import login
from service.web.audit import router as audit_page_router
from service.web.gate import LoginRequired, PageForbidden
from service.web.pages import message_page
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
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(bounded_body)],
    )
    app.state.settings = settings = settings or Settings()
    app.state.limiter = Limiter(settings=settings)
    for router in (
        health.router,
        assess.router,
        assessments.router,
        datasets.router,
        guidance.router,
        model.router,
        ops.router,
        docs.router,
        slack_router,
        login.router,
        web_router,
        verdict_page_router,
        audit_page_router,
    ):
        app.include_router(router)
    app.mount(docs.ASSETS_URL, docs.assets(), name="docs-assets")
    app.add_middleware(
        AdvisorMiddleware,
        max_body_bytes=settings.max_body_bytes,
        body_timeout_s=settings.body_timeout_s,
    )
    app.add_exception_handler(UNREACHABLE_ERRORS, database_unavailable)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, unparsable_body)  # type: ignore[arg-type]
    app.add_exception_handler(LoginRequired, login.login_required)
    app.add_exception_handler(PageForbidden, login.page_forbidden)
    app.add_exception_handler(RateLimited, too_many_requests)
    app.add_exception_handler(SpoolWriteError, spool_unwritable)
    app.add_exception_handler(AuditReferenceError, unusable_audit)
    return app


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
    """A database outage (or a busy pool, or a missed deadline) is a 503 with a reason."""
    if is_busy(exc):
        return JSONResponse(
            status_code=503, headers={"retry-after": "1"},
            content={"detail": f"database busy ({type(exc).__name__}); try again in a second"},
        )
    return JSONResponse(
        status_code=503,
        content={"detail": f"database unavailable ({type(exc).__name__}); try again shortly"},
        headers={"retry-after": "5"},
    )


async def spool_unwritable(request: Request, exc: Exception) -> JSONResponse:
    """Database down and the spool unwritable: nothing was stored, so say so (never a 500)."""
    return JSONResponse(status_code=503, content={"detail": str(exc)},
                        headers={"retry-after": "30"})


async def too_many_requests(request: Request, exc: Exception) -> Response:
    """429 with Retry-After; a page for the pages, JSON for the API."""
    assert isinstance(exc, RateLimited)
    headers = {"retry-after": str(exc.retry_after_s)}
    message = f"too many requests ({exc.bucket}); try again in {exc.retry_after_s} s"
    if exc.page:
        response = message_page(request=request, heading="Too many requests", status=429,
                                message=message[0].upper() + message[1:] + ".")
        response.headers.update(headers)
        return response
    return JSONResponse(status_code=429, content={"detail": message}, headers=headers)
