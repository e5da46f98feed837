"""Assemble everything the report template needs from one assessment document."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from models.document import AssessmentDocument
from models.questionnaire import FIELDS
from service.config import BUILTIN_COLLECTION
from service.web import projection_chart, reading, report

SEVERITY_ORDER = {"high": 0, "caution": 1, "info": 2}
# Keep prefill links well under common request-line limits; a long description is dropped.
MAX_LINK_CHARS = 6000


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
    pairs = [(spec.name, text) for spec in FIELDS
             if (text := form_value(value=given.get(spec.name))) is not None]
    query = urlencode(pairs)
    if len(query) > MAX_LINK_CHARS:
        query = urlencode([(name, text) for name, text in pairs if name != "description"])
    return "/intake?" + query


def context(*, doc: AssessmentDocument, pending: bool = False) -> dict[str, Any]:
    """Template variables for the report page."""
    bars = report.bars(doc=doc)
    answers = doc.questionnaire.model_dump(mode="json", exclude_none=True)
    return {
        "doc": doc,
        "pending": pending,
        "headline": report.HEADLINES[doc.recommendation.value],
        "bars": bars,
        "chart": {
            "width": report.CHART_WIDTH, "height": report.chart_height(count=len(bars)),
            "bar_height": report.BAR_HEIGHT, "label_width": report.LABEL_WIDTH,
            "track_width": report.TRACK_WIDTH,
        },
        "rules": sorted(doc.rules, key=lambda r: 0 if r.effect == "constraint" else 1),
        "drivers": report.drivers(doc=doc),
        "warnings": sorted(doc.warnings, key=lambda w: SEVERITY_ORDER[w.severity]),
        "what_if_links": [form_link(answers=answers, field=item.field, to=item.to)
                          for item in doc.what_if],
        "answers": report.answers(doc=doc),
        "read_segments": reading.segments(doc=doc),
        "read_items": reading.items(doc=doc),
        "edit_link": form_link(answers=answers),
        "builtin_collection": BUILTIN_COLLECTION,
        "projection_chart": None if doc.cost_projection is None else projection_chart.build(
            projection=doc.cost_projection, recommendation=doc.recommendation.value),
    }
