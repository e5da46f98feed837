"""Single-answer changes that would flip the recommendation, found by re-running the model.

Every candidate changes one field: each other enum value, each boolean, a ladder of volume,
example, baseline and latency values, and every value for an unknown answer. Each candidate is
assessed for real; flips are ranked by cost minus half the new recommendation's own score,
where cost = field weight x steps moved (ordinal enums, or decades for counts), a flat
`UNKNOWN_COST` for answering an unknown, and the weights say how much a team controls the
answer (defining a metric is cheap; changing the risk domain is not). One change per field, at
most `MAX_WHAT_IFS` in all.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel, ConfigDict, Field

from models.questionnaire import (
    Approach,
    DataQuality,
    KnowledgeFreshness,
    MlopsCapacity,
    OutputStrictness,
    PrimaryGap,
    Questionnaire,
    Recommendation,
    RiskDomain,
    TaskNarrowness,
    WorkflowStability,
)
from models.result import ModelResult

if TYPE_CHECKING:
    from models.advisor import Decision

Value = bool | int | float | str | None
MAX_WHAT_IFS = 3
UNKNOWN_COST = 0.75
STRENGTH_WEIGHT = 0.5

# field -> (choices in order, whether the order is a scale, weight per step)
ENUMS: dict[str, tuple[type[StrEnum], bool, float]] = {
    "task_narrowness": (TaskNarrowness, True, 2.0),
    "knowledge_freshness": (KnowledgeFreshness, True, 3.0),
    "mlops_capacity": (MlopsCapacity, True, 1.5),
    "risk_domain": (RiskDomain, False, 5.0),
    "primary_gap": (PrimaryGap, False, 2.5),
    "data_quality": (DataQuality, True, 1.0),
    "output_strictness": (OutputStrictness, True, 1.5),
    "workflow_stability": (WorkflowStability, True, 2.0),
}
# field -> (cost of setting it true, of setting it false): defining a metric is cheap, dropping
# one that exists is not a plausible plan
BOOLS: dict[str, tuple[float, float]] = {
    "needs_private_context": (3.0, 3.0), "success_metric_defined": (0.5, 1.5),
}
# field -> (ladder, weight per decade, or per 0.25 of score for the baseline)
LADDERS: dict[str, tuple[tuple[float, ...], float]] = {
    "requests_per_day": ((10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000), 1.5),
    "labeled_examples": ((0, 100, 300, 1_000, 3_000, 10_000, 100_000), 1.0),
    "prompt_baseline_score": ((0.3, 0.5, 0.7, 0.85, 0.95), 2.0),
    "latency_budget_ms": ((100, 300, 1_000, 3_000, 10_000), 1.0),
}
GAP_WORDS = {
    "knowledge": "missing or current facts", "format": "output format", "style": "tone or voice",
    "policy": "a decision policy", "reasoning": "multi-step reasoning",
}
PHRASES: dict[str, dict[Value, str]] = {
    "mlops_capacity": {"none": "with no MLOps owner", "limited": "with a part-time MLOps owner",
                       "dedicated": "with dedicated MLOps capacity"},
    "task_narrowness": {"narrow": "if the task were one narrow, repeatable job",
                        "moderate": "if the task were a family of related jobs",
                        "broad": "if the task were broad and open-ended"},
    "output_strictness": {"free_text": "with free-text output",
                          "structured": "with structured output",
                          "strict_schema": "with a strict output schema"},
    "workflow_stability": {"changes_weekly": "if the workflow changed weekly",
                           "evolving": "if the workflow were still evolving",
                           "stable": "with a stable workflow"},
    "needs_private_context": {True: "if answers needed private documents at request time",
                              False: "if answers needed no private context"},
    "success_metric_defined": {True: "with a defined success metric and baseline",
                               False: "without a defined success metric"},
}


class Assessor(Protocol):
    """Anything that scores a questionnaire the way `models.advisor.Advisor` does."""

    def decide(self, *, questionnaire: Questionnaire) -> Decision:
        """Recommendation and scores for one questionnaire."""
        ...


class WhatIf(BaseModel):
    """One answer change and the recommendation it would produce."""

    model_config = ConfigDict(
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        json_schema_extra={
            "examples": [
                {
                    "field": "mlops_capacity",
                    "from": "none",
                    "to": "dedicated",
                    "new_recommendation": "fine_tuning",
                    "new_scores": {"prompt_engineering": 0.41, "rag": 0.22, "fine_tuning": 0.77},
                    "message": "with dedicated MLOps capacity → fine_tuning",
                }
            ]
        },
    )

    field: str
    from_: Value = Field(
        validation_alias="from", serialization_alias="from",
        description="the current answer (null: unknown)",
    )
    to: Value
    new_recommendation: Recommendation
    new_scores: dict[Approach, float]
    message: str


def _plain(*, value: object) -> Value:
    """Enum members as their JSON strings, everything else unchanged."""
    if isinstance(value, StrEnum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"unexpected answer type {type(value).__name__}")


def _enum_candidates(*, field: str, current: Value) -> list[tuple[Value, float]]:
    """Every other member, costed by steps on a scale or a flat weight otherwise."""
    enum, ordered, weight = ENUMS[field]
    values = [member.value for member in enum]
    if current is None:
        return [(value, UNKNOWN_COST + 0.1 * weight) for value in values]
    here = values.index(str(current))
    return [(value, weight * (abs(i - here) if ordered else 1.0))
            for i, value in enumerate(values) if value != current]


def _ladder_candidates(*, field: str, current: Value) -> list[tuple[Value, float]]:
    """Ladder values, costed in decades (counts) or quarter-points (the baseline score)."""
    ladder, weight = LADDERS[field]
    integer = field != "prompt_baseline_score"
    out: list[tuple[Value, float]] = []
    for step in ladder:
        value: Value = int(step) if integer else float(step)
        if current is None:
            out.append((value, UNKNOWN_COST + 0.1 * weight))
        elif value != current and isinstance(current, int | float):
            if integer:
                distance = abs(math.log10(max(step, 1)) - math.log10(max(current, 1)))
            else:
                distance = abs(step - current) / 0.25
            out.append((value, weight * max(distance, 0.1)))
    return out


def candidates(*, questionnaire: Questionnaire) -> list[tuple[str, Value, float]]:
    """Every single-field change worth trying, as (field, new value, cost)."""
    out: list[tuple[str, Value, float]] = []
    for field in ENUMS:
        current = _plain(value=getattr(questionnaire, field))
        out += [(field, v, c) for v, c in _enum_candidates(field=field, current=current)]
    for field in LADDERS:
        current = _plain(value=getattr(questionnaire, field))
        out += [(field, v, c) for v, c in _ladder_candidates(field=field, current=current)]
    for field, (to_true, to_false) in BOOLS.items():
        current = getattr(questionnaire, field)
        for value, weight in ((True, to_true), (False, to_false)):
            if current is None:
                out.append((field, value, UNKNOWN_COST + 0.1 * weight))
            elif value != current:
                out.append((field, value, weight))
    return out


def phrase(*, field: str, value: Value) -> str:
    """A short human reading of 'field = value' for the message."""
    if field in PHRASES:
        return PHRASES[field][value]
    if field == "knowledge_freshness":
        return "if the facts were static" if value == "static" else (
            "if the facts changed in real time" if value == "realtime"
            else f"if the facts changed {value}")
    if field == "risk_domain":
        return ("in a general, not high-stakes, domain" if value == "general"
                else f"in the high-stakes {value} domain")
    if field == "primary_gap":
        return f"if the main gap were {GAP_WORDS[str(value)]}"
    if field == "data_quality":
        return f"with {value} training examples"
    if field == "prompt_baseline_score" and isinstance(value, float):
        return f"if the best prompt scored {value:.2f}"
    if field == "requests_per_day" and isinstance(value, int):
        return f"at {value:,} requests/day"
    if field == "labeled_examples" and isinstance(value, int):
        return f"with {value:,} labelled examples"
    if field == "latency_budget_ms" and isinstance(value, int):
        return f"with a {value:,} ms latency budget"
    return f"with {field} = {value}"


def strength(*, result: ModelResult | Decision) -> float:
    """How firmly the model backs its recommendation: the weaker score of a hybrid's two parts."""
    if result.recommendation is Recommendation.rag_and_fine_tuning:
        return min(result.scores[Approach.rag], result.scores[Approach.fine_tuning])
    return result.scores[Approach(result.recommendation.value)]


def what_ifs(
    *, questionnaire: Questionnaire, result: ModelResult, advisor: Assessor
) -> list[WhatIf]:
    """The smallest, most plausible answer changes that really change the recommendation."""
    best: dict[str, tuple[float, WhatIf]] = {}
    answers = questionnaire.model_dump()
    for field, value, cost in candidates(questionnaire=questionnaire):
        changed = Questionnaire.model_validate({**answers, field: value})
        outcome = advisor.decide(questionnaire=changed)
        if outcome.recommendation == result.recommendation:
            continue
        rank = cost - STRENGTH_WEIGHT * strength(result=outcome)
        if field in best and best[field][0] <= rank:
            continue
        best[field] = (rank, WhatIf(
            field=field,
            from_=_plain(value=getattr(questionnaire, field)),
            to=value,
            new_recommendation=outcome.recommendation,
            new_scores=outcome.scores,
            message=f"{phrase(field=field, value=value)} → {outcome.recommendation.value}",
        ))
    ranked = sorted(best.values(), key=lambda pair: (pair[0], pair[1].field))
    return [item for _, item in ranked[:MAX_WHAT_IFS]]
