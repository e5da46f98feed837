"""The pure half of an assessment: read the description, score, advise, assemble the document.

The service's Assessor calls `assess_document` and adds guidance and storage; the CLI's
`--no-guidance` path can call it directly. Reading is optional (no reader: the answers as given).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from models.advice import build_advice
from models.document import AssessmentDocument
from models.questionnaire import Questionnaire
from models.reading.apply import DESCRIPTION, Understanding, understand
from models.reading.reader import Reading
from models.result import ModelResult

if TYPE_CHECKING:
    from models.advisor import Advisor
    from models.reading.reader import Reader


def read_answers(*, questionnaire: Questionnaire, reader: Reader | None, advisor: Advisor,
                 measured: Sequence[Reading] = ()) -> Understanding:
    """The questionnaire to score, what was read or measured, and the conflicts."""
    readings = list(measured)
    if reader is not None and (questionnaire.description or "").strip():
        readings += reader.read(text=questionnaire.description or "")
    if not readings:
        return Understanding(effective=questionnaire, inferred=[], warnings=[])
    return understand(questionnaire=questionnaire, readings=readings, decider=advisor)


def assess_document(*, questionnaire: Questionnaire, advisor: Advisor, reader: Reader | None,
                    assumptions: Any, assessment_id: str, measured: Sequence[Reading] = ()
                    ) -> tuple[ModelResult, AssessmentDocument]:
    """Score the answers as read and measured (conflict warnings first), build the document."""
    told = read_answers(questionnaire=questionnaire, reader=reader, advisor=advisor,
                        measured=measured)
    result = advisor.assess(questionnaire=told.effective)
    result.warnings = [*told.warnings, *result.warnings]
    advice = build_advice(questionnaire=told.effective, result=result, advisor=advisor,
                          assumptions=assumptions)
    doc = AssessmentDocument.build(
        assessment_id=assessment_id, questionnaire=questionnaire, result=result, advice=advice,
        inferred=[i for i in told.inferred if i.source == DESCRIPTION],
        measured=[i for i in told.inferred if i.source != DESCRIPTION],
    )
    return result, doc
