"""Hold a measured result against the success plan and say, in one word, whether it worked.

Order of checks: a breached guardrail wins over everything (a model that got worse elsewhere is
not shippable, whatever the target metric says); then a missing baseline (a threshold alone
cannot show the gain came from training rather than from what prompting already does, so the
verdict is `baseline_unmeasured`, not a 422: the team still learns how far the run got); then
success at or above the threshold, no gain at or below the baseline, and improvement short of the
bar in between. Scores are fractions in [0, 1]; a drop of 0.02 is 2 points.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.plan import GUARDRAIL_MAX_DROP, SuccessPlan
from models.seeds import cite
from models.vocabulary import SEED_EXPECTATIONS, SEED_MISTAKES, SEED_PLAN

EPS = 1e-9  # scores arrive as decimals; 0.80 - 0.78 must count as exactly 2 points

VerdictName = Literal[
    "success",
    "improved_short_of_bar",
    "no_gain_over_prompting",
    "guardrail_breached",
    "baseline_unmeasured",
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


class VerdictRequest(BaseModel):
    """A measured result after training, plus guardrail scores before and after it."""

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
                }
            ]
        },
    )

    plan: VerdictPlan
    measured_after: float = Field(ge=0.0, le=1.0, allow_inf_nan=False)
    guardrail_before: float | None = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)
    guardrail_after: float | None = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)
    harmful_confidence_before: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="rate of confidently wrong answers on the risky-case set before training",
    )
    harmful_confidence_after: float | None = Field(
        default=None, ge=0.0, le=1.0, allow_inf_nan=False
    )

    @model_validator(mode="after")
    def _pairs(self) -> VerdictRequest:
        """A before without an after (or the reverse) cannot show a change."""
        for name in ("guardrail", "harmful_confidence"):
            before = getattr(self, f"{name}_before")
            after = getattr(self, f"{name}_after")
            if (before is None) != (after is None):
                raise ValueError(
                    f"{name}_before and {name}_after go together: give both scores, measured on "
                    "the same set, or neither"
                )
        return self


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
                }
            ]
        },
    )

    verdict: VerdictName
    reason: str
    next_step: str
    measured_after: float
    baseline: float | None
    success_threshold: float
    cleared_threshold: bool
    gain_over_baseline: float | None = Field(description="measured_after - baseline")
    guardrail_drop: float | None = Field(description="guardrail_before - guardrail_after")
    harmful_confidence_rise: float | None
    sources: list[str]


def targets_of(*, plan: SuccessPlan) -> VerdictPlan | None:
    """The numbers a verdict needs from a success plan; None until the plan has a threshold."""
    if plan.success_threshold is None:
        return None
    return VerdictPlan(
        baseline=plan.baseline,
        success_threshold=plan.success_threshold,
        guardrail_max_drop=plan.guardrail_max_drop,
    )


def _breach(*, request: VerdictRequest, drop: float | None, rise: float | None) -> str | None:
    """The reason a guardrail failed, or None when every given guardrail held."""
    limit = request.plan.guardrail_max_drop
    if drop is not None and drop > limit + EPS:
        return (
            f"Guardrail breached: general quality fell by {drop * 100:.1f} points "
            f"({request.guardrail_before:.3f} -> {request.guardrail_after:.3f}), more than "
            f"the {limit * 100:.1f} allowed."
        )
    if rise is not None and rise > EPS:
        return (
            f"Guardrail breached: confidently wrong answers on risky cases rose by "
            f"{rise * 100:.1f} points ({request.harmful_confidence_before:.3f} -> "
            f"{request.harmful_confidence_after:.3f}); that rate must not rise at all."
        )
    return None


def _difference(*, before: float | None, after: float | None) -> float | None:
    """before - after, rounded so decimal inputs give decimal outputs; None if one is missing."""
    return None if before is None or after is None else round(before - after, 6)


def decide(*, request: VerdictRequest) -> VerdictResponse:
    """Give 'did it work?' a numeric answer, guardrails first."""
    plan, measured = request.plan, request.measured_after
    threshold, baseline = plan.success_threshold, plan.baseline
    drop = _difference(before=request.guardrail_before, after=request.guardrail_after)
    rise = _difference(
        before=request.harmful_confidence_after, after=request.harmful_confidence_before
    )
    cleared = measured >= threshold - EPS
    gain = None if baseline is None else round(measured - baseline, 6)
    sources = [cite((SEED_PLAN, "success_threshold"))]
    breach = _breach(request=request, drop=drop, rise=rise)
    verdict: VerdictName
    if breach is not None:
        verdict, reason = "guardrail_breached", breach
        step = (
            "Do not ship. Mix general examples back into training, train more gently "
            "(fewer epochs, lower learning rate) and re-run both evals."
        )
        sources.append(
            cite(
                (SEED_PLAN, "guardrail"), (SEED_MISTAKES, "10. No Guardrails for Sensitive Outputs")
            )
        )
    elif baseline is None:
        verdict = "baseline_unmeasured"
        side = "clears" if cleared else "misses"
        reason = (
            f"{measured:.3f} {side} the bar of {threshold:.3f}, but with no measured "
            "baseline nobody can tell whether the best prompt already scores as well."
        )
        step = (
            "Measure the best prompt on the same held-out set, set it as the baseline, and "
            "ask again."
        )
    elif cleared:
        verdict = "success"
        reason = (
            f"{measured:.3f} meets the bar of {threshold:.3f} (baseline {baseline:.3f}, "
            f"{measured - baseline:+.3f})."
        )
        step = (
            "Roll out gradually: shadow mode on live traffic, then an A/B test on the "
            "business metric; keep the eval set for every retraining."
        )
        sources.append(cite((SEED_MISTAKES, "8. Weak Evaluation Design")))
    elif measured <= baseline + EPS:
        verdict = "no_gain_over_prompting"
        reason = (
            f"No gain over prompting: {measured:.3f} is at or below the baseline {baseline:.3f}."
        )
        step = (
            "Rethink the data or the approach: look for noisy or contradictory examples, and "
            "check whether the gap is really retrieval or prompt design."
        )
        sources.append(
            cite(
                (SEED_MISTAKES, "2. Using Fine-Tuning to Solve a Retrieval Problem"),
                (SEED_MISTAKES, "3. Training on Noisy, Contradictory, or Synthetic-Heavy Data"),
            )
        )
    else:
        verdict = "improved_short_of_bar"
        reason = (
            f"Improved over prompting ({measured:.3f} vs baseline {baseline:.3f}) but "
            f"{threshold - measured:.3f} short of the bar of {threshold:.3f}."
        )
        step = (
            "Sort the remaining failures by type, fix or add examples for the biggest group "
            "and train again; several cycles are normal."
        )
        sources.append(cite((SEED_EXPECTATIONS, "First Attempts Are Rarely Final")))
    return VerdictResponse(
        verdict=verdict,
        reason=reason,
        next_step=step,
        measured_after=measured,
        baseline=baseline,
        success_threshold=threshold,
        cleared_threshold=cleared,
        gain_over_baseline=gain,
        guardrail_drop=drop,
        harmful_confidence_rise=rise,
        sources=sources,
    )
