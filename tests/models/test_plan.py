"""The success plan: metric per gap, baseline handling, threshold formula, guardrails."""

from __future__ import annotations

import pytest

from models.plan import (
    GUARDRAIL_MAX_DROP,
    MIN_MARGIN,
    REALISTIC_GAIN,
    SuccessPlan,
    build_plan,
    success_threshold,
)
from models.questionnaire import Questionnaire
from tests.support import questionnaire


def make(**answers: object) -> Questionnaire:
    return questionnaire(mlops_capacity="limited", **answers)


def test_example_in_schema_validates() -> None:
    example = SuccessPlan.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    SuccessPlan.model_validate(example)


@pytest.mark.parametrize("baseline", [0.0, 0.05, 0.3, 0.5, 0.72, 0.9, 0.95, 0.99])
def test_threshold_is_above_baseline_and_below_one(baseline: float) -> None:
    bar = success_threshold(baseline=baseline)
    assert bar is not None
    assert baseline < bar < 1.0
    # never asks for more than half the remaining headroom (allow for rounding to 3 places)
    assert bar <= baseline + (1 - baseline) / 2 + 0.0005


def test_threshold_uses_realistic_gain_when_it_dominates() -> None:
    # at 0.72 the 10% relative gain (0.792) beats the 5-point margin (0.77)
    assert success_threshold(baseline=0.72) == pytest.approx(0.72 * (1 + REALISTIC_GAIN), abs=1e-3)


def test_threshold_uses_margin_for_low_baselines() -> None:
    assert success_threshold(baseline=0.3) == pytest.approx(0.3 + MIN_MARGIN, abs=1e-3)


@pytest.mark.parametrize("baseline", [0.999, 1.0])
def test_saturated_baseline_has_no_threshold(baseline: float) -> None:
    assert success_threshold(baseline=baseline) is None
    plan = build_plan(questionnaire=make(prompt_baseline_score=baseline))
    assert plan.success_threshold is None
    assert "headroom" in plan.baseline_note


def test_known_baseline_sets_number_and_threshold() -> None:
    plan = build_plan(questionnaire=make(prompt_baseline_score=0.72, primary_gap="format"))
    assert plan.baseline == 0.72
    assert plan.success_threshold == success_threshold(baseline=0.72)
    assert "measure this first" not in plan.baseline_note


def test_unknown_baseline_says_measure_first_and_states_rule() -> None:
    plan = build_plan(questionnaire=make())
    assert plan.baseline is None
    assert plan.success_threshold is None
    assert "measure this first" in plan.baseline_note
    assert "baseline" in plan.threshold_rule


@pytest.mark.parametrize(
    ("answers", "needle"),
    [
        ({"primary_gap": "format", "output_strictness": "strict_schema"}, "schema-valid"),
        ({"primary_gap": "format", "output_strictness": "structured"}, "structure"),
        ({"primary_gap": "style"}, "tone"),
        ({"primary_gap": "policy"}, "policy decisions"),
        ({"primary_gap": "knowledge"}, "citation"),
        ({"primary_gap": "reasoning"}, "multi-step"),
        ({"output_strictness": "strict_schema"}, "schema-valid"),
        ({}, "one-sentence definition"),
    ],
)
def test_metric_fits_the_gap(answers: dict[str, object], needle: str) -> None:
    assert needle in build_plan(questionnaire=make(**answers)).metric


def test_target_behavior_uses_name_narrowness_and_description() -> None:
    q = make(project_name="Invoice extractor", task_narrowness="moderate",
             description="Pull   totals\nfrom invoices", primary_gap="format")
    target = build_plan(questionnaire=q).target_behavior
    assert target.startswith("Invoice extractor:")
    assert "family" in target
    assert '"Pull totals from invoices"' in target


def test_long_description_is_truncated() -> None:
    target = build_plan(questionnaire=make(description="word " * 500)).target_behavior
    assert target.endswith('..."')
    assert len(target) < 400


def test_guardrails_general_vs_high_stakes() -> None:
    general = build_plan(questionnaire=make())
    assert general.guardrail_max_drop == GUARDRAIL_MAX_DROP
    assert "2 points" in general.guardrail
    assert general.high_stakes_guardrail is None
    health = build_plan(questionnaire=make(risk_domain="health"))
    assert health.high_stakes_guardrail is not None
    assert "health" in health.high_stakes_guardrail
    assert any("10. No Guardrails" in source for source in health.sources)
    assert any("red-team" in line for line in health.eval_set.advice)


def test_eval_set_scales_with_labelled_examples_and_warns_when_thin() -> None:
    assert build_plan(questionnaire=make()).eval_set.size == 100
    assert build_plan(questionnaire=make(labeled_examples=3000)).eval_set.size == 300
    assert build_plan(questionnaire=make(labeled_examples=10**7)).eval_set.size == 1000
    thin = build_plan(questionnaire=make(labeled_examples=150)).eval_set
    assert any("too few" in line for line in thin.advice)
    assert any("live traffic" in line for line in thin.advice)


def test_every_plan_cites_the_success_plan_seed() -> None:
    plan = build_plan(questionnaire=make())
    assert plan.sources[0].startswith("002_91778d55da1d4448.txt §")
