"""What-ifs: real flips found by re-running the real advisor, ranked smallest change first."""

from __future__ import annotations

import itertools
import time

import pytest

from models.advisor import Advisor
from models.questionnaire import BY_NAME, Questionnaire
from models.vocabulary import Approach, Recommendation
from models.what_if import (
    MAX_WHAT_IFS,
    WhatIf,
    bears_on_change,
    candidates,
    strength,
    what_ifs,
)
from tests.support import answers as base_answers

# A narrow, strict job nobody can maintain: fine-tuning is one answer away.
BASE = base_answers(requests_per_day=40000, mlops_capacity="none", primary_gap="format",
               labeled_examples=3000, data_quality="clean", output_strictness="strict_schema")
PROFILES = [
    BASE,
    {**BASE, "mlops_capacity": "dedicated", "success_metric_defined": True,
     "prompt_baseline_score": 0.72, "workflow_stability": "stable"},
    {"task_narrowness": "broad", "knowledge_freshness": "daily", "requests_per_day": 300,
     "mlops_capacity": "limited", "risk_domain": "finance"},
    {"task_narrowness": "moderate", "knowledge_freshness": "monthly", "requests_per_day": 2000,
     "mlops_capacity": "limited", "risk_domain": "health", "needs_private_context": True,
     "primary_gap": "knowledge"},
    {"task_narrowness": "narrow", "knowledge_freshness": "static", "requests_per_day": 50,
     "mlops_capacity": "dedicated", "risk_domain": "general"},
]


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return Advisor.load()


def test_example_in_schema_validates() -> None:
    example = WhatIf.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    assert WhatIf.model_validate(example).from_ == "none"


def test_from_is_serialised_under_its_contract_name() -> None:
    item = WhatIf(field="mlops_capacity", from_="none", to="dedicated",
                  new_recommendation=Recommendation.fine_tuning,
                  new_scores={Approach.fine_tuning: 0.8}, message="m")
    dumped = item.model_dump(mode="json")
    assert dumped["from"] == "none" and "from_" not in dumped
    assert '"from":"none"' in item.model_dump_json()


@pytest.mark.parametrize("answers", PROFILES)
def test_each_what_if_really_flips_to_the_stated_recommendation(
    advisor: Advisor, answers: dict[str, object]
) -> None:
    q = Questionnaire.model_validate(answers)
    result = advisor.assess(questionnaire=q)
    items = what_ifs(questionnaire=q, result=result, advisor=advisor)
    assert len(items) <= MAX_WHAT_IFS
    assert len({i.field for i in items}) == len(items)
    for item in items:
        current = q.model_dump(mode="json")[item.field]
        assert item.from_ == current
        assert item.to != current
        # rebuild through validation, as a client would send it
        changed = Questionnaire.model_validate({**q.model_dump(mode="json"), item.field: item.to})
        outcome = advisor.assess(questionnaire=changed)
        assert outcome.recommendation == item.new_recommendation != result.recommendation
        assert outcome.scores == item.new_scores
        assert item.message.endswith(f"→ {item.new_recommendation.value}")


def test_at_least_one_profile_has_a_flip(advisor: Advisor) -> None:
    found = 0
    for answers in PROFILES:
        q = Questionnaire.model_validate(answers)
        found += len(what_ifs(questionnaire=q, result=advisor.assess(questionnaire=q),
                              advisor=advisor))
    assert found > 0


def test_no_flip_exists_when_no_candidate_changes_the_recommendation(advisor: Advisor) -> None:
    # the claim "no what-ifs" must mean that none of the candidates flips it
    for answers in PROFILES:
        q = Questionnaire.model_validate(answers)
        result = advisor.assess(questionnaire=q)
        if what_ifs(questionnaire=q, result=result, advisor=advisor):
            continue
        for field, value, _ in candidates(questionnaire=q):
            changed = Questionnaire.model_validate({**q.model_dump(), field: value})
            assert advisor.assess(questionnaire=changed).recommendation == result.recommendation


