"""The independent check set: scenarios whose verdicts were written before the statistics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.verdict import VerdictRequest, decide

CASES = json.loads((Path(__file__).parent / "data" / "verdict_cases.json").read_text())["cases"]
RESULT_CELLS = {"both_pass": (1, 1), "baseline_only": (1, 0), "candidate_only": (0, 1),
                "both_fail": (0, 0)}
GUARDRAIL_CELLS = {"both_pass": (1, 1), "before_only": (1, 0), "after_only": (0, 1),
                   "both_fail": (0, 0)}


def expand(counts: dict[str, int], cells: dict[str, tuple[int, int]],
           keys: tuple[str, str]) -> list[dict[str, int]]:
    pairs = []
    for cell, count in counts.items():
        first, second = cells[cell]
        pairs += [{keys[0]: first, keys[1]: second}] * count
    return pairs


def body_of(case: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"plan": case["plan"]}
    if "measured_after" in case:
        body["measured_after"] = case["measured_after"]
    if "results_counts" in case:
        body["results"] = expand(case["results_counts"], RESULT_CELLS, ("baseline", "candidate"))
    if "results" in case:
        columns = case["results"]
        body["results"] = [{"baseline": b, "candidate": c}
                           for b, c in zip(columns["baseline"], columns["candidate"], strict=True)]
    if "guardrail_counts" in case:
        body["guardrail_results"] = expand(case["guardrail_counts"], GUARDRAIL_CELLS,
                                           ("before", "after"))
    if "guardrail_results" in case:
        columns = case["guardrail_results"]
        body["guardrail_results"] = [
            {"before": b, "after": a}
            for b, a in zip(columns["before"], columns["after"], strict=True)
        ]
    return body


def test_the_check_set_covers_every_verdict() -> None:
    seen = {case["expect"]["verdict"] for case in CASES}
    assert seen == {"success", "improved_short_of_bar", "no_gain_over_prompting",
                    "guardrail_breached", "baseline_unmeasured", "inconclusive"}
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_scenario(case: dict[str, Any]) -> None:
    result = decide(request=VerdictRequest.model_validate(body_of(case)))
    expect = case["expect"]
    assert result.verdict == expect["verdict"], result.reason
    if "p_below_0_05" in expect:
        assert result.p_value is not None
        assert (result.p_value < 0.05) is expect["p_below_0_05"], result.p_value
    if "method_contains" in expect:
        assert expect["method_contains"] in (result.method or "")
    if "reason_contains" in expect:
        assert expect["reason_contains"] in result.reason
    if result.verdict == "inconclusive":
        assert "more" in result.reason
