"""The verdict document: one word, why, what next, and the numbers behind it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.seeds import cite
from models.verdict.statistics import Interval
from models.vocabulary import SEED_PLAN

VerdictName = Literal[
    "success",
    "improved_short_of_bar",
    "no_gain_over_prompting",
    "guardrail_breached",
    "baseline_unmeasured",
    "inconclusive",
]
# Verdicts that say what happened; inconclusive and baseline_unmeasured say "not yet known".
SETTLED_VERDICTS: tuple[VerdictName, ...] = (
    "success",
    "improved_short_of_bar",
    "no_gain_over_prompting",
    "guardrail_breached",
)
BarPosition = Literal["above", "straddles", "below"]


class Estimate(BaseModel):
    """A measured value and its 95% confidence interval."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"estimate": 0.8, "ci_low": 0.711, "ci_high": 0.867}]},
    )

    estimate: float
    ci_low: float
    ci_high: float


class VerdictResponse(BaseModel):
    """The verdict, why, and what to do next."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "verdict": "success",
                    "reason": "0.830 meets the bar of 0.792 (baseline 0.720, +0.110).",
                    "next_step": "Roll out gradually.",
                    "measured_after": 0.83,
                    "baseline": 0.72,
                    "success_threshold": 0.792,
                    "cleared_threshold": True,
                    "gain_over_baseline": 0.11,
                    "guardrail_drop": 0.01,
                    "harmful_confidence_rise": None,
                    "sources": [cite((SEED_PLAN, "success_threshold"))],
                },
                {
                    "verdict": "inconclusive",
                    "reason": "The gain of +0.080 could still be noise.",
                    "next_step": "Score about 190 more held-out examples with both models.",
                    "measured_after": 0.8,
                    "baseline": 0.72,
                    "success_threshold": 0.792,
                    "cleared_threshold": True,
                    "gain_over_baseline": 0.08,
                    "guardrail_drop": None,
                    "harmful_confidence_rise": None,
                    "candidate_score": {"estimate": 0.8, "ci_low": 0.711, "ci_high": 0.867},
                    "gain": {"estimate": 0.08, "ci_low": -0.026, "ci_high": 0.183},
                    "p_value": 0.108,
                    "method": "pass/fail scores on 100 paired examples: ...",
                    "n_examples": 100,
                    "measured_baseline": {"estimate": 0.72, "ci_low": 0.625, "ci_high": 0.799},
                    "candidate_vs_bar": "straddles",
                    "more_examples_needed": 190,
                    "sources": [cite((SEED_PLAN, "success_threshold"))],
                },
            ]
        },
    )

    verdict: VerdictName
    reason: str
    next_step: str
    measured_after: float = Field(
        description="the trained model's score: the number given, or the mean of `results`"
    )
    baseline: float | None = Field(description="the plan's baseline")
    success_threshold: float
    cleared_threshold: bool = Field(description="the measured score (point estimate) meets the bar")
    gain_over_baseline: float | None = Field(
        description="measured_after - baseline; with results, the paired mean gain"
    )
    guardrail_drop: float | None = Field(description="guardrail_before - guardrail_after (mean)")
    harmful_confidence_rise: float | None
    candidate_score: Estimate | None = Field(
        default=None, description="with results: the trained model's mean score, 95% interval"
    )
    gain: Estimate | None = Field(
        default=None, description="with results: paired mean of candidate - baseline, 95% interval"
    )
    p_value: float | None = Field(
        default=None, description="with results: one-sided paired p-value that the gain is > 0"
    )
    method: str | None = Field(default=None, description="with results: the tests used, in words")
    n_examples: int | None = Field(default=None, description="with results: number of pairs")
    measured_baseline: Estimate | None = Field(
        default=None, description="with results: the best prompt's mean score on these examples"
    )
    candidate_vs_bar: BarPosition | None = Field(
        default=None,
        description="with results: where the candidate's interval lies relative to the bar",
    )
    guardrail_drop_interval: Estimate | None = Field(
        default=None, description="with guardrail_results: paired mean drop, 95% interval"
    )
    more_examples_needed: int | None = Field(
        default=None,
        description="inconclusive only: about how many more paired examples would settle it",
    )
    sources: list[str]


def estimate_of(*, interval: Interval) -> Estimate:
    """The response form of a statistics interval."""
    return Estimate(estimate=interval.estimate, ci_low=interval.low, ci_high=interval.high)


def settled_verdict(*, document: dict[str, object]) -> VerdictName | None:
    """The verdict of a stored verdict document when it is settled, else None.

    For training on outcomes: an inconclusive or baseline-unmeasured verdict teaches nothing, and
    neither does a document that is not a valid verdict.
    """
    try:
        response = VerdictResponse.model_validate(document)
    except ValueError:
        return None
    return response.verdict if response.verdict in SETTLED_VERDICTS else None
