"""POST /slack/events: every Slack request, verified by Bolt; 503 until Slack is configured."""

from __future__ import annotations

import logging
import re

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse
from slack_bolt.adapter.fastapi.async_handler import AsyncSlackRequestHandler
from slack_sdk.signature import SignatureVerifier

from models.audit.document import AuditDocument
from service.api.deps import StateDep
from service.db import audits
from service.slack.app import build_app, missing_settings
from service.state import AppState

log = logging.getLogger(__name__)

router = APIRouter(tags=["slack"])
HANDLER_KEY = "slack_handler"
TIMESTAMP = re.compile(r"\d{1,12}")
FORM_BODY = {
    "required": True,
    "content": {"application/x-www-form-urlencoded": {"schema": {
        "type": "object", "additionalProperties": {"type": "string"},
        "description": "a slash command's fields, or `payload` holding an interaction as JSON",
    }}},
}


def slack_handler(*, request: Request, state: AppState) -> AsyncSlackRequestHandler:
    """One Bolt app per lifespan, built on first use and kept on the FastAPI app."""
    cached = getattr(request.app.state, HANDLER_KEY, None)
    if isinstance(cached, tuple) and cached[0] is state:
        handler: AsyncSlackRequestHandler = cached[1]
        return handler
    async def find_audit(audit_id: str) -> AuditDocument | None:
        return await state.supervisor.run(lambda conn: audits.fetch(conn, audit_id=audit_id))

    handler = AsyncSlackRequestHandler(build_app(settings=state.settings, assessor=state.assessor,
                                                 find_audit=find_audit))
    setattr(request.app.state, HANDLER_KEY, (state, handler))
    return handler


async def well_formed(*, request: Request) -> bool:
    """A non-integer timestamp or a non-UTF-8 body can never carry a valid signature."""
    timestamp = request.headers.get("x-slack-request-timestamp")
    if timestamp is not None and not TIMESTAMP.fullmatch(timestamp):
        return False
    try:
        (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


async def signed(*, request: Request, state: AppState) -> bool:
    """Signature check that treats any unreadable header or body as unsigned."""
    secret = state.settings.slack_signing_secret
    if secret is None:
        return False
    verifier = SignatureVerifier(signing_secret=secret.get_secret_value())
    try:
        return verifier.is_valid_request(body=await request.body(), headers=dict(request.headers))
    except (ValueError, TypeError, OverflowError):
        return False


def unverified() -> JSONResponse:
    """The same 401 body Bolt gives, for requests refused before or after it."""
    return JSONResponse(status_code=status.HTTP_401_UNAUTHORIZED,
                        content={"error": "invalid request"})


def not_configured(*, missing: list[str]) -> JSONResponse:
    """503 that names exactly what an operator has to set."""
    names = " and ".join(missing)
    return JSONResponse(
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        content={"detail": f"The Slack integration is not configured: set {names} (from the "
                 "Slack app's settings) and restart the service. Everything else keeps working."},
    )


@router.post(
    "/slack/events",
    summary="Slack slash commands and interactions",
    openapi_extra={"requestBody": FORM_BODY},
    responses={
        200: {"description": "acknowledged; any reply for Slack is in the body"},
        401: {"description": "missing, forged or stale (over 5 minutes) Slack signature"},
        503: {"description": "SLACK_SIGNING_SECRET or SLACK_BOT_TOKEN is not set"},
    },
)
async def slack_events(request: Request, state: StateDep) -> Response:
    """Hand the request to Bolt, which checks the signature before anything else."""
    missing = missing_settings(settings=state.settings)
    if missing:
        return not_configured(missing=missing)
    if not await well_formed(request=request):
        return unverified()
    handler = slack_handler(request=request, state=state)
    try:
        response = await handler.handle(request)
    except Exception:
        # Bolt parses the body before verifying it, so junk can raise here; only a signed
        # request deserves to hear more than 401.
        if not await signed(request=request, state=state):
            return unverified()
        log.exception("a signed Slack request could not be processed")
        return JSONResponse(status_code=400, content={"detail": "malformed Slack request"})
    if response.status_code >= 500 and not await signed(request=request, state=state):
        return unverified()
    return response
