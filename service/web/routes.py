"""HTML pages: home, the intake form (GET and POST) and the report of a stored assessment."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.document import AssessmentDocument
from service.callers import Scope
from service.db import audit
from service.db.errors import UNREACHABLE
from service.ratelimit import RateLimit
from service.spool import SpoolWriteError
from service.web import view
from service.web.fields import BY_NAME, OPTIONAL, REQUIRED, defaults
from service.web.form import parse, raw_values
from service.web.gate import PageScope, caller_name
from service.web.pages import ASSESSMENT_ID, message_page, page, state_of

log = logging.getLogger(__name__)

RECENT_LIMIT = 10
router = APIRouter(tags=["pages"])
READ = [Depends(PageScope(Scope.read))]
ASSESS = [Depends(PageScope(Scope.assess))]


def _intake(
    *, request: Request, values: dict[str, str], errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    """The form, with whatever was typed and any errors beside their fields."""
    return page(request=request, name="intake.html", status=status, context={
        "values": values, "errors": errors, "required": REQUIRED, "optional": OPTIONAL,
        "fields": BY_NAME,
    })


@router.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=READ)
async def home(request: Request) -> HTMLResponse:
    """Where people start: the form, the API docs and the latest reports."""
    state = state_of(request=request)
    items: list[AssessmentDocument] = []
    history_error = None
    try:
        items = await state.history.recent(limit=RECENT_LIMIT)
        await state.supervisor.run(lambda conn: audit.record(
            conn, caller=caller_name(request=request), action="assessments.list",
            detail={"limit": RECENT_LIMIT, "returned": len(items), "page": "home"},
        ))
    except UNREACHABLE as err:
        log.warning("home page without history: %s", type(err).__name__)
        history_error = "The history is unavailable right now; new assessments still work."
    return page(request=request, name="home.html",
                 context={"items": items, "history_error": history_error})


@router.get("/intake", response_class=HTMLResponse, include_in_schema=False, dependencies=ASSESS)
async def intake_form(request: Request) -> HTMLResponse:
    """The blank form, or one prefilled from the query string (the report's "change" links)."""
    query = request.query_params
    values = raw_values(form=query) if any(name in query for name in BY_NAME) else defaults()
    return _intake(request=request, values=values, errors={})


@router.post("/intake", include_in_schema=False, response_model=None,
             dependencies=[*ASSESS, Depends(RateLimit("intake", page=True))])
async def intake_submit(request: Request) -> Response:
    """Validate like POST /assess, run the same pipeline, then show the stored report."""
    form = await request.form()
    submission = parse(form=form)
    if submission.questionnaire is None:
        return _intake(request=request, values=submission.values, errors=submission.errors,
                       status=422)
    state = state_of(request=request)
    try:
        doc = await state.assessor.assess(questionnaire=submission.questionnaire, source="intake",
                                          caller=caller_name(request=request))
    except (*UNREACHABLE, SpoolWriteError) as err:
        log.warning("intake assessment failed: %s", type(err).__name__)
        errors = {"__all__": "The advisor cannot reach its database right now. Your answers are "
                             "kept: please submit again in a minute."}
        return _intake(request=request, values=submission.values, errors=errors, status=503)
    return RedirectResponse(url=f"/assessments/{doc.id}/report", status_code=303)


@router.get("/assessments/{assessment_id}/report", response_class=HTMLResponse,
            include_in_schema=False, dependencies=READ)
async def assessment_report(request: Request, assessment_id: str) -> HTMLResponse:
    """One assessment, laid out for people and for print."""
    missing = ("Assessment not found",
               "There is no assessment with that id. It may have been mistyped.")
    if not ASSESSMENT_ID.match(assessment_id):
        return message_page(request=request, heading=missing[0], message=missing[1], status=404)
    state = state_of(request=request)
    busy = False
    try:
        doc, pending = await state.history.lookup(assessment_id=assessment_id)
    except UNREACHABLE:  # busy: neither the database nor the spool could say
        doc, pending, busy = None, False, True
    if doc is None and (busy or not state.supervisor.up):
        return message_page(request=request, heading="Reports are unavailable", status=503,
                        message="The advisor cannot reach its database right now; try again "
                                "in a minute.")
    if doc is None:
        return message_page(request=request, heading=missing[0], message=missing[1], status=404)
    return page(request=request, name="report.html",
                 context=view.context(doc=doc, pending=pending))
