"""The hand-labelled reading data stays valid, balanced and separated, and the validator bites."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from models.reading.data import check


@pytest.fixture(scope="module")
def sets() -> dict[str, list[dict[str, Any]]]:
    """The three committed sets."""
    names = ("sentences", "descriptions", "scenarios")
    return {n: check.load(name=f"{n}.jsonl") for n in names}


def test_committed_data_has_no_problems() -> None:
    problems, _ = check.all_problems()
    assert problems == []


def test_sentence_bank_size_balance_and_split(sets: dict[str, list[dict[str, Any]]]) -> None:
    rows = sets["sentences"]
    assert len(rows) >= 1300
    assert sum(1 for r in rows if not r["labels"]) >= 0.2 * len(rows)
    fields = {lab["field"] for r in rows for lab in r["labels"]}
    assert fields == set(check.FIELDS)
    for field in check.FIELDS:
        per_split = Counter(r["split"] for r in rows if any(
            lab["field"] == field for lab in r["labels"]))
        share = per_split["holdout"] / (per_split["holdout"] + per_split["train"])
        assert 0.15 <= share <= 0.4, (field, per_split)


def test_descriptions_and_scenarios_cover_the_brief(sets: dict[str, list[dict[str, Any]]]) -> None:
    descriptions, scenarios = sets["descriptions"], sets["scenarios"]
    assert len(descriptions) >= 170
    assert sum(1 for r in descriptions if r["conflicts"]) >= 45
    assert sum(1 for r in descriptions if len(r["labels"]) <= 1) >= 30
    kinds = Counter(r["kind"] for r in scenarios)
    assert kinds["description"] >= 50 and kinds["control"] == 20


def test_validator_rejects_a_span_that_is_not_in_the_text() -> None:
    labels = [{"field": "requests_per_day", "value": 3000, "span": "3k a day"}]
    problems = check.label_problems(where="x", text="about 3,000 a day", labels=labels)
    assert any("not a substring" in p for p in problems)


@pytest.mark.parametrize(("field", "value"), [
    ("risk_domain", "medical"), ("requests_per_day", 12.5), ("prompt_baseline_score", 71),
    ("knowledge_size_tokens", -1), ("needs_private_context", "yes"), ("project_name", "x"),
])
def test_validator_rejects_invalid_values(field: str, value: object) -> None:
    assert check.value_problem(field=field, value=value) is not None


def test_numbers_agree_within_a_factor_of_two() -> None:
    assert check.agrees(field="requests_per_day", said=3000, read=5000)
    assert not check.agrees(field="requests_per_day", said=500000, read=6)
    assert not check.agrees(field="labeled_examples", said=50, read=0)
    assert check.agrees(field="risk_domain", said="health", read="health")


def test_conflicts_must_match_firm_disagreements() -> None:
    row = {"id": "d", "answers": {"mlops_capacity": "dedicated", "requests_per_day": 100},
           "labels": [{"field": "mlops_capacity", "value": "limited", "span": "me"},
                      {"field": "requests_per_day", "value": 5, "span": "5", "hedged": True}],
           "conflicts": []}
    assert check.conflict_problems(row=row)
    assert check.conflict_problems(row={**row, "conflicts": ["mlops_capacity"]}) == []


def test_near_copies_between_holdout_and_train_are_found() -> None:
    rows = [{"id": "a", "text": "we get about 3k tickets a day", "split": "train"},
            {"id": "b", "text": "We get about 3k tickets a day!", "split": "holdout"},
            {"id": "c", "text": "the handbook is sixty pages", "split": "holdout"}]
    found = check.near_copies(rows=rows)
    assert len(found) == 1 and found[0].startswith("b:")


def test_rationales_must_cite_existing_seed_sections() -> None:
    assert check.citation_problems(where="s", rationale="no citation here")
    bad = "x (003_12c0c7f61fca504c.txt § 11. Not A Section)"
    assert check.citation_problems(where="s", rationale=bad)
    good = "x (003_12c0c7f61fca504c.txt § 7. Skipping Prompt Engineering Too Early)"
    assert check.citation_problems(where="s", rationale=good) == []
