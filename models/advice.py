"""Everything an assessment says beyond the recommendation: plan, checklist, path, flips, open
questions and costs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from models.estimates import Assumptions, Estimates, estimate
from models.next_steps import NextStep, plan_next_steps
from models.open_questions import OpenQuestion, open_questions
from models.plan import SuccessPlan, build_plan
from models.questionnaire import Questionnaire
from models.readiness import ReadinessItem, assess_readiness
from models.result import ModelResult
from models.what_if import WhatIf, what_ifs

if TYPE_CHECKING:
    from models.advisor import Advisor


class Advice(BaseModel):
    """The practical half of an assessment, built from the answers and the model's result."""

    model_config = ConfigDict(extra="forbid")

    success_plan: SuccessPlan
    readiness: list[ReadinessItem]
    next_steps: list[NextStep]
    what_if: list[WhatIf]
    open_questions: list[OpenQuestion] = Field(
        description="unanswered questions whose answer would change the recommendation, most "
        "decisive first"
    )
    estimates: Estimates


def build_advice(
    *, questionnaire: Questionnaire, result: ModelResult, advisor: Advisor,
    assumptions: Assumptions,
) -> Advice:
    """Assemble every advice section so callers need one call, not five."""
    return Advice(
        success_plan=build_plan(questionnaire=questionnaire),
        readiness=assess_readiness(questionnaire=questionnaire),
        next_steps=plan_next_steps(questionnaire=questionnaire, result=result),
        what_if=what_ifs(questionnaire=questionnaire, result=result, advisor=advisor),
        open_questions=open_questions(questionnaire=questionnaire,
                                      recommendation=result.recommendation, advisor=advisor),
        estimates=estimate(questionnaire=questionnaire, assumptions=assumptions),
    )
