"""Estimates: the shipped assumptions validate, broken files fail clearly, costs follow volume."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from models.estimates import (
    DEFAULT_PATH,
    Assumptions,
    AssumptionsError,
    Estimates,
    estimate,
    load_assumptions,
)
from models.questionnaire import Questionnaire
from models.vocabulary import Recommendation
from tests.support import questionnaire

SHIPPED: dict[str, Any] = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def make(requests_per_day: int, **answers: object) -> Questionnaire:
    return questionnaire(requests_per_day=requests_per_day, mlops_capacity="limited", **answers)


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "estimates.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> Assumptions:
    return load_assumptions()


def by_approach(result: Estimates) -> dict[Recommendation, Any]:
    return {row.approach: row for row in result.approaches}


def test_shipped_file_validates(shipped: Assumptions) -> None:
    assert shipped.version == SHIPPED["version"]
    assert shipped.as_of == SHIPPED["as_of"]


def test_explicit_path_overrides_default(tmp_path: Path) -> None:
    data = copy.deepcopy(SHIPPED)
    data["version"] = "deployment-7"
    assert load_assumptions(path=write(tmp_path, data)).version == "deployment-7"


def set_at(data: dict[str, Any], dotted: str, value: object) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[key]
    if value is KeyError:
        del data[last]
    else:
        data[last] = value


@pytest.mark.parametrize(
    ("dotted", "value", "needle"),
    [
        ("assumptions.retrieval.latency_ms.value", -5, "assumptions.retrieval.latency_ms.value"),
        ("assumptions.fine_tuning.retraining_cost_per_run", KeyError, "retraining_cost_per_run"),
        ("assumptions.tokens_per_request.rag.input.value", "many", "rag.input.value"),
        ("assumptions.model_tier_per_approach.rag.value", "huge_model", "'huge_model'"),
        ("assumptions.price_per_1m_tokens.large_general_model.input.unit", "USD per 1K tokens",
         "per 1M"),
        ("assumptions.added_latency_ms.rag.unit", "seconds", "millisecond"),
        ("as_of", "November 2026", "as_of"),
        ("currency", "EUR", "currency"),
        ("surprise", 1, "surprise"),
    ],
)
def test_broken_file_is_rejected_naming_the_problem(
    tmp_path: Path, dotted: str, value: object, needle: str
) -> None:
    data = copy.deepcopy(SHIPPED)
    set_at(data, dotted, value)
    with pytest.raises(AssumptionsError, match="is invalid") as info:
        load_assumptions(path=write(tmp_path, data))
    assert needle in str(info.value)


def test_nan_value_is_rejected(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8").replace('"value": 150,', '"value": NaN,', 1)
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssumptionsError, match="finite"):
        load_assumptions(path=path)


def test_missing_and_malformed_files_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(AssumptionsError, match="does not exist"):
        load_assumptions(path=tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": "1",\n  oops}', encoding="utf-8")
    with pytest.raises(AssumptionsError, match=r"not valid JSON.*line 2"):
        load_assumptions(path=bad)


def test_labelled_as_estimates_with_version_and_source(shipped: Assumptions) -> None:
    result = estimate(questionnaire=make(1000), assumptions=shipped)
    dumped = result.model_dump(mode="json")
    assert dumped["label"] == "estimate"
    assert dumped["assumptions_version"] == shipped.version and dumped["as_of"] == shipped.as_of
    assert dumped["disclaimer"] == shipped.disclaimer
    assert "9. Forgetting Cost" in dumped["source"]
    assert [row["approach"] for row in dumped["approaches"]] == [r.value for r in Recommendation]
    assert all(" x " in row["formula"] and "USD" in row["formula"] for row in dumped["approaches"])
    Estimates.model_validate(Estimates.model_config["json_schema_extra"]["examples"][0])  # type: ignore[index]


def test_costs_scale_with_volume(shipped: Assumptions) -> None:
    low = by_approach(estimate(questionnaire=make(1_000), assumptions=shipped))
    high = by_approach(estimate(questionnaire=make(100_000), assumptions=shipped))
    for approach in Recommendation:
        assert high[approach].variable_monthly_usd == pytest.approx(
            100 * low[approach].variable_monthly_usd, rel=1e-3)
        assert high[approach].fixed_monthly_usd == low[approach].fixed_monthly_usd
        assert high[approach].monthly_cost_usd > low[approach].monthly_cost_usd


def test_matches_the_documented_formula(shipped: Assumptions) -> None:
    table = SHIPPED["assumptions"]
    rows = by_approach(estimate(questionnaire=make(10_000), assumptions=shipped))
    for approach in Recommendation:
        tier = table["model_tier_per_approach"][approach.value]["value"]
        tokens = table["tokens_per_request"][approach.value]
        price = table["price_per_1m_tokens"][tier]
        variable = 10_000 * 30 * (tokens["input"]["value"] * price["input"]["value"]
                                  + tokens["output"]["value"] * price["output"]["value"]) / 1e6
        fixed = 0.0
        if "rag" in approach.value:
            fixed += table["retrieval"]["vector_db_monthly_cost"]["value"]
        if "fine_tuning" in approach.value:
            ft = table["fine_tuning"]
            runs, cost = ft["retraining_runs_per_month"], ft["retraining_cost_per_run"]
            fixed += runs["value"] * cost["value"]
        row = rows[approach]
        assert row.variable_monthly_usd == pytest.approx(variable, abs=0.01)
        assert row.fixed_monthly_usd == pytest.approx(fixed)
        assert row.monthly_cost_usd == pytest.approx(variable + fixed, rel=0.05)
        assert row.added_latency_ms == table["added_latency_ms"][approach.value]["value"]
        assert (row.one_off_usd > 0) is ("fine_tuning" in approach.value)


def test_fixed_costs_dominate_at_low_volume(shipped: Assumptions) -> None:
    low = estimate(questionnaire=make(100), assumptions=shipped)
    high = estimate(questionnaire=make(100_000), assumptions=shipped)
    assert low.cheapest_monthly is Recommendation.prompt_engineering
    assert high.cheapest_monthly is Recommendation.fine_tuning


def test_zero_volume_and_order_of_magnitude(shipped: Assumptions) -> None:
    rows = by_approach(estimate(questionnaire=make(0), assumptions=shipped))
    assert rows[Recommendation.prompt_engineering].monthly_cost_usd == 0.0
    assert rows[Recommendation.prompt_engineering].order_of_magnitude == "under $1 per month"
    big = by_approach(estimate(questionnaire=make(10_000), assumptions=shipped))
    assert big[Recommendation.prompt_engineering].order_of_magnitude == "$1k-$10k per month"


def test_latency_budget_is_compared_with_the_total(shipped: Assumptions) -> None:
    rows = by_approach(estimate(questionnaire=make(10, latency_budget_ms=400),
                                assumptions=shipped))
    tiers = shipped.assumptions.base_latency_ms
    for row in rows.values():
        assert row.base_latency_ms == tiers[row.model_tier].value > 0
        assert row.total_latency_ms == row.base_latency_ms + row.added_latency_ms
        assert row.within_latency_budget is (row.total_latency_ms <= 400)
    unknown = estimate(questionnaire=make(10), assumptions=shipped)
    assert all(row.within_latency_budget is None for row in unknown.approaches)


def test_nothing_is_within_a_budget_no_call_can_meet(shipped: Assumptions) -> None:
    rows = estimate(questionnaire=make(10, latency_budget_ms=1), assumptions=shipped)
    assert rows.latency_budget_ms == 1
    assert not any(row.within_latency_budget for row in rows.approaches)


def test_a_tier_without_a_base_latency_is_refused(tmp_path: Path) -> None:
    broken = copy.deepcopy(SHIPPED)
    del broken["assumptions"]["base_latency_ms"]["small_fine_tuned_model"]
    path = tmp_path / "estimates.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(AssumptionsError, match="base_latency_ms does not define"):
        load_assumptions(path=path)
