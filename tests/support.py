"""The one base questionnaire every test starts from, and real documents built from it."""

from __future__ import annotations

from functools import cache
from typing import Any

from models.advice import build_advice
from models.advisor import Advisor
from models.document import AssessmentDocument
from models.estimates import Assumptions, load_assumptions
from models.questionnaire import EXAMPLE, REQUIRED_FIELDS, Questionnaire

# Required answers only: a narrow, static, mid-volume job in a general domain with an owner.
REQUIRED_ANSWERS: dict[str, Any] = {
    "task_narrowness": "narrow",
    "knowledge_freshness": "static",
    "requests_per_day": 5000,
    "mlops_capacity": "dedicated",
    "risk_domain": "general",
}
# Every field answered: the questionnaire's own documented example.
FULL_ANSWERS: dict[str, Any] = dict(EXAMPLE)
assert set(REQUIRED_ANSWERS) == set(REQUIRED_FIELDS)
# Every field but the audit reference, which only names a stored audit (tests/service/
# test_audit_advice.py uses real ones).
assert set(FULL_ANSWERS) == set(Questionnaire.model_fields) - {"dataset_audit_id"}, (
    "the example must answer every field")


def answers(*, full: bool = False, **changes: Any) -> dict[str, Any]:
    """A fresh copy of the base answers with some changed (None removes an answer)."""
    base = FULL_ANSWERS if full else REQUIRED_ANSWERS
    merged = {**base, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def questionnaire(*, full: bool = False, **changes: Any) -> Questionnaire:
    """The base questionnaire with some answers changed, validated."""
    return Questionnaire.model_validate(answers(full=full, **changes))


@cache
def _parts() -> tuple[Advisor, Assumptions]:
    return Advisor.load(), load_assumptions()


def document(*, given: dict[str, Any] | None = None, **updates: Any) -> AssessmentDocument:
    """A real assessment of `given` (default: the full base), with JSON-shaped sections replaced.

    Replacements are validated like a stored document, so a test cannot build a document the
    service could never produce.
    """
    advisor, assumptions = _parts()
    q = Questionnaire.model_validate(given if given is not None else answers(full=True))
    result = advisor.assess(questionnaire=q)
    advice = build_advice(questionnaire=q, result=result, advisor=advisor, assumptions=assumptions)
    doc = AssessmentDocument.build(assessment_id="0190-test", questionnaire=q, result=result,
                                   advice=advice)
    return AssessmentDocument.model_validate({**doc.model_dump(mode="json"), **updates})
