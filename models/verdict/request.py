"""What a verdict request may carry: the plan's numbers, one measured score or per-example pairs.

Per-example pairs arrive as JSON lists of up to 100,000 `{baseline, candidate}` objects. Building
one pydantic model per pair costs about 4 µs each, so one plain loop checks the structure, numpy
checks the range, and the columns go on as arrays. When a row is wrong, the per-item schema runs
on the first `MAX_ROW_ERRORS` bad rows only, and every error carries the row's index in its `loc`
(`["results", 17, "candidate"]`), so a 100,000-row mistake costs no more than a clean request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictFloat,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from models.plan import GUARDRAIL_MAX_DROP

MAX_ROW_ERRORS = 20
EPS = 1e-9  # scores arrive as decimals; 0.80 - 0.78 must count as exactly 2 points
MAX_PAIRS = 100_000

Score = Annotated[StrictFloat, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


class ScorePair(BaseModel):
    """One held-out example scored by the best prompt and by the trained model."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"baseline": 0, "candidate": 1}]}
    )

    baseline: Score = Field(description="the best prompt's score on this example (0/1 or 0-1)")
    candidate: Score = Field(description="the trained model's score on the same example")


class GuardrailPair(BaseModel):
    """One guardrail example scored before and after training."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"before": 0.9, "after": 0.85}]}
    )

    before: Score = Field(description="score on this guardrail example before training")
    after: Score = Field(description="score on the same example after training")


@dataclass(frozen=True, eq=False)
class Paired:
    """Two aligned score columns: `first` is the reference (baseline, or guardrail before)."""

    first: np.ndarray
    second: np.ndarray


def _columns(*, value: list[Any], keys: tuple[str, str]) -> tuple[Paired | None, list[int]]:
    """Both columns as float arrays, or None and the indices of the first bad rows."""
    first, second = keys
    left: list[float] = []
    right: list[float] = []
    bad: list[int] = []
    for index, item in enumerate(value):
        if type(item) is dict and len(item) == 2:
            a: Any = item.get(first)
            b: Any = item.get(second)
            if type(a) in (float, int) and type(b) in (float, int):
                left.append(a)
                right.append(b)
                continue
        bad.append(index)
        if len(bad) == MAX_ROW_ERRORS:
            return None, bad
        left.append(0.0)
        right.append(0.0)
    try:
        columns = np.array([left, right], dtype=np.float64)
    except OverflowError:  # an integer beyond float range; any such row is out of [0, 1]
        huge = [i for i, (a, b) in enumerate(zip(left, right, strict=True)) if a > 1 or b > 1]
        return None, sorted(set(bad) | set(huge))[:MAX_ROW_ERRORS]
    fine = np.all((columns >= 0.0) & (columns <= 1.0), axis=0)  # NaN is not fine either
    if not bad and bool(fine.all()):
        return Paired(first=columns[0], second=columns[1]), []
    out_of_range = np.flatnonzero(~fine)[:MAX_ROW_ERRORS].tolist()
    return None, sorted(set(bad) | set(out_of_range))[:MAX_ROW_ERRORS]


def _row_errors(*, adapter: TypeAdapter[Any], value: list[Any], rows: list[int]) -> None:
    """Validate only the bad rows, and raise their errors under their real indices."""
    try:
        adapter.validate_python([value[row] for row in rows])
    except ValidationError as error:
        details: list[InitErrorDetails] = []
        for item in error.errors():
            loc = (rows[int(item["loc"][0])], *item["loc"][1:])
            detail = InitErrorDetails(type=item["type"], loc=loc, input=item["input"])
            if "ctx" in item:
                detail["ctx"] = item["ctx"]
            details.append(detail)
        raise ValidationError.from_exception_data(error.title, details) from None


def _in_range(*, value: Paired) -> bool:
    """Aligned columns of 1 to MAX_PAIRS finite scores in [0, 1]."""
    columns = (value.first, value.second)
    if value.first.shape != value.second.shape or not 1 <= len(value.first) <= MAX_PAIRS:
        return False
    return all(bool(np.all((c >= 0.0) & (c <= 1.0))) for c in columns)


def _dumper(*, keys: tuple[str, str]) -> Callable[[Paired], list[dict[str, float]]]:
    """A serializer back to the wire form, so a stored request reads like the one sent."""

    def dump(value: Paired) -> list[dict[str, float]]:
        return [
            {keys[0]: a, keys[1]: b}
            for a, b in zip(value.first.tolist(), value.second.tolist(), strict=True)
        ]

    return dump


def _parser(*, adapter: TypeAdapter[Any], keys: tuple[str, str]) -> Callable[[object], Paired]:
    """A validator: a fast path for clean input; the full schema names the row of any problem."""
    dump = _dumper(keys=keys)

    def parse(value: object) -> Paired:
        if isinstance(value, Paired):  # built in-process (the CSV reader): check, don't trust
            if _in_range(value=value):
                return value
            value = dump(value)  # the full schema below names the offending rows
        if isinstance(value, list) and not 1 <= len(value) <= MAX_PAIRS:
            raise PydanticCustomError(
                "pair_count",
                "give between 1 and {limit} pairs (got {count}); split a larger set",
                {"limit": MAX_PAIRS, "count": len(value)},
            )
        if isinstance(value, list):
            columns, bad = _columns(value=value, keys=keys)
            if columns is not None:
                return columns
            _row_errors(adapter=adapter, value=value, rows=bad)
        items = adapter.validate_python(value)  # not a list: raises; bad rows: raised above
        return Paired(
            first=np.array([getattr(i, keys[0]) for i in items], dtype=np.float64),
            second=np.array([getattr(i, keys[1]) for i in items], dtype=np.float64),
        )

    return parse


_RESULT_KEYS = ("baseline", "candidate")
_GUARDRAIL_KEYS = ("before", "after")
ResultPairs = Annotated[
    Paired,
    PlainValidator(
        _parser(adapter=TypeAdapter(list[ScorePair]), keys=_RESULT_KEYS),
        json_schema_input_type=Annotated[
            list[ScorePair], Field(min_length=1, max_length=MAX_PAIRS)
        ],
    ),
    PlainSerializer(_dumper(keys=_RESULT_KEYS), return_type=list[dict[str, float]]),
]
GuardrailPairs = Annotated[
    Paired,
    PlainValidator(
        _parser(adapter=TypeAdapter(list[GuardrailPair]), keys=_GUARDRAIL_KEYS),
        json_schema_input_type=Annotated[
            list[GuardrailPair], Field(min_length=1, max_length=MAX_PAIRS)
        ],
    ),
    PlainSerializer(_dumper(keys=_GUARDRAIL_KEYS), return_type=list[dict[str, float]]),
]


class VerdictPlan(BaseModel):
    """The numbers from the success plan that a verdict is judged against."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"baseline": 0.72, "success_threshold": 0.95, "guardrail_max_drop": 0.02}]
        },
    )

    baseline: float | None = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)
    success_threshold: float = Field(ge=0.0, le=1.0, allow_inf_nan=False)
    guardrail_max_drop: float = Field(
        default=GUARDRAIL_MAX_DROP,
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="largest allowed drop of the guardrail score (0.02 = 2 points)",
    )

    @model_validator(mode="after")
    def _bar_above_baseline(self) -> VerdictPlan:
        """A bar at or below what prompting already scores cannot show any gain."""
        if self.baseline is not None and self.success_threshold <= self.baseline + EPS:
            raise ValueError(
                f"success_threshold ({self.success_threshold}) must be above baseline "
                f"({self.baseline}): a bar at or below the prompt baseline cannot show a gain"
            )
        return self


