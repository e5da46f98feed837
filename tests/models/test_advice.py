"""build_advice with the real advisor and the shipped assumptions: every section, consistent."""

from __future__ import annotations

import time

import pytest

from models.advice import Advice, build_advice
from models.advisor import Advisor
from models.estimates import Assumptions, load_assumptions
from models.plan import build_plan
from models.questionnaire import Questionnaire
from models.readiness import assess_readiness
from models.vocabulary import Recommendation

EXAMPLE = Questionnaire.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
PROFILES = [
    EXAMPLE,
    {"task_narrowness": "broad", "knowledge_freshness": "realtime", "requests_per_day": 200,
     "mlops_capacity": "none", "risk_domain": "web3"},
    {"task_narrowness": "moderate", "knowledge_freshness": "weekly", "requests_per_day": 50000,
     "mlops_capacity": "dedicated", "risk_domain": "general", "primary_gap": "style",
     "labeled_examples": 20, "data_quality": "noisy"},
]


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return Advisor.load()


@pytest.fixture(scope="module")
def assumptions() -> Assumptions:
    return load_assumptions()


@pytest.mark.parametrize("answers", PROFILES)
def test_every_section_is_built_and_consistent(
    advisor: Advisor, assumptions: Assumptions, answers: dict[str, object]
) -> None:
    q = Questionnaire.model_validate(answers)
    result = advisor.assess(questionnaire=q)
    advice = build_advice(questionnaire=q, result=result, advisor=advisor, assumptions=assumptions)
    assert advice.success_plan == build_plan(questionnaire=q)
    assert advice.readiness == assess_readiness(questionnaire=q)
    assert advice.success_plan.baseline == q.prompt_baseline_score
    stages = {step.id: step for step in advice.next_steps}
    tuned = result.recommendation in (Recommendation.fine_tuning,
                                      Recommendation.rag_and_fine_tuning)
    assert stages["fine_tuning"].applies is tuned
    assert stages["guardrails"].applies is q.high_stakes
    for item in advice.what_if:
        assert item.new_recommendation != result.recommendation
    assert advice.estimates.requests_per_day == q.requests_per_day
    assert advice.estimates.label == "estimate"


def test_json_round_trip_keeps_contract_names(advisor: Advisor, assumptions: Assumptions) -> None:
    q = Questionnaire.model_validate(PROFILES[2])
    advice = build_advice(questionnaire=q, result=advisor.assess(questionnaire=q),
                          advisor=advisor, assumptions=assumptions)
    dumped = advice.model_dump(mode="json")
    assert set(dumped) == {"success_plan", "readiness", "next_steps", "what_if",
                           "open_questions", "estimates", "long_context", "cost_projection",
                           "fine_tuning_plan"}
    assert all("from" in item and "from_" not in item for item in dumped["what_if"])
    assert Advice.model_validate(dumped) == advice


def test_fast_enough_for_every_request(advisor: Advisor, assumptions: Assumptions) -> None:
    q = Questionnaire.model_validate(EXAMPLE)
    result = advisor.assess(questionnaire=q)
    start = time.perf_counter()
    for _ in range(5):
        build_advice(questionnaire=q, result=result, advisor=advisor, assumptions=assumptions)
    assert (time.perf_counter() - start) / 5 < 0.25
