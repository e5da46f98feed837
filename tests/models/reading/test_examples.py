"""Counts of existing examples named by past work, on sentences written for these tests."""

from __future__ import annotations

import pytest

from models.reading.examples import example_counts
from models.reading.quantities import quantities
from models.reading.reader import Reader


def counted(text: str) -> list[float]:
    return [q.value for q in example_counts(text=text, found=quantities(text=text))]


@pytest.mark.parametrize(("text", "value"), [
    ("Our coders have 12k call notes already coded against the scheme.", 12_000),
    ("There are 4,500 past claims with the adjuster's final decision.", 4_500),
    ("Reviewers checked roughly 2k contracts last year.", 2_000),
    ("We kept 600 summaries that the editors rewrote by hand.", 600),
    ("About 30k product titles were translated by our agency.", 30_000),
    ("Legal wrote about 800 such memos over the years.", 800),
    ("Our two clerks labelled ~700 last month.", 700),
    ("The subeditors rewrote ~5k captions to the guide.", 5_000),
    ("The historical rulings are all there (around 9k).", 9_000),
    ("We hold 25k human decisions from last year.", 25_000),
    ("There are 1,200 leases that our paralegals have already abstracted.", 1_200),
    ("We hold 700 question-answer pairs from the old FAQ.", 700),
    ("There are 12,000 adjudicated claims in the archive.", 12_000),
])
def test_past_work_names_the_examples(text: str, value: float) -> None:
    assert counted(text) == [value]


@pytest.mark.parametrize("text", [
    "We have 50k unlabelled emails sitting in a bucket.",
    "Two analysts reviewed the pilot.",
    "The model scores 0.8 on 1k labelled receipts.",
    "We get 3,000 tickets a day, all answered by agents.",
    "It maps notes to one of 40 codes.",
    "We replaced 3 old systems last year.",
    "We labelled 300 people last month.",
])
def test_counts_that_are_not_examples_are_left(text: str) -> None:
    assert counted(text) == []


def test_the_reader_reads_named_examples_firmly(reader: Reader) -> None:
    text = "Support has 9k past tickets with the agent's final reply. Traffic is modest."
    found = [r for r in reader.read(text=text) if r.field == "labeled_examples"]
    assert [r.value for r in found] == [9_000]
    assert found[0].evidence in text and "past tickets" in found[0].evidence


def test_material_named_as_unlabelled_gives_no_count(reader: Reader) -> None:
    text = "The vendor gave us 300 sample conversations, none of them labelled."
    assert [r for r in reader.read(text=text) if r.field == "labeled_examples"] == []


def test_no_examples_with_a_hyphenated_kind_is_zero(reader: Reader) -> None:
    text = "We have no hand-written examples at all."
    assert [r.value for r in reader.read(text=text) if r.field == "labeled_examples"] == [0]
