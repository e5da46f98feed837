"""Properties that must hold for every questionnaire, not just typical ones (hypothesis)."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.advisor import Advisor
from models.features import ORDINAL_LEVELS, UNKNOWN_GRID
from models.questionnaire import Questionnaire
from models.result import ModelResult

APPROACHES = ("prompt_engineering", "rag", "fine_tuning")
LEVELS = {
    "task_narrowness": ["broad", "moderate", "narrow"],
    "knowledge_freshness": ["static", "monthly", "weekly", "daily", "realtime"],
    "mlops_capacity": ["none", "limited", "dedicated"],
    "risk_domain": ["general", "finance", "health", "legal", "security", "web3"],
    "primary_gap": ["knowledge", "format", "style", "policy", "reasoning"],
    "data_quality": ["noisy", "mixed", "clean"],
    "output_strictness": ["free_text", "structured", "strict_schema"],
    "workflow_stability": ["changes_weekly", "evolving", "stable"],
}
OPTIONAL: dict[str, st.SearchStrategy[Any]] = {
    "primary_gap": st.sampled_from(LEVELS["primary_gap"]),
    "needs_private_context": st.booleans(),
    "labeled_examples": st.integers(0, 100_000_000),
    "data_quality": st.sampled_from(LEVELS["data_quality"]),
    "output_strictness": st.sampled_from(LEVELS["output_strictness"]),
    "success_metric_defined": st.booleans(),
    "prompt_baseline_score": st.floats(0.0, 1.0, allow_nan=False),
    "workflow_stability": st.sampled_from(LEVELS["workflow_stability"]),
    "latency_budget_ms": st.integers(1, 600_000),
    "project_name": st.text(min_size=1, max_size=20).filter(lambda s: "\x00" not in s),
    "description": st.text(max_size=50).filter(lambda s: "\x00" not in s),
}
ANSWERS = st.fixed_dictionaries(
    {
        "task_narrowness": st.sampled_from(LEVELS["task_narrowness"]),
        "knowledge_freshness": st.sampled_from(LEVELS["knowledge_freshness"]),
        "requests_per_day": st.integers(0, 1_000_000_000),
        "mlops_capacity": st.sampled_from(LEVELS["mlops_capacity"]),
        "risk_domain": st.sampled_from(LEVELS["risk_domain"]),
    },
    optional={key: st.none() | strategy for key, strategy in OPTIONAL.items()},
)
SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
EPS = 1e-12


def _run(advisor: Advisor, answers: dict[str, Any]) -> ModelResult:
    return advisor.assess(questionnaire=Questionnaire.model_validate(answers))


def _non_decreasing(values: list[float]) -> bool:
    return all(b >= a - EPS for a, b in itertools.pairwise(values))


@SETTINGS
@given(answers=ANSWERS)
def test_rag_never_falls_as_knowledge_gets_fresher(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    scores = [
        _run(advisor, {**answers, "knowledge_freshness": level}).scores["rag"]
        for level in LEVELS["knowledge_freshness"]
    ]
    assert _non_decreasing(scores)


@pytest.mark.parametrize(
    "field", ["mlops_capacity", "data_quality", "workflow_stability", "task_narrowness"]
)
@SETTINGS
@given(answers=ANSWERS)
def test_fine_tuning_never_falls_as_readiness_improves(
    advisor: Advisor, answers: dict[str, Any], field: str
) -> None:
    worst_to_best = sorted(ORDINAL_LEVELS[field], key=ORDINAL_LEVELS[field].__getitem__)
    scores = [
        _run(advisor, {**answers, field: level}).scores["fine_tuning"] for level in worst_to_best
    ]
    assert _non_decreasing(scores)


@pytest.mark.parametrize(
    ("field", "top"), [("labeled_examples", 100_000_000), ("requests_per_day", 1_000_000_000)]
)
@SETTINGS
@given(answers=ANSWERS, data=st.data())
def test_fine_tuning_never_falls_as_counts_grow(
    advisor: Advisor, answers: dict[str, Any], data: st.DataObject, field: str, top: int
) -> None:
    low = data.draw(st.integers(0, top))
    high = data.draw(st.integers(low, top))
    before = _run(advisor, {**answers, field: low}).scores["fine_tuning"]
    after = _run(advisor, {**answers, field: high}).scores["fine_tuning"]
    assert after >= before - EPS


@SETTINGS
@given(answers=ANSWERS)
def test_any_questionnaire_gets_a_valid_deterministic_answer(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    first = _run(advisor, answers)
    again = _run(advisor, answers)
    assert first == again
    assert ModelResult.model_validate(first.model_dump()) == first
    assert all(0.0 <= s <= 1.0 and math.isfinite(s) for s in first.scores.values())
    assert set(first.scores) == set(APPROACHES)


@SETTINGS
@given(answers=ANSWERS)
def test_contributions_and_intercept_add_up_to_the_logit(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    result = _run(advisor, answers)
    for approach in APPROACHES:
        terms = [c.value for c in result.contributions if c.approach == approach]
        assert math.fsum(terms) + result.intercepts[approach] == pytest.approx(
            result.logits[approach], abs=1e-9
        )
        expected = 1.0 / (1.0 + math.exp(-result.logits[approach]))
        assert result.scores[approach] == pytest.approx(expected, abs=1e-12)
    rule_terms = {c.feature for c in result.contributions if c.feature.startswith("rule:")}
    assert rule_terms == {f"rule:{r.id}" for r in result.rules if r.effect == "log_odds"}


@SETTINGS
@given(answers=ANSWERS)
def test_constraints_bind_the_recommendation(advisor: Advisor, answers: dict[str, Any]) -> None:
    result = _run(advisor, answers)
    kinds = {r.constraint for r in result.rules if r.effect == "constraint"}
    if "forbid_fine_tuning" in kinds:
        assert result.recommendation.value not in ("fine_tuning", "rag_and_fine_tuning")
    if "require_retrieval" in kinds:
        assert result.recommendation.value in ("rag", "rag_and_fine_tuning")


KNOWN_VALUES: dict[str, list[Any]] = {
    "primary_gap": LEVELS["primary_gap"],
    "needs_private_context": [False, True],
    "labeled_examples": sorted({0, 100_000_000, *UNKNOWN_GRID["labeled_examples"]}),
    "data_quality": LEVELS["data_quality"],
    "output_strictness": LEVELS["output_strictness"],
    "success_metric_defined": [False, True],
    "prompt_baseline_score": sorted({0.0, 1.0, *UNKNOWN_GRID["prompt_baseline_score"]}),
    "workflow_stability": LEVELS["workflow_stability"],
    "latency_budget_ms": sorted({1, 600_000, *UNKNOWN_GRID["latency_budget_ms"]}),
}


@pytest.mark.parametrize("field", sorted(KNOWN_VALUES))
@SETTINGS
@given(answers=ANSWERS)
def test_unknown_answer_lies_strictly_between_best_and_worst(
    advisor: Advisor, answers: dict[str, Any], field: str
) -> None:
    unknown = _run(advisor, {**answers, field: None})
    known = [_run(advisor, {**answers, field: value}) for value in KNOWN_VALUES[field]]
    for approach in APPROACHES:
        logits = [r.logits[approach] for r in known]
        lo, hi, mid = min(logits), max(logits), unknown.logits[approach]
        if hi - lo > 1e-9:
            assert lo < mid < hi
        else:
            assert mid == pytest.approx(lo, abs=1e-9)
        scores = [r.scores[approach] for r in known]
        assert min(scores) - EPS <= unknown.scores[approach] <= max(scores) + EPS


def test_only_the_five_required_answers_suffice(advisor: Advisor) -> None:
    answers = {
        "task_narrowness": "moderate",
        "knowledge_freshness": "monthly",
        "requests_per_day": 1200,
        "mlops_capacity": "limited",
        "risk_domain": "general",
    }
    result = _run(advisor, answers)
    assert result.recommendation.value in (
        "prompt_engineering", "rag", "fine_tuning", "rag_and_fine_tuning"
    )
    assert result.model_version == advisor.model_version
