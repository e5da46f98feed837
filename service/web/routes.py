"""HTML pages: home, the intake form (GET and POST) and the report of a stored assessment."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from models.document import AssessmentDocument
from service.audit_answers import AuditReferenceError
from service.callers import Scope
from service.db import audit
from service.db.errors import UNREACHABLE
from service.ratelimit import RateLimit
from service.spool import SpoolWriteError
from service.web import markdown, view
from service.web.audit import audit_headline
from service.web.fields import BY_NAME, OPTIONAL, REQUIRED, defaults
from service.web.form import parse, raw_values
from service.web.gate import PageScope, caller_name
from service.web.pages import ASSESSMENT_ID, SECURITY_HEADERS, message_page, page, state_of

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
    except AuditReferenceError as err:
        return _intake(request=request, values=submission.values,
                       errors={"dataset_audit_id": err.message}, status=422)
    return RedirectResponse(url=f"/assessments/{doc.id}/report", status_code=303)


MISSING = ("Assessment not found",
           "There is no assessment with that id. It may have been mistyped.")
UNAVAILABLE = ("Reports are unavailable",
               "The advisor cannot reach its database right now; try again in a minute.")


async def _stored(
    *, request: Request, assessment_id: str
) -> tuple[AssessmentDocument | None, bool, tuple[int, tuple[str, str]]]:
    """The stored (or spooled) document and whether it is pending, or why there is none."""
    if not ASSESSMENT_ID.match(assessment_id):
        return None, False, (404, MISSING)
    state = state_of(request=request)
    busy = False
    try:
        doc, pending = await state.history.lookup(assessment_id=assessment_id)
    except UNREACHABLE:  # busy: neither the database nor the spool could say
        doc, pending, busy = None, False, True
    if doc is None and (busy or not state.supervisor.up):
        return None, False, (503, UNAVAILABLE)
    return doc, pending, (404, MISSING)


@router.get("/assessments/{assessment_id}/report", response_class=HTMLResponse,
            include_in_schema=False, dependencies=READ)
async def assessment_report(request: Request, assessment_id: str) -> HTMLResponse:
    """One assessment, laid out for people and for print."""
    doc, pending, (status, (heading, message)) = await _stored(
        request=request, assessment_id=assessment_id)
    if doc is None:
        return message_page(request=request, heading=heading, message=message, status=status)
    context = view.context(doc=doc, pending=pending)
    context["audit"] = await audit_headline(state=state_of(request=request), doc=doc)
    return page(request=request, name="report.html", context=context)


@router.get(
    "/assessments/{assessment_id}/report.md", response_class=PlainTextResponse,
    dependencies=READ,
    responses={200: {"content": {"text/markdown": {}},
                     "description": "the report page's sections as Markdown"},
               404: {"description": "no assessment with that id"},
               503: {"description": "database unavailable"}},
)
async def assessment_markdown(request: Request, assessment_id: str) -> Response:
    """The whole report as Markdown, for a design doc or a ticket; links are absolute."""
    doc, pending, (status, (heading, message)) = await _stored(
        request=request, assessment_id=assessment_id)
    if doc is None:
        return PlainTextResponse(f"{heading}: {message}\n", status_code=status)
    state = state_of(request=request)
    text = markdown.render(doc=doc, base_url=state.settings.public_url, pending=pending,
                           audit=await audit_headline(state=state, doc=doc))
    return Response(text, media_type="text/markdown; charset=utf-8", headers={
        **SECURITY_HEADERS,
        "content-disposition": f'inline; filename="assessment-{doc.id}.md"',
    })
