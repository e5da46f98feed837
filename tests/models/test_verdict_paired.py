"""Per-example verdicts: every branch, the boundaries, request validation and settled verdicts."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from models.verdict import (
    Estimate,
    GuardrailPair,
    ScorePair,
    VerdictRequest,
    VerdictResponse,
    decide,
    settled_verdict,
)
from models.verdict.request import MAX_PAIRS, MAX_ROW_ERRORS, Paired

PLAN = {"baseline": 0.70, "success_threshold": 0.77}


def counts(both: int, base_only: int, cand_only: int, neither: int) -> list[dict[str, int]]:
    """Pass/fail pairs for a 2x2 table."""
    return (
        [{"baseline": 1, "candidate": 1}] * both
        + [{"baseline": 1, "candidate": 0}] * base_only
        + [{"baseline": 0, "candidate": 1}] * cand_only
        + [{"baseline": 0, "candidate": 0}] * neither
    )


def guard(both: int, before_only: int, after_only: int, neither: int) -> list[dict[str, int]]:
    return [
        {"before": b["baseline"], "after": b["candidate"]}
        for b in counts(both, before_only, after_only, neither)
    ]


def ask(results: Any, plan: dict[str, Any] | None = None, **extra: Any) -> VerdictResponse:
    body = {"plan": plan or PLAN, "results": results, **extra}
    return decide(request=VerdictRequest.model_validate(body))


SUCCESS = counts(270, 10, 70, 50)  # 0.70 -> 0.85 on 400


def test_success_carries_the_statistics() -> None:
    result = ask(SUCCESS)
    assert result.verdict == "success"
    assert result.candidate_score is not None and result.gain is not None
    assert result.candidate_score.ci_low > 0.77
    assert result.gain.estimate == pytest.approx(0.15) and result.gain.ci_low > 0
    assert result.p_value is not None and result.p_value < 1e-6
    assert result.n_examples == 400 and result.candidate_vs_bar == "above"
    assert result.measured_after == 0.85 and result.cleared_threshold
    assert result.gain_over_baseline == pytest.approx(0.15)
    assert result.more_examples_needed is None
    assert result.method is not None and "Newcombe" in result.method


def test_no_gain_when_the_estimate_is_zero_or_negative() -> None:
    zero = ask(counts(60, 10, 10, 20))
    assert zero.verdict == "no_gain_over_prompting"
    assert zero.gain is not None and zero.gain.estimate == 0.0
    assert "allows a gain up to" in zero.reason
    worse = ask(counts(50, 25, 5, 20))
    assert worse.verdict == "no_gain_over_prompting"
    assert "allows" not in worse.reason


def test_inconclusive_gain_says_about_how_many_more() -> None:
    result = ask(counts(60, 12, 20, 8), plan={"baseline": 0.72, "success_threshold": 0.76})
    assert result.verdict == "inconclusive"
    assert result.gain is not None and result.gain.ci_low < 0 < result.gain.estimate
    more = result.more_examples_needed
    assert more is not None and more > 0
    assert f"about {more} more" in result.reason
    assert f"Score about {more} more" in result.next_step


def test_inconclusive_when_the_score_straddles_the_bar() -> None:
    result = ask(counts(180, 20, 120, 180), plan={"baseline": 0.4, "success_threshold": 0.6})
    # 0.40 -> 0.60 on 500: gain real, score 0.600 sits exactly on the bar
    assert result.candidate_vs_bar == "straddles"
    assert result.verdict == "inconclusive"
    assert result.more_examples_needed is None
    assert "exactly on the bar" in result.reason
    near = ask(counts(180, 20, 120, 180), plan={"baseline": 0.4, "success_threshold": 0.58})
    assert near.verdict == "inconclusive"
    assert near.more_examples_needed is not None
    assert f"about {near.more_examples_needed} more" in near.reason
    assert "whether the score clears the bar of 0.580" in near.reason


def test_improved_short_of_bar_needs_a_real_gain_and_a_score_below() -> None:
    result = ask(counts(180, 20, 120, 180), plan={"baseline": 0.4, "success_threshold": 0.8})
    assert result.verdict == "improved_short_of_bar"
    assert result.candidate_vs_bar == "below"
    assert result.candidate_score is not None and result.candidate_score.ci_high < 0.8


def test_candidate_exactly_at_the_bar_with_no_spread_clears_it() -> None:
    pairs = [{"baseline": 0.6, "candidate": 0.8}] * 10
    result = ask(pairs, plan={"baseline": 0.6, "success_threshold": 0.8})
    assert result.verdict == "success" and result.candidate_vs_bar == "above"


def test_paired_guardrail_breach_needs_confidence() -> None:
    breached = ask(SUCCESS, guardrail_results=guard(270, 90, 10, 30))
    assert breached.verdict == "guardrail_breached"
    assert breached.guardrail_drop_interval is not None
    assert breached.guardrail_drop_interval.ci_low > 0.02
    assert breached.guardrail_drop == pytest.approx(0.2)
    watched = ask(SUCCESS, guardrail_results=guard(150, 10, 4, 36))
    assert watched.verdict == "success"
    assert "Watch the guardrail" in watched.reason
    assert watched.method is not None and "guardrail" in watched.method
    held = ask(SUCCESS, guardrail_results=guard(150, 2, 2, 46))
    assert held.verdict == "success" and "Watch" not in held.reason


def test_single_number_guardrails_and_harmful_confidence_still_apply() -> None:
    assert ask(SUCCESS, guardrail_before=0.8, guardrail_after=0.7).verdict == "guardrail_breached"
    rise = ask(SUCCESS, harmful_confidence_before=0.01, harmful_confidence_after=0.02)
    assert rise.verdict == "guardrail_breached"


def test_guardrail_pairs_work_with_the_single_number_form() -> None:
    body = {"plan": PLAN, "measured_after": 0.9, "guardrail_results": guard(270, 90, 10, 30)}
    result = decide(request=VerdictRequest.model_validate(body))
    assert result.verdict == "guardrail_breached"
    assert result.guardrail_drop_interval is not None


def test_disagreeing_plan_baseline_is_reported_not_used() -> None:
    result = ask(SUCCESS, plan={"baseline": 0.5, "success_threshold": 0.6})
    assert result.verdict == "success"
    assert result.baseline == 0.5
    assert result.measured_baseline is not None and result.measured_baseline.estimate == 0.7
    assert result.gain_over_baseline == pytest.approx(0.15)
    assert "not the plan's 0.500" in result.reason
    agreeing = ask(SUCCESS)
    assert "not the plan's" not in agreeing.reason


def test_results_without_plan_baseline_are_judged_on_the_paired_baseline() -> None:
    result = ask(SUCCESS, plan={"success_threshold": 0.77})
    assert result.verdict == "success" and result.baseline is None
    assert "No plan baseline" in result.reason


def test_measured_after_beside_results_is_checked() -> None:
    assert "differs" not in ask(SUCCESS, measured_after=0.85).reason
    assert "measured_after (0.900) differs" in ask(SUCCESS, measured_after=0.9).reason


def test_single_pair_is_inconclusive_without_nan() -> None:
    result = ask([{"baseline": 0.2, "candidate": 0.9}])
    assert result.verdict == "inconclusive"
    dumped = json.dumps(result.model_dump(), allow_nan=False)
    assert "NaN" not in dumped


@pytest.mark.parametrize(
    ("results", "loc"),
    [
        ([], ("results",)),
        ([{"baseline": 0.5, "candidate": 1.5}], ("results", 0, "candidate")),
        (
            [{"baseline": 1, "candidate": 1}, {"baseline": -0.1, "candidate": 1}],
            ("results", 1, "baseline"),
        ),
        ([{"baseline": 1, "candidate": 1}] * 3 + [{"baseline": 1}], ("results", 3, "candidate")),
        ([{"candidate": 1}], ("results", 0, "baseline")),
        ([{"baseline": "0.5", "candidate": 1}], ("results", 0, "baseline")),
        ([{"baseline": True, "candidate": 1}], ("results", 0, "baseline")),
        ([{"baseline": None, "candidate": 1}], ("results", 0, "baseline")),
        ([{"baseline": float("nan"), "candidate": 1}], ("results", 0, "baseline")),
        ([{"baseline": 1, "candidate": 1, "id": 7}], ("results", 0, "id")),
        ([[1, 0]], ("results", 0)),
        ("1,0", ("results",)),
    ],
)
def test_bad_results_name_the_row(results: Any, loc: tuple[Any, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        VerdictRequest.model_validate({"plan": PLAN, "results": results})
    assert loc in [error["loc"] for error in caught.value.errors()]


def test_bad_guardrail_pairs_name_the_row() -> None:
    pairs = [{"before": 1, "after": 1}, {"before": 1}]
    with pytest.raises(ValidationError) as caught:
        VerdictRequest.model_validate(
            {"plan": PLAN, "results": SUCCESS, "guardrail_results": pairs}
        )
    assert caught.value.errors()[0]["loc"] == ("guardrail_results", 1, "after")


def test_size_limit_is_exactly_one_hundred_thousand_pairs() -> None:
    pairs = [{"baseline": 0, "candidate": 1}] * MAX_PAIRS
    request = VerdictRequest.model_validate({"plan": PLAN, "results": pairs})
    assert request.results is not None and len(request.results.first) == MAX_PAIRS
    with pytest.raises(ValidationError, match="between 1 and 100000 pairs"):
        VerdictRequest.model_validate({"plan": PLAN, "results": [*pairs, pairs[0]]})


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"plan": PLAN}, "give measured_after"),
        ({"plan": PLAN, "results": SUCCESS, "guardrail_before": 0.9, "guardrail_after": 0.9,
          "guardrail_results": guard(1, 0, 0, 0)}, "not both"),
    ],
)
def test_inconsistent_requests_are_rejected(body: dict[str, Any], needle: str) -> None:
    with pytest.raises(ValidationError, match=needle):
        VerdictRequest.model_validate(body)


def test_in_process_columns_are_checked_and_requests_round_trip() -> None:
    columns = Paired(first=np.array([0.0, 1.0]), second=np.array([1.0, 1.0]))
    request = VerdictRequest(plan=PLAN, results=columns)  # type: ignore[arg-type]
    again = VerdictRequest.model_validate_json(request.model_dump_json())
    assert again.results is not None
    assert again.results.second.tolist() == [1.0, 1.0]
    bad = Paired(first=np.array([0.0, 2.0]), second=np.array([1.0, 1.0]))
    with pytest.raises(ValidationError) as caught:
        VerdictRequest(plan=PLAN, results=bad)  # type: ignore[arg-type]
    assert caught.value.errors()[0]["loc"] == ("results", 1, "baseline")


def test_schema_describes_the_pairs() -> None:
    schema = VerdictRequest.model_json_schema()
    results = schema["properties"]["results"]["anyOf"][0]
    assert results["type"] == "array"
    pair = schema["$defs"][results["items"]["$ref"].rsplit("/", 1)[-1]]
    assert set(pair["required"]) == {"baseline", "candidate"}


def test_examples_in_schemas_validate() -> None:
    for example in VerdictRequest.model_config["json_schema_extra"]["examples"]:  # type: ignore[index]
        decide(request=VerdictRequest.model_validate(example))
    for example in VerdictResponse.model_config["json_schema_extra"]["examples"]:  # type: ignore[index]
        VerdictResponse.model_validate(example)
    for model in (ScorePair, GuardrailPair, Estimate):
        for example in model.model_config["json_schema_extra"]["examples"]:  # type: ignore[index]
            model.model_validate(example)


def test_only_settled_verdicts_teach() -> None:
    settled = ask(SUCCESS).model_dump(mode="json")
    assert settled_verdict(document=settled) == "success"
    unsettled = ask(counts(60, 12, 20, 8)).model_dump(mode="json")
    assert unsettled["verdict"] == "inconclusive"
    assert settled_verdict(document=unsettled) is None
    unmeasured = decide(request=VerdictRequest.model_validate(
        {"plan": {"success_threshold": 0.8}, "measured_after": 0.9})).model_dump(mode="json")
    assert settled_verdict(document=unmeasured) is None
    assert settled_verdict(document={"verdict": "success"}) is None


def test_reason_numbers_match_the_fields() -> None:
    result = ask(counts(60, 12, 20, 8), plan={"baseline": 0.72, "success_threshold": 0.76})
    assert result.gain is not None and result.p_value is not None
    assert f"{result.gain.ci_low:+.3f}" in result.reason
    assert re.search(r"p = 0\.10\d", result.reason)


def test_many_bad_rows_are_reported_by_index_and_capped() -> None:
    pairs: list[Any] = [{"baseline": 1, "candidate": 1}] * 1000
    pairs[5] = {"baseline": 2, "candidate": "x"}
    pairs[7] = {"baseline": 1}
    pairs[900] = {"baseline": 0.5, "candidate": -1}
    with pytest.raises(ValidationError) as caught:
        VerdictRequest.model_validate({"plan": PLAN, "results": pairs})
    locs = [error["loc"] for error in caught.value.errors()]
    assert locs == [("results", 5, "baseline"), ("results", 5, "candidate"),
                    ("results", 7, "candidate"), ("results", 900, "candidate")]
    everything_wrong = [{"baseline": "x", "candidate": 1}] * 5000
    with pytest.raises(ValidationError) as caught:
        VerdictRequest.model_validate({"plan": PLAN, "results": everything_wrong})
    assert len(caught.value.errors()) == MAX_ROW_ERRORS


def test_integers_beyond_float_range_are_a_row_error() -> None:
    pairs = [{"baseline": 1, "candidate": 1}, {"baseline": 10**400, "candidate": 1}]
    with pytest.raises(ValidationError) as caught:
        VerdictRequest.model_validate({"plan": PLAN, "results": pairs})
    assert caught.value.errors()[0]["loc"] == ("results", 1, "baseline")
