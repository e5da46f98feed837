"""Long context before retrieval: each decision pinned to the answers, and the price by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from models.estimates import DEFAULT_PATH, Assumptions, estimate, load_assumptions
from models.long_context import LongContextAdvice, advise
from models.next_steps import plan_next_steps
from models.questionnaire import Questionnaire
from tests.support import document, questionnaire

SMALL = 20_000


@pytest.fixture(scope="module")
def shipped() -> Assumptions:
    return load_assumptions()


def advice_for(a: Assumptions, **changes: Any) -> LongContextAdvice:
    q = questionnaire(**changes)
    return advise(questionnaire=q, assumptions=a, estimates=estimate(questionnaire=q,
                                                                      assumptions=a))


def test_a_small_static_knowledge_base_goes_whole_into_a_cached_prompt_first(
    shipped: Assumptions,
) -> None:
    advice = advice_for(shipped, knowledge_size_tokens=SMALL, knowledge_freshness="static",
                        needs_private_context=False)
    assert advice.status == "long_context_first"
    assert "cached prompt" in advice.advice and "Build retrieval" in advice.advice
    assert any("cite" in when for when in advice.switch_to_retrieval_when)
    assert advice.cost is not None and advice.assumptions
    assert advice.threshold_tokens == 200_000 and advice.threshold_as_of == "2026-11"
    assert "contextual-retrieval" in advice.threshold_source


@pytest.mark.parametrize(("changes", "reason"), [
    ({"needs_private_context": True}, "user-specific"),
    ({"knowledge_size_tokens": 300_000}, "exceed the 200,000-token"),
    ({"knowledge_freshness": "realtime"}, "real time"),
    ({"latency_budget_ms": 300}, "latency budget"),
])
def test_per_user_large_live_or_slow_knowledge_keeps_retrieval(
    shipped: Assumptions, changes: dict[str, Any], reason: str
) -> None:
    base = {"knowledge_size_tokens": SMALL, "knowledge_freshness": "static"}
    advice = advice_for(shipped, **{**base, **changes})
    assert advice.status == "retrieval"
    assert any(reason in text for text in advice.reasons), advice.reasons
    assert advice.advice.startswith("Keep retrieval")


def test_a_latency_budget_the_cached_prompt_meets_keeps_long_context(
    shipped: Assumptions,
) -> None:
    advice = advice_for(shipped, knowledge_size_tokens=SMALL, latency_budget_ms=2000)
    assert advice.status == "long_context_first"
    assert advice.cost is not None and advice.cost.within_latency_budget is True
    assert advice.cost.added_latency_ms == 600  # 20 x 30 ms per 1,000 cached tokens


def test_unknown_and_empty_knowledge(shipped: Assumptions) -> None:
    unknown = advice_for(shipped)
    assert unknown.status == "unknown" and unknown.cost is None
    assert "200,000" in unknown.advice
    assert advice_for(shipped, knowledge_size_tokens=0).status == "not_needed"


def test_price_matches_a_hand_computed_case(shipped: Assumptions) -> None:
    cost = advice_for(shipped, knowledge_size_tokens=SMALL, requests_per_day=10_000).cost
    assert cost is not None
    # Hit rate: min(0.95, 1 - exp(-10000/1440 x 5)) = 0.95. Per request: (20,000 x (0.95 x 0.1
    # + 0.05 x 1.25) + 1,000) x 2.5 + 300 x 10 = 13,375 per 1e6 tokens = 0.013375 USD.
    assert cost.cache_hit_rate == 0.95
    assert cost.per_request_usd == pytest.approx(0.013375)
    assert cost.monthly_cost_usd == pytest.approx(4012.5)  # x 300,000 requests
    assert cost.retrieval_monthly_cost_usd == pytest.approx(3595.0)  # 3,525 + 70 vector DB
    assert cost.cheaper == "retrieval"
    assert cost.formula.endswith("= 4,012.50 USD per month")


def test_sparse_traffic_misses_the_cache(shipped: Assumptions) -> None:
    cost = advice_for(shipped, knowledge_size_tokens=SMALL, requests_per_day=144).cost
    assert cost is not None
    assert cost.cache_hit_rate == pytest.approx(1 - math.exp(-0.5), abs=1e-4)  # 0.1/min x 5 min
    small = advice_for(shipped, knowledge_size_tokens=2_000, requests_per_day=144).cost
    assert small is not None and small.cheaper == "long_context"


def test_the_threshold_is_a_deployment_setting(shipped: Assumptions, tmp_path: Path) -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["assumptions"]["long_context"]["max_knowledge_tokens"]["value"] = 10_000
    path = tmp_path / "estimates.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    override = load_assumptions(path=path)
    assert advice_for(shipped, knowledge_size_tokens=SMALL).status == "long_context_first"
    tight = advice_for(override, knowledge_size_tokens=SMALL)
    assert tight.status == "retrieval" and tight.threshold_tokens == 10_000


def test_the_retrieval_stage_says_long_context_first(shipped: Assumptions) -> None:
    q = Questionnaire.model_validate(document().questionnaire.model_dump() | {
        "knowledge_size_tokens": SMALL, "latency_budget_ms": None, "knowledge_freshness": "weekly",
    })
    doc = document(given=q.model_dump(mode="json", exclude_none=True))
    assert doc.long_context is not None and doc.long_context.status == "long_context_first"
    stage = next(step for step in doc.next_steps if step.id == "retrieval")
    assert stage.do.startswith("First send the whole knowledge (20,000 tokens)")
    plain = plan_next_steps(questionnaire=q, result=doc)
    assert next(s for s in plain if s.id == "retrieval").do.startswith("Index")
