"""The second fresh evaluation set stays valid and apart from every other reading set."""

from __future__ import annotations

from models.reading.data import check


def test_fresh2_descriptions_are_valid_and_separate() -> None:
    rows = check.load(name="fresh2_descriptions.jsonl")
    assert len(rows) == 30
    bank = check.load(name="sentences.jsonl")
    assert check.description_problems(rows=rows, bank=bank) == []
    others = {r["text"] for name in ("descriptions.jsonl", "fresh_descriptions.jsonl")
              for r in check.load(name=name)}
    assert not others & {r["text"] for r in rows}
    assert {r["id"] for r in rows}.isdisjoint(
        {r["id"] for r in check.load(name="fresh_descriptions.jsonl")})
