"""Round 6 blind end-to-end scenarios (measured once at its end) stay valid and apart."""

from __future__ import annotations

from collections import Counter

from models.reading.data import check


def test_fresh4_scenarios_are_valid_and_separate() -> None:
    rows = check.load(name="fresh4_scenarios.jsonl")
    assert Counter(r["kind"] for r in rows) == {"description": 22, "control": 8}
    assert check.scenario_problems(rows=rows) == []
    earlier = [r for name in ("scenarios.jsonl", *check.FRESH_SCENARIO_SETS[:3])
               for r in check.load(name=name)]
    assert check.scenarios_apart(rows=rows, earlier=earlier, name="fresh4") == []
    for r in rows:
        if r["kind"] == "description":
            assert r["decisive"] in r["questionnaire"]["description"], r["id"]
