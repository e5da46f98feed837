"""The verdict page: a team pastes or uploads per-example scores and sees whether the gain is real.

GET shows the form with the assessment's success plan filled in; POST reads the CSV (pasted text
or an uploaded file), runs the same `models.verdict.decide` as POST /verdict, and shows the
verdict with both 95% intervals drawn against the baseline and the bar. Problems come back as a
422 page naming the line and column, with everything typed kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from models.document import AssessmentDocument
from models.verdict import VerdictPlan, VerdictRequest, VerdictResponse, decide
from models.verdict.chart import interval_chart
from models.verdict.csv_input import GUARDRAIL_COLUMNS, CsvScoresError, parse_scores_csv
from service.callers import Scope
from service.ratelimit import RateLimit
from service.web.gate import PageScope
from service.web.pages import ASSESSMENT_ID, message_page, page, state_of

router = APIRouter(tags=["pages"], dependencies=[Depends(PageScope(Scope.read))])
PLAN_FIELDS = ("baseline", "success_threshold", "guardrail_max_drop")


@dataclass
class VerdictForm:
    """What was typed, the problems found in it, and the verdict when there is one."""

    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    response: VerdictResponse | None = None


def _plan_values(*, doc: AssessmentDocument) -> dict[str, str]:
    """The form's plan fields, filled from the assessment's success plan where it has them."""
    plan = doc.success_plan
    known = {"baseline": plan.baseline, "success_threshold": plan.success_threshold,
             "guardrail_max_drop": plan.guardrail_max_drop}
    return {name: "" if value is None else f"{value:g}" for name, value in known.items()}


async def _text(*, form: Any, name: str) -> str:
    """An uploaded file's text when one was chosen, else what was pasted in the box."""
    upload = form.get(f"{name}_file")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read()
        return raw.decode("utf-8-sig")  # UnicodeDecodeError: the caller names the fix
    pasted = form.get(f"{name}_csv")
    return pasted if isinstance(pasted, str) else ""


def _plan(*, values: dict[str, str], errors: dict[str, list[str]]) -> VerdictPlan | None:
    """The plan numbers as typed, or None with the problems listed under `plan`."""
    numbers: dict[str, float] = {}
    for name in PLAN_FIELDS:
        text = values.get(name, "").strip()
        if not text:
            continue
        try:
            numbers[name] = float(text)
        except ValueError:
            errors.setdefault("plan", []).append(f"{name.replace('_', ' ')}: enter a number")
    try:
        return VerdictPlan(**numbers) if "plan" not in errors else None
    except ValidationError as err:
        errors.setdefault("plan", []).extend(_messages(error=err))
        return None


def _messages(*, error: ValidationError) -> list[str]:
    """Pydantic problems as short lines that name the field or row."""
    out = []
    for item in error.errors()[:20]:
        where = " ".join(str(part) for part in item.get("loc", ()) if part != "plan")
        out.append(f"{where}: {item.get('msg', '')}".strip(": ").removeprefix("Value error, "))
    return out


async def _judge(*, form: Any, values: dict[str, str]) -> VerdictForm:
    """Parse the plan and both CSVs, then decide; every problem is kept for the page."""
    result = VerdictForm(values=values)
    plan = _plan(values=values, errors=result.errors)
    pairs: dict[str, Any] = {}
    for name, columns, key in (("results", None, "results"),
                               ("guardrail", GUARDRAIL_COLUMNS, "guardrail_results")):
        try:
            text = await _text(form=form, name=name)
        except UnicodeDecodeError:
            result.errors[name] = ["the uploaded file is not UTF-8 text; save it as CSV (UTF-8)"]
            continue
        if not text.strip():
            if name == "results":
                result.errors[name] = ["paste or upload the per-example scores"]
            continue
        try:
            pairs[key] = (parse_scores_csv(text=text, columns=columns) if columns
                          else parse_scores_csv(text=text))
        except CsvScoresError as err:
            result.errors[name] = [str(problem) for problem in err.problems] or [str(err)]
    if plan is None or result.errors:
        return result
    try:
        result.response = decide(request=VerdictRequest(plan=plan, **pairs))
    except ValidationError as err:
        result.errors["results"] = _messages(error=err)
    return result


async def _assessment(*, request: Request, assessment_id: str) -> AssessmentDocument | HTMLResponse:
    """The stored assessment, or the page that says why there is none."""
    state = state_of(request=request)
    doc = None
    if ASSESSMENT_ID.match(assessment_id):
        doc, _ = await state.history.lookup(assessment_id=assessment_id)
    if doc is None:
        return message_page(request=request, heading="Assessment not found", status=404,
                            message="There is no assessment with that id to judge a result for.")
    return doc


def _render(*, request: Request, doc: AssessmentDocument, form: VerdictForm) -> HTMLResponse:
    """The page, 422 when anything typed needs fixing."""
    chart = interval_chart(response=form.response) if form.response is not None else None
    return page(request=request, name="verdict.html", status=422 if form.errors else 200,
                context={"doc": doc, "form": form, "chart": chart})


@router.get("/assessments/{assessment_id}/verdict", response_class=HTMLResponse,
            include_in_schema=False)
async def verdict_form(request: Request, assessment_id: str) -> HTMLResponse:
    """The empty form, with this assessment's plan filled in."""
    found = await _assessment(request=request, assessment_id=assessment_id)
    if isinstance(found, HTMLResponse):
        return found
    return _render(request=request, doc=found,
                   form=VerdictForm(values=_plan_values(doc=found)))


@router.post("/assessments/{assessment_id}/verdict", response_class=HTMLResponse,
             include_in_schema=False, dependencies=[Depends(RateLimit("verdict", page=True))])
async def verdict_submit(request: Request, assessment_id: str) -> HTMLResponse:
    """Judge the pasted or uploaded scores against the plan and show the verdict."""
    found = await _assessment(request=request, assessment_id=assessment_id)
    if isinstance(found, HTMLResponse):
        return found
    form = await request.form(max_files=2, max_fields=20, max_part_size=8_000_000)
    values = {name: str(form.get(name) or "") for name in PLAN_FIELDS}
    values["results_csv"] = str(form.get("results_csv") or "")
    values["guardrail_csv"] = str(form.get("guardrail_csv") or "")
    judged = await _judge(form=form, values=values)
    return _render(request=request, doc=found, form=judged)
