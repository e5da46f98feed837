"""The success plan: metric per gap, baseline handling, threshold formula, guardrails."""

from __future__ import annotations

import math

import pytest

from models.held_out import held_out_examples
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


def contract_formula(b: float, t: float) -> int:
    """n = ceil(((1.645 sqrt(b(1-b)) + 0.8416 sqrt(t(1-t))) / (t - b))^2), as the contract says."""
    return math.ceil(
        ((1.645 * math.sqrt(b * (1 - b)) + 0.8416 * math.sqrt(t * (1 - t))) / (t - b)) ** 2
    )


GRID = [0.0, 0.05, 0.1, 0.3, 0.5, 0.72, 0.792, 0.9, 0.95, 0.99, 1.0]


@pytest.mark.parametrize("b", GRID)
@pytest.mark.parametrize("t", GRID)
def test_held_out_examples_is_the_contract_formula(b: float, t: float) -> None:
    expected = contract_formula(b, t) if t > b else None
    assert held_out_examples(baseline=b, threshold=t) == expected


def test_held_out_examples_for_the_seed_plan() -> None:
    # 0.72 -> 0.792 (the rule's bar) and 0.72 -> 0.95 (the seed's own bar)
    assert held_out_examples(baseline=0.72, threshold=0.792) == 226
    assert held_out_examples(baseline=0.72, threshold=0.95) == 17


@pytest.mark.parametrize("baseline", [0.0, 0.3, 0.5, 0.72, 0.9, 0.99])
def test_plan_states_held_out_examples_and_what_they_mean(baseline: float) -> None:
    plan = build_plan(questionnaire=make(prompt_baseline_score=baseline))
    assert plan.success_threshold is not None
    assert plan.held_out_examples == contract_formula(baseline, plan.success_threshold)
    assert f"at least {plan.held_out_examples} examples" in plan.held_out_note
    assert "a real gain of this size will often look like noise" in plan.held_out_note


def test_held_out_examples_is_null_without_baseline_or_bar() -> None:
    unknown = build_plan(questionnaire=make())
    assert unknown.held_out_examples is None
    assert "unknown until the baseline is measured" in unknown.held_out_note
    saturated = build_plan(questionnaire=make(prompt_baseline_score=1.0))
    assert saturated.held_out_examples is None
    assert held_out_examples(baseline=None, threshold=0.8) is None
    assert held_out_examples(baseline=0.5, threshold=None) is None


def test_plan_warns_when_the_eval_set_is_smaller_than_needed() -> None:
    plan = build_plan(questionnaire=make(prompt_baseline_score=0.72))
    assert plan.held_out_examples is not None
    assert plan.held_out_examples > plan.eval_set.size
    assert f"more than the {plan.eval_set.size} suggested" in plan.held_out_note
