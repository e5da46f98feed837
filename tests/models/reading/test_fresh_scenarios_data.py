"""The fresh end-to-end scenarios (written blind in round 4) stay valid and apart."""

from __future__ import annotations

from collections import Counter

from models.reading.data import check
from models.vocabulary import USES_FINE_TUNING


def test_fresh_scenarios_are_valid_balanced_and_separate() -> None:
    rows = check.load(name=check.FRESH_SCENARIOS)
    assert Counter(r["kind"] for r in rows) == {"description": 30, "control": 10}
    assert check.scenario_problems(rows=rows) == []
    earlier = check.load(name="scenarios.jsonl")
    assert check.scenarios_apart(rows=rows, earlier=earlier, name="fresh") == []
    assert {r["best"] for r in rows if r["kind"] == "description"} == {
        "prompt_engineering", "rag", "fine_tuning", "rag_and_fine_tuning"}
    for r in rows:
        words = len((r["questionnaire"].get("description") or "").split())
        assert r["kind"] == "control" or 30 <= words <= 120, r["id"]


def test_no_owner_in_the_text_never_accepts_a_tuned_model() -> None:
    rows = check.load(name=check.FRESH_SCENARIOS)
    no_owner = [r for r in rows if "nobody can own retraining" in r["rationale"].lower()]
    assert len(no_owner) >= 5
    assert all(not set(r["accept"]) & set(USES_FINE_TUNING) for r in no_owner)


def test_a_copied_scenario_and_a_bad_citation_are_caught() -> None:
    rows = check.load(name=check.FRESH_SCENARIOS)
    copied = [{**rows[0], "id": "zzz"}, {**rows[1], "rationale": "see the seeds"}]
    found = check.scenarios_apart(rows=copied, earlier=rows[:1], name="fresh")
    assert found == ["fresh: zzz repeats an earlier scenario's id or description"]
    expected = f"{rows[1]['id']}: rationale cites no seed section"
    assert check.scenario_problems(rows=copied) == [expected]
