"""Dataset audits: upload training examples, get them measured; read a stored audit again."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.requests import ClientDisconnect

from models.audit import AuditInputError
from models.audit.document import AuditDocument
from service.api.deps import CallerDep, RequireScope, StateDep, get_caller
from service.api.schemas import ErrorBody
from service.audits import RETRY_AFTER_S, AuditBusy
from service.callers import Scope
from service.db import audits
from service.db.errors import UNREACHABLE
from service.middleware import LARGE_BODY_BYTES
from service.ratelimit import RateLimit
from service.uploads import UploadProblem, audit_upload

log = logging.getLogger(__name__)

router = APIRouter(
    prefix="/datasets",
    tags=["datasets"],
    dependencies=[Depends(get_caller)],
    responses={
        401: {"model": ErrorBody, "description": "ADVISOR_API_KEYS is set and x-api-key is wrong"},
        403: {"model": ErrorBody, "description": "the caller's key lacks the route's scope"},
        503: {"model": ErrorBody, "description": "database unavailable, or every audit slot "
                                                 "busy (then with Retry-After)"},
    },
)

AuditId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]
ContextLimit = Annotated[int | None, Query(
    ge=16, le=10_000_000, description="tokens; examples above it are counted (default 4096)")]
FILE = {"type": "string", "format": "binary"}
UPLOAD_BODY = {
    "required": True,
    "content": {
        "application/x-ndjson": {"schema": {
            **FILE, "description": "the training examples, one JSON object per line"}},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["train"],
            "properties": {
                "train": {**FILE, "description": "training examples (JSON Lines)"},
                "eval": {**FILE, "description": "eval examples (JSON Lines), checked for "
                                                "leakage from train"},
                "traffic": {**FILE, "description": "production inputs, one per line or JSON "
                                                   "Lines, compared with the training inputs"},
            },
        }},
    },
}


def problem(*, status: int, loc: list[str | int], message: str, kind: str,
            **extra: object) -> JSONResponse:
    """The API's error shape: a list of {loc, msg, type}."""
    return JSONResponse(status_code=status, content={
        "detail": [{"loc": loc, "msg": message, "type": kind, **extra}]})


@router.post(
    "/audit",
    status_code=201,
    response_model=AuditDocument,
    openapi_extra={"requestBody": UPLOAD_BODY},
    dependencies=[Depends(RequireScope(Scope.assess)), Depends(RateLimit("audit"))],
    responses={
        413: {"model": ErrorBody,
              "description": f"body over {LARGE_BODY_BYTES['audit']:,} bytes"},
        415: {"model": ErrorBody, "description": "neither JSON Lines nor a multipart form"},
        422: {"model": ErrorBody, "description": "no usable input: names the file, the line "
                                                 "and the fix"},
        429: {"model": ErrorBody, "description": "rate limit; see Retry-After"},
    },
)
async def create_audit(request: Request, state: StateDep, caller: CallerDep,
                       context_limit: ContextLimit = None) -> Response:
    """Measure a training file (and optionally an eval file and a traffic sample), store the
    audit (not the data) and answer with it."""
    try:
        doc = await audit_upload(request=request, state=state, context_limit=context_limit,
                                 source="api", caller=caller.name)
    except AuditBusy as err:
        raise HTTPException(status_code=503, detail=str(err),
                            headers={"retry-after": str(RETRY_AFTER_S)}) from err
    except UploadProblem as err:
        return problem(status=err.status, loc=list(err.loc), message=err.message,
                       kind="upload")
    except AuditInputError as err:
        return problem(status=422, loc=["body", err.file], message=err.message,
                       kind="audit_input", file=err.file, line=err.line)
    except ClientDisconnect:
        return Response(status_code=400)  # nobody reads it: the client left (or got a 413)
    except UNREACHABLE as err:
        log.warning("audit not stored: %s", type(err).__name__)
        raise HTTPException(status_code=503, detail="database unavailable, so the audit could "
                            "not be stored; try again shortly") from err
    if doc is None:
        return Response(status_code=400)
    return Response(content=doc.to_json(), status_code=201, media_type="application/json")


@router.get(
    "/audits/{audit_id}",
    response_model=AuditDocument,
    dependencies=[Depends(RequireScope(Scope.read))],
    responses={404: {"model": ErrorBody, "description": "no audit with that id"}},
)
async def get_audit(audit_id: AuditId, state: StateDep) -> Response:
    """The stored audit document, exactly as POST /datasets/audit returned it."""
    try:
        doc = await state.supervisor.run(lambda conn: audits.fetch(conn, audit_id=audit_id))
    except UNREACHABLE as err:
        raise HTTPException(status_code=503, detail="database unavailable; try again "
                            "shortly") from err
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no dataset audit with id {audit_id!r}")
    return Response(content=doc.to_json(), media_type="application/json")
