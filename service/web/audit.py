"""The dataset audit for people: upload a training file (GET/POST /audit), then read the stored
audit at /datasets/audits/{id}/report: findings with their first lines and a histogram of
example lengths. The same pipeline, limits and storage as POST /datasets/audit."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.requests import ClientDisconnect

from models.audit import AuditInputError
from models.audit.chart import histogram
from models.audit.document import AuditDocument
from models.document import AssessmentDocument
from service.audits import RETRY_AFTER_S, AuditBusy
from service.callers import Scope
from service.db import audits
from service.db.errors import UNREACHABLE
from service.middleware import LARGE_BODY_BYTES
from service.ratelimit import RateLimit
from service.state import AppState
from service.uploads import UploadProblem, audit_upload
from service.web.gate import PageScope, caller_name
from service.web.pages import ASSESSMENT_ID, message_page, page, state_of

log = logging.getLogger(__name__)
router = APIRouter(tags=["pages"])
READ = [Depends(PageScope(Scope.read))]
UPLOAD = [Depends(PageScope(Scope.assess))]
RECENT_LIMIT = 10
HEADLINE_FINDINGS = 3
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
UNAVAILABLE = ("Audits are unavailable", "The advisor cannot reach its database right now; "
               "try again in a minute.")


async def _form(*, request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    """The upload form, the latest audits, and a problem to fix if there is one."""
    recent: list[audits.AuditSummary] = []
    state = state_of(request=request)
    try:
        if state.supervisor.up:
            recent = await state.supervisor.run(
                lambda conn: audits.recent(conn, limit=RECENT_LIMIT))
    except UNREACHABLE as err:
        log.warning("audit page without history: %s", type(err).__name__)
    return page(request=request, name="audit.html", status=status, context={
        "error": error, "recent": recent, "limit_mb": LARGE_BODY_BYTES["audit"] // 1_000_000})


@router.get("/audit", response_class=HTMLResponse, include_in_schema=False, dependencies=UPLOAD)
async def audit_form(request: Request) -> HTMLResponse:
    """Where people upload a training file to be audited."""
    return await _form(request=request)


@router.post("/audit", include_in_schema=False, response_model=None,
             dependencies=[*UPLOAD, Depends(RateLimit("audit", page=True))])
async def audit_submit(request: Request) -> Response:
    """Audit the uploaded files, store the audit and show it; problems come back on the form."""
    state = state_of(request=request)
    try:
        doc = await audit_upload(request=request, state=state, context_limit=None,
                                 source="page", caller=caller_name(request=request))
    except AuditBusy:
        busy = message_page(request=request, heading="The auditor is busy", status=503,
                            message=f"Another audit is running. Please upload the file again "
                                    f"in about {RETRY_AFTER_S} seconds.")
        busy.headers["retry-after"] = str(RETRY_AFTER_S)
        return busy
    except UploadProblem as err:
        return await _form(request=request, error=err.message, status=err.status)
    except AuditInputError as err:
        where = f" (line {err.line})" if err.line else ""
        return await _form(request=request, error=f"The {err.file} file cannot be audited"
                                                  f"{where}: {err.message}", status=422)
    except ClientDisconnect:
        return Response(status_code=400)
    except UNREACHABLE:
        return message_page(request=request, heading=UNAVAILABLE[0], message=UNAVAILABLE[1],
                            status=503)
    if doc is None:
        return Response(status_code=400)
    return RedirectResponse(url=f"/datasets/audits/{doc.id}/report", status_code=303)


def by_severity(*, doc: AuditDocument) -> list[Any]:
    """The most serious findings first, the larger first within a severity."""
    return sorted(doc.findings, key=lambda f: (SEVERITY_ORDER[f.severity], -f.count))


async def audit_headline(*, state: AppState, doc: AssessmentDocument) -> dict[str, Any] | None:
    """What the assessment report shows of the audit its questionnaire names (None: none)."""
    audit_id = doc.questionnaire.dataset_audit_id
    if audit_id is None:
        return None
    try:
        found = await state.supervisor.run(lambda conn: audits.fetch(conn, audit_id=audit_id))
    except UNREACHABLE:
        return {"id": audit_id, "doc": None, "note": "The audit cannot be read right now."}
    if found is None:
        return {"id": audit_id, "doc": None, "note": "The audit is no longer stored."}
    findings = by_severity(doc=found)
    return {"id": audit_id, "doc": found, "findings": findings[:HEADLINE_FINDINGS],
            "more": max(0, len(findings) - HEADLINE_FINDINGS), "note": None,
            "name": found.files["train"].name if "train" in found.files else None}


def context(*, doc: AuditDocument) -> dict[str, Any]:
    """Template variables for one audit."""
    return {
        "doc": doc,
        "findings": by_severity(doc=doc),
        "chart": histogram(stats=doc.tokens.total, context_limit=doc.tokens.context_limit),
        "train_name": doc.files["train"].name if "train" in doc.files else None,
    }


@router.get("/datasets/audits/{audit_id}/report", response_class=HTMLResponse,
            include_in_schema=False, dependencies=READ)
async def audit_report(request: Request, audit_id: str) -> HTMLResponse:
    """One stored audit, laid out for people."""
    missing = ("Audit not found", "There is no dataset audit with that id. It may have been "
               "mistyped.")
    if not ASSESSMENT_ID.match(audit_id):
        return message_page(request=request, heading=missing[0], message=missing[1], status=404)
    state = state_of(request=request)
    try:
        doc = await state.supervisor.run(lambda conn: audits.fetch(conn, audit_id=audit_id))
    except UNREACHABLE:
        return message_page(request=request, heading=UNAVAILABLE[0], message=UNAVAILABLE[1],
                            status=503)
    if doc is None:
        return message_page(request=request, heading=missing[0], message=missing[1], status=404)
    return page(request=request, name="audit_report.html", context=context(doc=doc))
