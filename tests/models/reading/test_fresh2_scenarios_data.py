"""The round-5 blind end-to-end scenarios stay valid, balanced and apart from the earlier ones."""

from __future__ import annotations

from collections import Counter

from models.reading.data import check
from models.vocabulary import LABELS


def test_fresh2_scenarios_are_valid_balanced_and_separate() -> None:
    rows = check.load(name="fresh2_scenarios.jsonl")
    assert Counter(r["kind"] for r in rows) == {"description": 22, "control": 8}
    assert check.scenario_problems(rows=rows) == []
    earlier = check.load(name="scenarios.jsonl") + check.load(name=check.FRESH_SCENARIOS)
    assert check.scenarios_apart(rows=rows, earlier=earlier, name="fresh2") == []
    assert {r["best"] for r in rows if r["kind"] == "description"} == set(LABELS)
    for r in rows:
        if r["kind"] == "description":
            assert r["decisive"] in r["questionnaire"]["description"], r["id"]