def test_ranked_cheapest_first(advisor: Advisor) -> None:
    for answers in PROFILES:
        q = Questionnaire.model_validate(answers)
        result = advisor.assess(questionnaire=q)
        costs = {(f, v): c for f, v, c in candidates(questionnaire=q)}
        items = what_ifs(questionnaire=q, result=result, advisor=advisor)
        # rank = cost - 0.5 x score, so a cost exceeds the next one by at most 0.5
        ordered = [costs[(i.field, i.to)] for i in items]
        assert all(a <= b + 0.5 for a, b in itertools.pairwise(ordered))


def test_strength_is_the_recommended_approachs_score(advisor: Advisor) -> None:
    for answers in PROFILES:
        result = advisor.assess(questionnaire=Questionnaire.model_validate(answers))
        parts = result.recommendation.value.replace("rag_and_", "rag,").split(",")
        assert strength(result=result) == min(result.scores[Approach(p)] for p in parts)


def test_candidates_cover_every_answer_and_set_unknowns() -> None:
    q = Questionnaire.model_validate(BASE)
    fields = {f for f, _, _ in candidates(questionnaire=q)}
    assert fields == {
        "task_narrowness", "knowledge_freshness", "requests_per_day", "mlops_capacity",
        "risk_domain", "primary_gap", "needs_private_context", "labeled_examples", "data_quality",
        "output_strictness", "success_metric_defined", "prompt_baseline_score",
        "workflow_stability", "latency_budget_ms",
    }
    values = {(f, v) for f, v, _ in candidates(questionnaire=q)}
    assert ("mlops_capacity", "dedicated") in values and ("mlops_capacity", "none") not in values
    assert ("needs_private_context", True) in values and ("needs_private_context", False) in values
    assert ("requests_per_day", 40000) not in values
    for field, value, _ in candidates(questionnaire=q):
        Questionnaire.model_validate({**q.model_dump(mode="json"), field: value})


def test_closer_changes_cost_less() -> None:
    q = Questionnaire.model_validate(BASE)
    cost = {(f, v): c for f, v, c in candidates(questionnaire=q)}
    assert cost[("mlops_capacity", "limited")] < cost[("mlops_capacity", "dedicated")]
    assert cost[("requests_per_day", 100_000)] < cost[("requests_per_day", 100)]
    assert cost[("success_metric_defined", True)] < cost[("risk_domain", "health")]
    defined = Questionnaire.model_validate({**BASE, "success_metric_defined": True})
    cost_defined = {(f, v): c for f, v, c in candidates(questionnaire=defined)}
    # dropping a metric that exists is a less plausible plan than defining a missing one
    assert cost_defined[("success_metric_defined", False)] > cost[("success_metric_defined", True)]
    assert ("success_metric_defined", True) not in cost_defined


def test_messages_read_naturally() -> None:
    assert BY_NAME["mlops_capacity"].phrase(value="dedicated") == "with dedicated MLOps capacity"
    assert BY_NAME["requests_per_day"].phrase(value=100000) == "at 100,000 requests/day"
    assert BY_NAME["prompt_baseline_score"].phrase(value=0.5) == "if the best prompt scored 0.50"
    assert "tone" in BY_NAME["primary_gap"].phrase(value="style")


def test_fast_enough(advisor: Advisor) -> None:
    q = Questionnaire.model_validate(PROFILES[1])
    result = advisor.assess(questionnaire=q)
    start = time.perf_counter()
    what_ifs(questionnaire=q, result=result, advisor=advisor)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    ("field", "before", "after", "offered"),
    [
        ("labeled_examples", "prompt_engineering", "fine_tuning", True),
        ("labeled_examples", "prompt_engineering", "rag", False),
        ("labeled_examples", "rag", "rag_and_fine_tuning", True),
        ("needs_private_context", "prompt_engineering", "rag", True),
        ("needs_private_context", "fine_tuning", "prompt_engineering", False),
        ("primary_gap", "fine_tuning", "rag", True),
    ],
)
def test_a_flip_is_offered_only_when_it_touches_what_the_field_bears_on(
    field: str, before: str, after: str, offered: bool
) -> None:
    assert bears_on_change(field=field, before=Recommendation(before),
                           after=Recommendation(after)) is offered
