"""The blind sets of rounds 5 to 9 stay valid and apart from every set written before them."""

from __future__ import annotations

from collections import Counter

import pytest

from models.reading.data import check


@pytest.mark.parametrize("index", range(3, 30))  # fresh4 ... fresh30 in check.FRESH_SETS
def test_later_description_sets_are_valid_and_separate(index: int) -> None:
    name = check.FRESH_SETS[index]
    rows = check.load(name=name)
    assert len(rows) == 40
    assert sum(1 for r in rows if not r["labels"]) == 4
    assert {lab["field"] for r in rows for lab in r["labels"]} == set(check.FIELDS)
    bank = check.load(name="sentences.jsonl")
    assert check.description_problems(rows=rows, bank=bank) == []
    earlier = [r for before in ("descriptions.jsonl", *check.FRESH_SETS[:index])
               for r in check.load(name=before)]
    assert check.apart_problems(rows=rows, earlier=earlier, name=name) == []


@pytest.mark.parametrize("index", range(2, 11))  # fresh3 ... fresh11 in check.FRESH_SCENARIO_SETS
def test_later_scenario_sets_are_valid_and_separate(index: int) -> None:
    name = check.FRESH_SCENARIO_SETS[index]
    rows = check.load(name=name)
    assert Counter(r["kind"] for r in rows) == {"description": 22, "control": 8}
    assert check.scenario_problems(rows=rows) == []
    earlier = [r for before in ("scenarios.jsonl", *check.FRESH_SCENARIO_SETS[:index])
               for r in check.load(name=before)]
    assert check.scenarios_apart(rows=rows, earlier=earlier, name=name) == []
    for r in rows:
        if r["kind"] == "description":
            assert r["decisive"] in r["questionnaire"]["description"], r["id"]
