"""The sixth fresh evaluation set (written blind in round 6, measured once) stays valid."""

from __future__ import annotations

from models.reading.data import check


def test_fresh6_descriptions_are_valid_and_separate() -> None:
    rows = check.load(name="fresh6_descriptions.jsonl")
    assert len(rows) == 40
    assert sum(1 for r in rows if not r["labels"]) == 4
    assert {lab["field"] for r in rows for lab in r["labels"]} == set(check.FIELDS)
    bank = check.load(name="sentences.jsonl")
    assert check.description_problems(rows=rows, bank=bank) == []
    earlier = [r for name in ("descriptions.jsonl", *check.FRESH_SETS[:5])
               for r in check.load(name=name)]
    assert check.apart_problems(rows=rows, earlier=earlier, name="fresh6") == []
