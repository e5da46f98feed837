"""The fine-tuning plan: every decision pinned to the answers that make it."""

from __future__ import annotations

from typing import Any

import pytest

from models.advisor import Advisor
from models.estimates import Assumptions, load_assumptions
from models.fine_tuning_plan import FineTuningPlan, build_fine_tuning_plan
from models.plan import build_plan
from models.result import ModelResult
from models.seeds import parse_citations
from models.tuning_method import choose
from models.vocabulary import SEED_EXPECTATIONS, Recommendation
from tests.support import questionnaire


@pytest.fixture(scope="module")
def assumptions() -> Assumptions:
    return load_assumptions()


@pytest.fixture(scope="module")
def tuned(advisor: Advisor) -> ModelResult:
    """A real result, with the recommendation fixed so the plan's own logic is what is tested."""
    result = advisor.assess(questionnaire=questionnaire(full=True))
    return result.model_copy(update={"recommendation": Recommendation.fine_tuning})


def plan_for(result: ModelResult, a: Assumptions, **changes: Any) -> FineTuningPlan:
    q = questionnaire(full=True, **changes)
    plan = build_fine_tuning_plan(questionnaire=q, result=result, plan=build_plan(questionnaire=q),
                                  assumptions=a)
    assert plan is not None
    return plan


@pytest.mark.parametrize(("changes", "method", "deciding"), [
    ({"mlops_capacity": "none"}, "managed_api", "mlops_capacity"),
    ({"mlops_capacity": "limited"}, "managed_api", "mlops_capacity"),
    ({"mlops_capacity": "limited", "requests_per_day": 2_000_000}, "qlora", "requests_per_day"),
    ({"mlops_capacity": "limited", "latency_budget_ms": 200}, "qlora", "latency_budget_ms"),
    ({"mlops_capacity": "limited", "risk_domain": "health"}, "qlora", "risk_domain"),
    ({"mlops_capacity": "dedicated"}, "lora", "mlops_capacity"),
    ({"mlops_capacity": "dedicated", "needs_private_context": True}, "lora",
     "needs_private_context"),
])
def test_method_follows_capacity_volume_latency_and_privacy(
    changes: dict[str, Any], method: str, deciding: str
) -> None:
    chosen, reasons = choose(q=questionnaire(full=True, **changes))
    assert chosen == method
    assert deciding in {reason.field for reason in reasons}
    assert all(reason.text for reason in reasons)


def test_no_owner_means_managed_even_when_self_hosting_would_pay(
    tuned: ModelResult, assumptions: Assumptions
) -> None:
    plan = plan_for(tuned, assumptions, mlops_capacity="none", risk_domain="finance",
                    requests_per_day=5_000_000)
    assert plan.method == "managed_api"
    assert {"mlops_capacity", "risk_domain", "requests_per_day"} <= {r.field for r in plan.reasons}
    assert "needs an owner first" in plan.reasons[0].text
    status = {option.method: option.status for option in plan.options}
    assert status == {"managed_api": "chosen", "lora": "ruled_out", "qlora": "ruled_out",
                      "full": "ruled_out"}
    managed = next(o for o in plan.options if o.method == "managed_api")
    assert managed.why.startswith("Only with a vendor agreement")


@pytest.mark.parametrize(("examples", "quality", "status"), [
    (60_000, "clean", "later"), (10_000, "clean", "ruled_out"), (60_000, "mixed", "ruled_out"),
])
def test_full_fine_tuning_is_never_first_and_needs_plenty_of_clean_data(
    tuned: ModelResult, assumptions: Assumptions, examples: int, quality: str, status: str
) -> None:
    plan = plan_for(tuned, assumptions, labeled_examples=examples, data_quality=quality)
    assert plan.method != "full"
    assert next(o for o in plan.options if o.method == "full").status == status


