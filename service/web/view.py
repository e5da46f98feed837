"""Assemble everything the report template needs from one stored assessment document."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from service.web import report
from service.web.fields import ALL_FIELDS

SEVERITY_ORDER = {"high": 0, "caution": 1, "info": 2}
# Keep prefill links well under common request-line limits; a long description is dropped.
MAX_LINK_CHARS = 6000


def mappings(*, value: Any) -> list[dict[str, Any]]:
    """The dict items of a list, so a malformed stored section cannot break the page."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def form_value(*, value: Any) -> str | None:
    """A typed questionnaire answer as the form submits it; None for unknown."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def form_link(*, answers: dict[str, Any], field: str | None = None, to: Any = None) -> str:
    """An /intake address prefilled with the answers, optionally with one answer changed."""
    given = dict(answers)
    if field is not None:
        given[field] = to
    names = [spec.name for spec in ALL_FIELDS]
    pairs = [(name, text) for name in names
             if (text := form_value(value=given.get(name))) is not None]
    query = urlencode(pairs)
    if len(query) > MAX_LINK_CHARS:
        query = urlencode([(name, text) for name, text in pairs if name != "description"])
    return "/intake?" + query


def context(*, doc: dict[str, Any], pending: bool = False) -> dict[str, Any]:
    """Template variables for the report page."""
    recommendation = str(doc.get("recommendation", ""))
    bars = report.bars(scores=doc.get("scores"), recommendation=recommendation)
    given = doc.get("questionnaire")
    answers: dict[str, Any] = given if isinstance(given, dict) else {}
    what_ifs = mappings(value=doc.get("what_if"))
    warnings = sorted(mappings(value=doc.get("warnings")),
                      key=lambda w: SEVERITY_ORDER.get(str(w.get("severity")), 3))
    rules = sorted(mappings(value=doc.get("rules")),
                   key=lambda r: 0 if r.get("effect") == "constraint" else 1)
    plan = doc.get("success_plan")
    return {
        "doc": doc,
        "pending": pending,
        "headline": report.HEADLINES.get(recommendation, report.label(key=recommendation)),
        "bars": bars,
        "chart": {
            "width": report.CHART_WIDTH, "height": report.chart_height(count=len(bars)),
            "bar_height": report.BAR_HEIGHT, "label_width": report.LABEL_WIDTH,
            "track_width": report.TRACK_WIDTH,
        },
        "rules": rules,
        "drivers": report.drivers(doc=doc),
        "warnings": warnings,
        "readiness": mappings(value=doc.get("readiness")),
        "plan": plan if isinstance(plan, dict) else {},
        "next_steps": mappings(value=doc.get("next_steps")),
        "what_ifs": what_ifs,
        "what_if_links": [
            form_link(answers=answers, field=str(item.get("field")), to=item.get("to"))
            if item.get("field") in {spec.name for spec in ALL_FIELDS} else None
            for item in what_ifs
        ],
        "guidance": mappings(value=doc.get("guidance")),
        "answers": report.answers(doc=doc),
        "edit_link": form_link(answers=answers),
    }
