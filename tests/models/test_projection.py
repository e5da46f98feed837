"""The 24-month cost projection against hand-computed totals, crossovers included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.estimates import DEFAULT_PATH, Assumptions, AssumptionsError, estimate, load_assumptions
from models.long_context import advise
from models.projection import CostProjection, Series, crossovers, cumulative, project
from tests.support import questionnaire


@pytest.fixture(scope="module")
def shipped() -> Assumptions:
    return load_assumptions()


def projection(a: Assumptions, **changes: Any) -> CostProjection:
    q = questionnaire(**changes)
    costs = estimate(questionnaire=q, assumptions=a)
    lc = advise(questionnaire=q, assumptions=a, estimates=costs).cost
    return project(questionnaire=q, assumptions=a, estimates=costs, long_context=lc)


def by_approach(p: CostProjection) -> dict[str, Series]:
    return {s.approach: s for s in p.series}


def test_low_volume_stable_workflow_by_hand(shipped: Assumptions) -> None:
    # 300 requests/day = 9,000 a month, stable workflow: one 150 USD retrain every 4 months.
    p = projection(shipped, requests_per_day=300, workflow_stability="stable")
    s = by_approach(p)
    assert p.months == 24 and p.retraining_cycles_per_month == 0.25
    # prompting: 9,000 x (2,500 x 2.5 + 300 x 10) / 1e6 = 83.25 USD a month, nothing up front.
    assert s["prompt_engineering"].cumulative_usd[:3] == [0.0, 83.25, 166.5]
    assert s["prompt_engineering"].cumulative_usd[24] == pytest.approx(1998.0)
    # fine-tuning: 500 up front + 9,000 x (400 x 0.3 + 300 x 1.2) / 1e6 = 4.32 a month,
    # + 150 at months 4, 8, 12, ...
    ft = s["fine_tuning"].cumulative_usd
    assert ft[0] == 500.0 and ft[3] == pytest.approx(512.96) and ft[4] == pytest.approx(667.28)
    assert ft[24] == pytest.approx(500 + 24 * 4.32 + 6 * 150)
    # rag: 9,000 x (3,500 x 2.5 + 3,000) / 1e6 = 105.75 + 70 vector DB.
    assert s["rag"].run_monthly_usd == pytest.approx(175.75)
    # Month 10: prompting 832.50 < tuned 843.20; month 11: 915.75 > 847.52, tuned is cheaper;
    # month 12's retrain (1,001.84 against 999.00) hands it back for one month; month 13 returns.
    assert [(c.month, c.cheapest_before, c.cheapest_after) for c in p.crossovers] == [
        (11, "prompt_engineering", "fine_tuning"),
        (12, "fine_tuning", "prompt_engineering"),
        (13, "prompt_engineering", "fine_tuning"),
    ]
    assert p.cheapest_first_month == "prompt_engineering"
    assert p.cheapest_final_month == "fine_tuning"
    assert "fine-tuning becomes cheaper from month 11" in p.summary
    assert "changes 3 times" in p.summary and "$1,504" in p.summary


def test_monthly_retraining_keeps_prompting_cheapest(shipped: Assumptions) -> None:
    # Unknown stability: one retrain a month, so tuning costs 500 + 154.32 a month > 83.25.
    p = projection(shipped, requests_per_day=300)
    assert p.workflow_stability is None and p.retraining_cycles_per_month == 1.0
    assert p.crossovers == []
    assert by_approach(p)["fine_tuning"].cumulative_usd[2] == pytest.approx(500 + 2 * 154.32)
    assert p.summary.startswith("Over 24 months, prompt engineering stays the cheapest option")


def test_a_single_clean_crossover_from_the_formula() -> None:
    cheap_start = Series(approach="a", one_off_usd=0, run_monthly_usd=100, retraining_cost_usd=0,
                         cumulative_usd=cumulative(one_off=0, run=100, retrain=0, rate=0,
                                                   months=24))
    cheap_run = Series(approach="b", one_off_usd=1000, run_monthly_usd=10, retraining_cost_usd=0,
                       cumulative_usd=cumulative(one_off=1000, run=10, retrain=0, rate=0,
                                                 months=24))
    # 100 m > 1000 + 10 m from m = 12 (1,200 > 1,120); at m = 11 it is 1,100 < 1,110.
    (turn,) = crossovers(series=[cheap_start, cheap_run], months=24)
    assert (turn.month, turn.cheapest_before, turn.cheapest_after) == (12, "a", "b")


def test_retrains_are_whole_events() -> None:
    # Quarterly: the 4th month carries exactly one cycle despite 4 x 0.25 in floating point.
    assert cumulative(one_off=0, run=0, retrain=10, rate=0.25, months=8) == [
        0, 0, 0, 0, 10, 10, 10, 10, 20]
    assert cumulative(one_off=0, run=0, retrain=10, rate=0.1, months=10)[10] == 10


def test_long_context_joins_when_priced(shipped: Assumptions) -> None:
    p = projection(shipped, knowledge_size_tokens=2_000, requests_per_day=300)
    lc = by_approach(p)["long_context"]
    assert lc.one_off_usd == 0 and lc.cumulative_usd[1] == lc.run_monthly_usd
    assert "long_context" not in by_approach(projection(shipped, requests_per_day=300))


def test_json_carries_every_series(shipped: Assumptions) -> None:
    dumped = projection(shipped, requests_per_day=300).model_dump(mode="json")
    assert dumped["label"] == "estimate"
    assert [len(s["cumulative_usd"]) for s in dumped["series"]] == [25] * 4
    assert CostProjection.model_validate(dumped).series[0].approach == "prompt_engineering"


@pytest.mark.parametrize(("path", "value", "problem"), [
    (("projection", "months", "value"), 24.5, "whole number"),
    (("long_context", "max_cache_hit_rate", "value"), 1.5, "at most 1"),
    (("long_context", "cache_read_price_share", "unit"), "USD", "input price"),
    (("long_context", "max_knowledge_tokens", "as_of"), "last year", "as_of"),
])
def test_bad_assumptions_fail_on_load(
    tmp_path: Path, path: tuple[str, ...], value: Any, problem: str
) -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    node = data["assumptions"]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    bad = tmp_path / "estimates.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AssumptionsError, match=problem):
        load_assumptions(path=bad)