@pytest.mark.parametrize(("changes", "ready", "phrase"), [
    ({"prompt_baseline_score": 0.72}, True, "already scores 0.72"),
    ({"prompt_baseline_score": 0.3}, False, "does not add capabilities"),
    ({"prompt_baseline_score": None}, None, "Measure the best prompt"),
    ({"primary_gap": "reasoning"}, False, "stronger base model"),
])
def test_base_model_check_reads_the_prompt_baseline_and_the_gap(
    tuned: ModelResult, assumptions: Assumptions, changes: dict[str, Any], ready: bool | None,
    phrase: str,
) -> None:
    plan = plan_for(tuned, assumptions, **changes)
    assert plan.base_model_ready is ready
    assert phrase in plan.base_model


def test_limits_state_the_seeds_and_plan_several_cycles(
    tuned: ModelResult, assumptions: Assumptions
) -> None:
    plan = plan_for(tuned, assumptions)
    cited = {pair for limit in plan.limits for pair in parse_citations(source=limit.source)}
    assert (SEED_EXPECTATIONS, "LoRAs Are Specialization Layers") in cited
    assert (SEED_EXPECTATIONS, "First Attempts Are Rarely Final") in cited
    assert plan.first_run_cycles == 3
    assert "at least 3 cycles" in plan.limits[1].text
    assert "does not add capabilities" in plan.limits[0].text
    assert len(plan_for(tuned, assumptions, risk_domain="legal").limits) == len(plan.limits) + 1


def test_data_plan_uses_the_success_plans_held_out_count(
    tuned: ModelResult, assumptions: Assumptions
) -> None:
    q = questionnaire(full=True)
    held = build_plan(questionnaire=q).held_out_examples
    assert held is not None
    data = plan_for(tuned, assumptions).data
    assert data.held_out_examples == held and "held_out_examples" in data.held_out_basis
    assert data.collect_before_first_run == 200 + held
    assert data.available == 3000 and data.still_to_collect == 0
    assert f"train on the other {3000 - held:,}" in data.split[0]

    short = plan_for(tuned, assumptions, labeled_examples=100, data_quality="mixed").data
    assert short.still_to_collect == 200 + held - 100
    assert any("dataset audit" in line for line in short.split)


def test_without_a_baseline_the_eval_set_size_is_held_out(
    tuned: ModelResult, assumptions: Assumptions
) -> None:
    q = questionnaire(full=True, prompt_baseline_score=None, labeled_examples=None)
    data = plan_for(tuned, assumptions, prompt_baseline_score=None, labeled_examples=None).data
    assert data.held_out_examples == build_plan(questionnaire=q).eval_set.size == 100
    assert data.available is None and data.still_to_collect is None
    assert data.split[0].startswith("Collect at least 300 clean examples")


@pytest.mark.parametrize(("stability", "per_month", "cadence", "phrase"), [
    ("stable", 0.25, "about every 4 months", "quarterly"),
    ("evolving", 1.0, "about once a month", "monthly"),
    ("changes_weekly", 2.0, "about twice a month", "do not fine-tune yet"),
    (None, 1.0, "about once a month", "until workflow_stability is answered"),
])
def test_retraining_follows_workflow_stability(
    tuned: ModelResult, assumptions: Assumptions, stability: str | None, per_month: float,
    cadence: str, phrase: str,
) -> None:
    retraining = plan_for(tuned, assumptions, workflow_stability=stability).retraining
    assert retraining.cycles_per_month == per_month
    assert retraining.cycles_per_year == per_month * 12
    assert retraining.cadence == cadence and phrase in retraining.advice


def test_no_plan_unless_fine_tuning_is_recommended(
    tuned: ModelResult, assumptions: Assumptions
) -> None:
    q = questionnaire(full=True)
    for rec in Recommendation:
        result = tuned.model_copy(update={"recommendation": rec})
        plan = build_fine_tuning_plan(questionnaire=q, result=result,
                                      plan=build_plan(questionnaire=q), assumptions=assumptions)
        assert (plan is not None) is (rec in (Recommendation.fine_tuning,
                                              Recommendation.rag_and_fine_tuning))
