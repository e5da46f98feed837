"""The pure half of an assessment: read the description, score, advise, assemble the document.

The service's Assessor calls `assess_document` and adds guidance and storage; the CLI's
`--no-guidance` path can call it directly. Reading is optional (no reader: the answers as given).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.advice import build_advice
from models.document import AssessmentDocument
from models.questionnaire import Questionnaire
from models.reading.apply import Understanding, understand
from models.result import ModelResult

if TYPE_CHECKING:
    from models.advisor import Advisor
    from models.reading.reader import Reader


def read_answers(*, questionnaire: Questionnaire, reader: Reader | None, advisor: Advisor
                 ) -> Understanding:
    """The questionnaire to score, what was read from its description, and the conflicts."""
    if reader is None or not (questionnaire.description or "").strip():
        return Understanding(effective=questionnaire, inferred=[], warnings=[])
    readings = reader.read(text=questionnaire.description)
    return understand(questionnaire=questionnaire, readings=readings, decider=advisor)


def assess_document(*, questionnaire: Questionnaire, advisor: Advisor, reader: Reader | None,
                    assumptions: Any, assessment_id: str
                    ) -> tuple[ModelResult, AssessmentDocument]:
    """Score the answers as read (conflict warnings first) and build the document."""
    told = read_answers(questionnaire=questionnaire, reader=reader, advisor=advisor)
    result = advisor.assess(questionnaire=told.effective)
    result.warnings = [*told.warnings, *result.warnings]
    advice = build_advice(questionnaire=told.effective, result=result, advisor=advisor,
                          assumptions=assumptions)
    doc = AssessmentDocument.build(assessment_id=assessment_id, questionnaire=questionnaire,
                                   result=result, advice=advice, inferred=told.inferred)
    return result, doc