_OPTIONAL_SCORE = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)


class VerdictRequest(BaseModel):
    """A measured result after training (one number or per-example pairs), plus guardrails."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "plan": {
                        "baseline": 0.72,
                        "success_threshold": 0.792,
                        "guardrail_max_drop": 0.02,
                    },
                    "measured_after": 0.83,
                    "guardrail_before": 0.81,
                    "guardrail_after": 0.80,
                },
                {
                    "plan": {"baseline": 0.5, "success_threshold": 0.55},
                    "results": [{"baseline": 0, "candidate": 1}, {"baseline": 1, "candidate": 1}],
                    "guardrail_results": [{"before": 1, "after": 1}],
                },
            ]
        },
    )

    plan: VerdictPlan
    measured_after: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="the trained model's score on the held-out set; optional with `results`",
    )
    results: ResultPairs | None = Field(
        default=None,
        description="per held-out example: the best prompt's and the trained model's score "
        f"(0/1 for pass/fail, else a fraction in [0, 1]); 1 to {MAX_PAIRS} items",
    )
    guardrail_before: float | None = _OPTIONAL_SCORE
    guardrail_after: float | None = _OPTIONAL_SCORE
    guardrail_results: GuardrailPairs | None = Field(
        default=None,
        description="per guardrail example: the score before and after training",
    )
    harmful_confidence_before: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="rate of confidently wrong answers on the risky-case set before training",
    )
    harmful_confidence_after: float | None = _OPTIONAL_SCORE

    @model_validator(mode="after")
    def _consistent(self) -> VerdictRequest:
        """A before needs its after, a result needs a score, and a guardrail one form."""
        for name in ("guardrail", "harmful_confidence"):
            before = getattr(self, f"{name}_before")
            after = getattr(self, f"{name}_after")
            if (before is None) != (after is None):
                raise ValueError(
                    f"{name}_before and {name}_after go together: give both scores, measured on "
                    "the same set, or neither"
                )
        if self.measured_after is None and self.results is None:
            raise ValueError(
                "give measured_after (the trained model's score) or results (per-example "
                "{baseline, candidate} pairs); per-example results also show whether the gain "
                "is real"
            )
        if self.guardrail_results is not None and self.guardrail_before is not None:
            raise ValueError(
                "give the guardrail either as guardrail_before/guardrail_after or as "
                "guardrail_results, not both"
            )
        return self
