"""Properties that must hold for every questionnaire, not just typical ones (hypothesis)."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.advisor import Advisor
from models.conditions import fields_of
from models.features import ENCODINGS, FEATURE_SOURCE, ORDINAL_LEVELS
from models.questionnaire import BY_NAME, Questionnaire
from models.result import ModelResult
from models.vocabulary import parts_of
from models.what_if import what_ifs
from tests.models.strategies import ANSWERS, LEVELS

APPROACHES = ("prompt_engineering", "rag", "fine_tuning")
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


@SETTINGS
@given(answers=ANSWERS)
def test_rag_never_falls_when_answers_need_private_context(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    without = _run(advisor, {**answers, "needs_private_context": False}).scores["rag"]
    with_private = _run(advisor, {**answers, "needs_private_context": True}).scores["rag"]
    assert with_private >= without - EPS


@SETTINGS
@given(answers=ANSWERS)
def test_rag_never_falls_when_the_gap_becomes_knowledge(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    before = _run(advisor, answers).scores["rag"]
    after = _run(advisor, {**answers, "primary_gap": "knowledge"}).scores["rag"]
    assert after >= before - EPS


@SETTINGS
@given(answers=ANSWERS, data=st.data())
def test_rag_never_falls_as_the_documents_grow(
    advisor: Advisor, answers: dict[str, Any], data: st.DataObject
) -> None:
    low = data.draw(st.integers(0, 1_000_000_000_000))
    high = data.draw(st.integers(low, 1_000_000_000_000))
    before = _run(advisor, {**answers, "knowledge_size_tokens": low}).scores["rag"]
    after = _run(advisor, {**answers, "knowledge_size_tokens": high}).scores["rag"]
    assert after >= before - EPS


@pytest.mark.parametrize(
    "field", ["mlops_capacity", "data_quality", "workflow_stability", "task_narrowness"]
)
@SETTINGS
@given(answers=ANSWERS)
def test_fine_tuning_never_rises_as_readiness_worsens(
    advisor: Advisor, answers: dict[str, Any], field: str
) -> None:
    # data quality clean -> mixed -> noisy, workflow stable -> evolving -> weekly, and so on
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
@given(answers=ANSWERS, data=st.data())
def test_more_clean_examples_never_move_the_advice_toward_retrieval(
    advisor: Advisor, answers: dict[str, Any], data: st.DataObject
) -> None:
    low = data.draw(st.integers(0, 100_000_000))
    high = data.draw(st.integers(low, 100_000_000))
    clean = {**answers, "data_quality": "clean"}
    before = _run(advisor, {**clean, "labeled_examples": low}).recommendation.value
    after = _run(advisor, {**clean, "labeled_examples": high}).recommendation.value
    if "fine_tuning" in parts_of(recommendation=before):
        assert "fine_tuning" in parts_of(recommendation=after)
    assert ("rag" in parts_of(recommendation=after)) == ("rag" in parts_of(recommendation=before))


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
def test_the_recommendation_is_the_best_approach_not_ruled_out(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    result = _run(advisor, answers)
    chosen = parts_of(recommendation=result.recommendation.value)
    ruled_out = {a.value for a in result.ruled_out}
    assert not ruled_out & set(chosen)
    allowed = [a for a in APPROACHES if a not in ruled_out]
    assert allowed and max(allowed, key=lambda a: result.scores[a]) in chosen
    fired = {r.id for r in result.rules if r.effect == "constraint"}
    assert {rid for ids in result.ruled_out.values() for rid in ids} == fired
    # prompting versus retrieval is settled by evidence: exactly one of the two is ruled out
    assert len(ruled_out & {"prompt_engineering", "rag"}) == 1


@pytest.mark.parametrize("field", sorted(ENCODINGS.keys() - {
    "task_narrowness", "knowledge_freshness", "requests_per_day", "mlops_capacity", "risk_domain"}))
@SETTINGS
@given(answers=ANSWERS)
def test_an_unknown_answer_adds_only_its_expected_rule_effect(
    advisor: Advisor, answers: dict[str, Any], field: str
) -> None:
    unknown = _run(advisor, {**answers, field: None})
    learned = [c for c in unknown.contributions if FEATURE_SOURCE.get(c.feature) == field]
    assert learned and all(c.value == 0.0 for c in learned)
    pairs = advisor.answer_distribution[field]
    total = sum(n for _, n in pairs)
    known = [(_run(advisor, {**answers, field: v}), n) for v, n in pairs]
    reads = {r["id"]: fields_of(condition=r["when"]) for r in advisor.artifact["rules"]}
    fired = {r.id: r for r in unknown.rules}
    for rule in advisor.artifact["rules"]:
        others = [f for f in reads[rule["id"]] if f != field]
        if rule["effect"] != "log_odds" or field not in reads[rule["id"]] or any(
                answers.get(f) is None and f in ENCODINGS for f in others):
            continue
        # the rule hinges on this unknown answer alone: its weight is the share of the cases'
        # answers for which it holds
        expected = sum(n for r, n in known
                       if any(k.id == rule["id"] and k.weight == 1.0 for k in r.rules)) / total
        weight = fired[rule["id"]].weight if rule["id"] in fired else 0.0
        assert weight == pytest.approx(expected, abs=1e-9)


@SETTINGS
@given(answers=ANSWERS)
def test_a_what_if_always_bears_on_the_approaches_it_changes(
    advisor: Advisor, answers: dict[str, Any]
) -> None:
    q = Questionnaire.model_validate(answers)
    result = advisor.assess(questionnaire=q)
    for item in what_ifs(questionnaire=q, result=result, advisor=advisor):
        before = set(parts_of(recommendation=result.recommendation.value))
        after = set(parts_of(recommendation=item.new_recommendation.value))
        rule = BY_NAME[item.field].ask.what_if
        assert rule is not None and (before ^ after) & set(rule.bears_on)
        if item.field in ("labeled_examples", "data_quality", "success_metric_defined"):
            assert ("rag" in after) == ("rag" in before)


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
