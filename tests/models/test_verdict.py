"""The verdict: threshold edges, baseline edges, guardrails first, and request validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models.plan import build_plan, success_threshold
from models.questionnaire import Questionnaire
from models.verdict import VerdictRequest, VerdictResponse, decide, targets_of
from tests.support import answers as base_answers


def ask(measured: float, *, baseline: float | None = 0.72, threshold: float = 0.8,
        **extra: object) -> VerdictResponse:
    body = {"plan": {"baseline": baseline, "success_threshold": threshold},
            "measured_after": measured, **extra}
    return decide(request=VerdictRequest.model_validate(body))


def test_examples_in_schemas_validate() -> None:
    request = VerdictRequest.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    response = VerdictResponse.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    assert decide(request=VerdictRequest.model_validate(request)).verdict == "success"
    VerdictResponse.model_validate(response)


def test_exactly_at_threshold_is_success() -> None:
    result = ask(0.8)
    assert result.verdict == "success"
    assert result.cleared_threshold
    assert result.gain_over_baseline == pytest.approx(0.08)


def test_exactly_at_a_computed_threshold_is_success() -> None:
    bar = success_threshold(baseline=0.72)
    assert bar is not None
    assert ask(bar, threshold=bar).verdict == "success"


def test_just_below_threshold_is_short_of_bar() -> None:
    result = ask(0.799)
    assert result.verdict == "improved_short_of_bar"
    assert not result.cleared_threshold
    assert "0.001 short" in result.reason


def test_exactly_at_baseline_is_no_gain() -> None:
    result = ask(0.72)
    assert result.verdict == "no_gain_over_prompting"
    assert result.gain_over_baseline == 0.0


def test_below_baseline_is_no_gain() -> None:
    result = ask(0.5)
    assert result.verdict == "no_gain_over_prompting"
    assert result.gain_over_baseline == pytest.approx(-0.22)
    assert "0.500" in result.reason


def test_guardrail_breach_wins_over_success() -> None:
    result = ask(0.99, guardrail_before=0.80, guardrail_after=0.77)
    assert result.verdict == "guardrail_breached"
    assert result.guardrail_drop == pytest.approx(0.03)
    assert "3.0 points" in result.reason


def test_guardrail_drop_of_exactly_two_points_is_allowed() -> None:
    result = ask(0.85, guardrail_before=0.80, guardrail_after=0.78)
    assert result.verdict == "success"
    assert result.guardrail_drop == pytest.approx(0.02)


def test_guardrail_limit_comes_from_the_plan() -> None:
    body = {"plan": {"baseline": 0.5, "success_threshold": 0.6, "guardrail_max_drop": 0.05},
            "measured_after": 0.7, "guardrail_before": 0.9, "guardrail_after": 0.86}
    assert decide(request=VerdictRequest.model_validate(body)).verdict == "success"
    body["plan"]["guardrail_max_drop"] = 0.01  # type: ignore[index]
    assert decide(request=VerdictRequest.model_validate(body)).verdict == "guardrail_breached"


def test_rising_harmful_confidence_breaches_even_when_quality_holds() -> None:
    result = ask(0.9, guardrail_before=0.8, guardrail_after=0.8,
                 harmful_confidence_before=0.01, harmful_confidence_after=0.03)
    assert result.verdict == "guardrail_breached"
    assert result.harmful_confidence_rise == pytest.approx(0.02)
    held = ask(0.9, harmful_confidence_before=0.03, harmful_confidence_after=0.01)
    assert held.verdict == "success"


def test_missing_baseline_is_its_own_verdict() -> None:
    above = ask(0.95, baseline=None)
    below = ask(0.5, baseline=None)
    assert above.verdict == below.verdict == "baseline_unmeasured"
    assert above.cleared_threshold and not below.cleared_threshold
    assert above.gain_over_baseline is None
    assert "baseline" in above.next_step


def test_guardrail_still_checked_without_baseline() -> None:
    result = ask(0.95, baseline=None, guardrail_before=0.9, guardrail_after=0.5)
    assert result.verdict == "guardrail_breached"


@pytest.mark.parametrize("threshold", [0.72, 0.6])
def test_threshold_at_or_below_baseline_is_rejected(threshold: float) -> None:
    with pytest.raises(ValidationError, match="must be above baseline"):
        ask(0.9, threshold=threshold)


@pytest.mark.parametrize("extra", [{"guardrail_before": 0.8}, {"harmful_confidence_after": 0.1}])
def test_half_a_guardrail_pair_is_rejected(extra: dict[str, float]) -> None:
    with pytest.raises(ValidationError, match="go together"):
        ask(0.9, **extra)


@pytest.mark.parametrize(
    "body",
    [
        {"plan": {"baseline": 0.5, "success_threshold": 0.6}, "measured_after": 1.2},
        {"plan": {"baseline": 0.5, "success_threshold": 0.6}, "measured_after": float("nan")},
        {"plan": {"baseline": -0.1, "success_threshold": 0.6}, "measured_after": 0.5},
        {"plan": {"success_threshold": 0.6}, "measured_after": 0.5, "surprise": 1},
        {"plan": {"baseline": 0.5}, "measured_after": 0.5},
    ],
)
def test_invalid_requests_are_rejected(body: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        VerdictRequest.model_validate(body)


def test_targets_come_from_a_success_plan() -> None:
    answers = base_answers(requests_per_day=100, mlops_capacity="none")
    unmeasured = build_plan(questionnaire=Questionnaire.model_validate(answers))
    assert targets_of(plan=unmeasured) is None
    plan = build_plan(questionnaire=Questionnaire.model_validate(
        {**answers, "prompt_baseline_score": 0.6}))
    targets = targets_of(plan=plan)
    assert targets is not None
    assert (targets.baseline, targets.success_threshold) == (0.6, plan.success_threshold)
    request = VerdictRequest(plan=targets, measured_after=targets.success_threshold)
    assert decide(request=request).verdict == "success"
