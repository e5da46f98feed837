"""Single-answer changes that would flip the recommendation, found by re-running the model.

Every candidate changes one field: each other enum value, each boolean, a ladder of volume,
example, baseline and latency values, and every value for an unknown answer. Each candidate is
assessed for real, all in one batch (`Advisor.decide_many`, exactly what one `decide` each would
give). Flips are ranked by cost minus half the new recommendation's own score, where cost = field
weight x steps moved (ordinal enums, or decades for counts), a flat `UNKNOWN_COST` for answering
an unknown, and the weights say how much a team controls the answer (defining a metric is cheap;
changing the risk domain is not). A flip is only offered when it adds or drops an approach the
field bears on (`bears_on` in its declaration): a what-if whose only effect would be to swap in
an approach the answer has nothing to do with is not advice.
One change per field, at most `MAX_WHAT_IFS` in all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel, ConfigDict, Field

from models.asking import Answer, FieldSpec, Ladder, Steps, Toggle
from models.questionnaire import BY_NAME, FIELDS, Questionnaire
from models.result import ModelResult
from models.vocabulary import Approach, Recommendation, parts_of

if TYPE_CHECKING:
    from models.advisor import Decision

Value = Answer
MAX_WHAT_IFS = 3
UNKNOWN_COST = 0.75
STRENGTH_WEIGHT = 0.5


class Assessor(Protocol):
    """Anything that scores a questionnaire the way `models.advisor.Advisor` does."""

    def decide_many(
        self, *, base: Questionnaire, changes: Sequence[tuple[str, Answer]]
    ) -> list[Decision]:
        """Recommendation and scores for each one-answer change of `base`."""
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


def _step_candidates(*, spec: FieldSpec, rule: Steps, current: Value) -> list[tuple[Value, float]]:
    """Every other choice, costed by steps on a scale or a flat weight otherwise."""
    values = [choice.value for choice in spec.ask.choices]
    if current is None:
        return [(value, UNKNOWN_COST + 0.1 * rule.weight) for value in values]
    here = values.index(str(current))
    return [(value, rule.weight * (abs(i - here) if rule.ordered else 1.0))
            for i, value in enumerate(values) if value != current]


def _ladder_candidates(
    *, spec: FieldSpec, rule: Ladder, current: Value
) -> list[tuple[Value, float]]:
    """Ladder values, costed in decades (counts) or quarter-points (scores)."""
    integer = spec.kind == "integer"
    out: list[tuple[Value, float]] = []
    for step in rule.steps:
        value: Value = int(step) if integer else float(step)
        if current is None:
            out.append((value, UNKNOWN_COST + 0.1 * rule.weight))
        elif value != current and isinstance(current, int | float):
            if integer:
                distance = abs(math.log10(max(step, 1)) - math.log10(max(current, 1)))
            else:
                distance = abs(step - current) / 0.25
            out.append((value, rule.weight * max(distance, 0.1)))
    return out


def _toggle_candidates(*, rule: Toggle, current: Value) -> list[tuple[Value, float]]:
    """The other boolean (both when unknown), costed by how plausible each direction is."""
    out: list[tuple[Value, float]] = []
    for value, weight in ((True, rule.to_true), (False, rule.to_false)):
        if current is None:
            out.append((value, UNKNOWN_COST + 0.1 * weight))
        elif value != current:
            out.append((value, weight))
    return out


def candidates(*, questionnaire: Questionnaire) -> list[tuple[str, Value, float]]:
    """Every single-field change worth trying, as (field, new value, cost)."""
    out: list[tuple[str, Value, float]] = []
    for spec in FIELDS:
        rule = spec.ask.what_if
        current = _plain(value=getattr(questionnaire, spec.name))
        if isinstance(rule, Steps):
            found = _step_candidates(spec=spec, rule=rule, current=current)
        elif isinstance(rule, Ladder):
            found = _ladder_candidates(spec=spec, rule=rule, current=current)
        elif isinstance(rule, Toggle):
            found = _toggle_candidates(rule=rule, current=current)
        else:
            continue
        out += [(spec.name, value, cost) for value, cost in found]
    return out


def strength(*, result: ModelResult | Decision) -> float:
    """How firmly the model backs its recommendation: the weaker score of a hybrid's two parts."""
    if result.recommendation is Recommendation.rag_and_fine_tuning:
        return min(result.scores[Approach.rag], result.scores[Approach.fine_tuning])
    return result.scores[Approach(result.recommendation.value)]


def bears_on_change(*, field: str, before: Recommendation, after: Recommendation) -> bool:
    """Whether going from `before` to `after` adds or drops an approach the field bears on."""
    rule = BY_NAME[field].ask.what_if
    changed = set(parts_of(recommendation=before.value)) ^ set(parts_of(recommendation=after.value))
    return rule is not None and bool(changed & set(rule.bears_on))


def what_ifs(
    *, questionnaire: Questionnaire, result: ModelResult, advisor: Assessor
) -> list[WhatIf]:
    """The smallest, most plausible answer changes that really change the recommendation."""
    best: dict[str, tuple[float, WhatIf]] = {}
    found = candidates(questionnaire=questionnaire)
    outcomes = advisor.decide_many(base=questionnaire,
                                   changes=[(field, value) for field, value, _ in found])
    for (field, value, cost), outcome in zip(found, outcomes, strict=True):
        if outcome.recommendation == result.recommendation or not bears_on_change(
                field=field, before=result.recommendation, after=outcome.recommendation):
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
            message=f"{BY_NAME[field].phrase(value=value)} → {outcome.recommendation.value}",
        ))
    ranked = sorted(best.values(), key=lambda pair: (pair[0], pair[1].field))
    return [item for _, item in ranked[:MAX_WHAT_IFS]]
