"""The third fresh evaluation set (written blind) stays valid and apart from every other set."""

from __future__ import annotations

from models.reading.data import check


def test_fresh3_descriptions_are_valid_and_separate() -> None:
    rows = check.load(name="fresh3_descriptions.jsonl")
    assert len(rows) == 40
    assert sum(1 for r in rows if not r["labels"]) == 4
    bank = check.load(name="sentences.jsonl")
    assert check.description_problems(rows=rows, bank=bank) == []
    earlier = [r for name in ("descriptions.jsonl", "fresh_descriptions.jsonl",
                              "fresh2_descriptions.jsonl") for r in check.load(name=name)]
    assert check.apart_problems(rows=rows, earlier=earlier, name="fresh3") == []


def test_a_later_set_repeating_an_earlier_text_or_id_is_caught() -> None:
    rows = check.load(name="fresh3_descriptions.jsonl")
    copied = [{**rows[1], "id": "zzz"}]
    found = check.apart_problems(rows=[rows[0], *copied], earlier=rows[1:2], name="fresh3")
    assert found == ["fresh3: zzz repeats an earlier set's text or id"]
