"""Everything an assessment says beyond the recommendation: plan, checklist, path, flips, open
questions, costs and how-tos."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from models.assumptions import Assumptions
from models.estimates import Estimates, estimate
from models.fine_tuning_plan import FineTuningPlan, build_fine_tuning_plan
from models.long_context import LongContextAdvice, advise
from models.next_steps import NextStep, plan_next_steps
from models.open_questions import OpenQuestion, open_questions
from models.plan import SuccessPlan, build_plan
from models.projection import CostProjection, project
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
    # Absent (null) only in documents stored before these sections existed.
    long_context: LongContextAdvice | None = None
    cost_projection: CostProjection | None = None
    fine_tuning_plan: FineTuningPlan | None = None


def build_advice(
    *, questionnaire: Questionnaire, result: ModelResult, advisor: Advisor,
    assumptions: Assumptions,
) -> Advice:
    """Assemble every advice section so callers need one call, not five."""
    q = questionnaire
    plan = build_plan(questionnaire=q)
    costs = estimate(questionnaire=q, assumptions=assumptions)
    long_context = advise(questionnaire=q, assumptions=assumptions, estimates=costs)
    return Advice(
        success_plan=plan,
        readiness=assess_readiness(questionnaire=q),
        next_steps=plan_next_steps(questionnaire=q, result=result, long_context=long_context),
        what_if=what_ifs(questionnaire=q, result=result, advisor=advisor),
        open_questions=open_questions(questionnaire=q, recommendation=result.recommendation,
                                      advisor=advisor),
        estimates=costs,
        long_context=long_context,
        cost_projection=project(questionnaire=q, assumptions=assumptions, estimates=costs,
                                long_context=long_context.cost),
        fine_tuning_plan=build_fine_tuning_plan(questionnaire=q, result=result, plan=plan,
                                                assumptions=assumptions),
    )
