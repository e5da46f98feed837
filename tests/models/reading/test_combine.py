"""How cues and the classifier settle a field: firm cues decide, topic cues need agreement."""

from __future__ import annotations

import numpy as np
import pytest

from models.reading.combine import AGREE, VETO, firm_cue, firm_cues, unit_of, vetoed
from models.reading.cueing import FIRM, HINT, NAMED
from models.reading.evidence import Candidate
from models.reading.reader import Reader
from models.reading.text import units


def reading(reader: Reader, text: str, field: str) -> tuple[object, str, bool] | None:
    found = [r for r in reader.read(text=text) if r.field == field]
    return (found[0].value, found[0].evidence, found[0].specific) if found else None


@pytest.mark.parametrize(("text", "field", "value", "quoted"), [
    ("Honestly it's just me looking after it, next to my day job.", "mlops_capacity",
     "limited", "just me"),
    ("Once the agency rolls off nobody here could maintain a model.", "mlops_capacity", "none",
     "nobody"),
    ("The menu is rewritten every Thursday.", "knowledge_freshness", "weekly",
     "every Thursday"),
    ("It must emit JSON that our billing system imports.", "output_strictness",
     "strict_schema", "JSON"),
    ("We keep a 250-question test set and score every prompt change on it.",
     "success_metric_defined", True, "test set"),
])
def test_a_firm_cue_is_read_and_quoted(reader: Reader, text: str, field: str, value: object,
                                       quoted: str) -> None:
    got = reading(reader, text, field)
    assert got is not None, reader.read(text=text)
    assert got[0] == value and quoted in got[1] and got[1] in text and got[2]


@pytest.mark.parametrize(("text", "value"), [
    ("To answer, it has to read the customer's own order history.", True),
    ("No customer data is involved; it only sees the text pasted in.", False),
])
def test_negation_turns_a_private_source_around(reader: Reader, text: str, value: bool) -> None:
    got = reading(reader, text, "needs_private_context")
    assert got is not None and got[0] is value


def test_organisation_facts_read_as_nothing(reader: Reader) -> None:
    text = "Our bank was founded in 1892 and our general counsel joined the kick-off."
    assert reading(reader, text, "risk_domain") is None


def candidate(field: str, value: str, weight: float, start: int) -> Candidate:
    return Candidate(field, value, weight, start, start + 4, 0)


def test_the_firmest_cue_wins_then_the_most_restrictive() -> None:
    found = [candidate("mlops_capacity", "dedicated", FIRM, 0),
             candidate("mlops_capacity", "limited", FIRM, 10),
             candidate("mlops_capacity", "none", HINT, 20)]
    chosen = firm_cue(field="mlops_capacity", found=found)
    assert chosen is not None and chosen.value == "limited"
    assert firm_cue(field="mlops_capacity", found=found[2:]) is None


def test_the_classifier_vetoes_only_when_sure_of_another_value() -> None:
    classes = ("none", "general", "health")
    sure_other = np.array([[0.0, VETO + 0.05, 0.05]])
    unsure = np.array([[0.5, 0.3, 0.2]])
    assert vetoed(field="output_strictness", probs=sure_other, classes=classes, index=0,
                  value="health")
    assert not vetoed(field="output_strictness", probs=unsure, classes=classes, index=0,
                      value="health")
    low = np.array([[0.9, 0.1 - AGREE / 2, AGREE / 2]])
    assert vetoed(field="risk_domain", probs=low, classes=classes, index=0, value="health")
    assert not vetoed(field="output_strictness", probs=low, classes=classes, index=0,
                      value="health")
    # a cue that names the fact needs no agreement, but the classifier's veto still holds
    assert not vetoed(field="risk_domain", probs=low, classes=classes, index=0, value="health",
                      weight=NAMED)
    assert vetoed(field="risk_domain", probs=sure_other, classes=classes, index=0,
                  value="health", weight=NAMED)


def test_naming_the_fact_does_not_outrank_a_firm_cue_for_another_value() -> None:
    found = [candidate("task_narrowness", "narrow", NAMED, 0),
             candidate("task_narrowness", "moderate", FIRM, 10)]
    chosen = firm_cue(field="task_narrowness", found=found)
    assert chosen is not None and chosen.value == "moderate"


@pytest.mark.parametrize(("text", "value", "quoted"), [
    ("The helper puts each expense claim into one of 12 cost centres.", "narrow",
     "one of 12 cost centres"),
    ("Colleagues can ask it any question they have about the office.", "broad",
     "any question"),
])
def test_a_cue_naming_the_task_is_read_without_agreement(reader: Reader, text: str, value: str,
                                                        quoted: str) -> None:
    got = reading(reader, text, "task_narrowness")
    assert got is not None and got[0] == value and quoted in got[1]


@pytest.mark.parametrize("text", [
    "Our classification team sits on the third floor.",
    "This is not a general-purpose assistant.",
    "It should not give a yes/no answer on eligibility.",
    "Analysts read the digest to decide whether to call the supplier.",
    "We want to turn our recipe archive into a cooking assistant.",
])
def test_a_task_topic_word_or_a_negated_cue_reads_nothing(reader: Reader, text: str) -> None:
    assert reading(reader, text, "task_narrowness") is None


def test_the_quote_is_the_narrowest_unit_holding_the_cue() -> None:
    text = "We sell bikes, and prices change every Monday; nobody owns infra."
    pieces = units(text=text)
    start = text.index("every Monday")
    chosen = pieces[unit_of(pieces=pieces, start=start, end=start + 12)]
    assert "every Monday" in chosen.text and "nobody" not in chosen.text


@pytest.mark.parametrize(("text", "value"), [
    ("Last month the bot made up delivery dates for two customers.", "knowledge"),
    ("The JSON output keeps breaking in production.", "format"),
    ("It hands out vouchers in cases where our terms only allow a repair.", "policy"),
    ("It keeps mixing up the steps when a return needs two approvals.", "reasoning"),
])
def test_a_named_complaint_is_read_as_the_gap(reader: Reader, text: str, value: str) -> None:
    got = reading(reader, text, "primary_gap")
    assert got is not None and got[0] == value


@pytest.mark.parametrize("text", [
    "Our gateway rejects malformed requests.",
    "Officers check each loan against our lending criteria.",
    "People wait in the app for the reply, a few seconds is fine, ten is too long.",
])
def test_a_requirement_or_a_check_is_no_gap(reader: Reader, text: str) -> None:
    assert reading(reader, text, "primary_gap") is None


def test_a_vetoed_cue_gives_way_to_the_next_firm_one() -> None:
    found = [candidate("task_narrowness", "moderate", FIRM, 0),
             candidate("task_narrowness", "narrow", FIRM, 10),
             candidate("task_narrowness", "narrow", NAMED, 20)]
    ranked = firm_cues(field="task_narrowness", found=found)
    assert [(c.value, c.weight) for c in ranked] == [("moderate", FIRM), ("narrow", NAMED),
                                                     ("narrow", FIRM)]


def test_a_sentence_keeps_the_named_fact_behind_a_topic_list(reader: Reader) -> None:
    text = ("We'd like a helper that suggests a resale price based on brand, condition "
            "and age.")
    got = reading(reader, text, "task_narrowness")
    assert got is not None and got[0] == "narrow"
