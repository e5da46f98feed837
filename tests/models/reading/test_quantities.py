"""Numbers in the forms teams write them, converted to the questionnaire's units."""

from __future__ import annotations

import pytest

from models.reading.numbers import parse_number
from models.reading.quantities import quantities
from models.reading.values import pick_quantity, to_value


@pytest.mark.parametrize(("text", "value"), [
    ("3k", 3000), ("3,000", 3000), ("200k", 200_000), ("1.2M", 1_200_000),
    ("half a million", 500_000), ("2-3k", 2500), ("three to five", 4), ("a few dozen", 36),
    ("a couple hundred", 200), ("a few hundred", 300), ("twenty thousand", 20_000),
    ("0.79", 0.79), ("twice", 2), ("2.4 million", 2_400_000),
    ("20.000", 20_000), ("12 000", 12_000), ("1.200.000", 1_200_000), ("0.750", 0.75),
    ("15 thousands", 15_000),
    ("2.50", 2.5),
])
def test_written_numbers(text: str, value: float) -> None:
    assert parse_number(text=text) == pytest.approx(value)


@pytest.mark.parametrize(("field", "text", "value"), [
    ("requests_per_day", "we see ~3k/day on weekdays", 3000),
    ("requests_per_day", "about 3,000 a day", 3000),
    ("requests_per_day", "200k tickets a month", 6667),
    ("requests_per_day", "1.2M/mo at peak", 40_000),
    ("requests_per_day", "half a million calls daily", 500_000),
    ("requests_per_day", "three people use it a couple of times a day", 6),
    ("requests_per_day", "two analysts use it ten times a day each", 20),
    ("requests_per_day", "100 reps x 40 emails a day", 4000),
    ("requests_per_day", "around 1,000 emails per hour", 24_000),
    ("requests_per_day", "shoppers ask it ~20k times a day", 20_000),
    ("requests_per_day", "Daily volume is approx 25,000 summaries.", 25_000),
    ("requests_per_day", "~900 clients, one statement each per month", 30),
    ("requests_per_day", "monthly traffic: ~1.2M sessions", 40_000),
    ("requests_per_day", "12 SDRs, each sends maybe 40/day", 480),
    ("requests_per_day", "~15 analysts, each would ask it maybe 10x a day", 150),
    ("requests_per_day", "four archivists who each open it three times a day", 12),
    ("requests_per_day", "30 nurses, ~5 lookups/hr each across a 12-hour shift", 1800),
    ("requests_per_day", "about 70 staff asking it twice a day", 140),
    ("requests_per_day", "it gets triggered about 36 times a year", 1),
    ("requests_per_day", "roughly 600 questions in the day", 600),
    ("requests_per_day", "about 3 thousand chats in a day", 3000),
    ("labeled_examples", "we have 5k labelled pairs", 5000),
    ("labeled_examples", "we don't have labels yet", 0),
    ("labeled_examples", "No labelled data exists for this task", 0),
    ("latency_budget_ms", "p95 under 300ms", 300),
    ("latency_budget_ms", "reply within 2 seconds", 2000),
    ("latency_budget_ms", "under half a second", 500),
    ("latency_budget_ms", "answers are needed by the next business day", 600_000),
    ("latency_budget_ms", "a same-day turnaround is fine", 600_000),
    ("latency_budget_ms", "it runs once a night and nobody waits on it", 600_000),
    ("latency_budget_ms", "it's a nightly batch", 600_000),
    ("latency_budget_ms", "it can run over night", 600_000),
    ("latency_budget_ms", "generated at 6am, so response time does not matter", 600_000),
    ("prompt_baseline_score", "our prompt gets 71%", 0.71),
    ("prompt_baseline_score", "reaches 0.82 accuracy", 0.82),
    ("prompt_baseline_score", "gets 4 out of 5 right", 0.8),
    ("prompt_baseline_score", "it misses about a third of them", 0.67),
    ("prompt_baseline_score", "the prompt gets segments wrong ~30% of the time", 0.7),
    ("prompt_baseline_score", "roughly 70% of outputs are wrong", 0.3),
    ("prompt_baseline_score", "the prompt has a 12% error rate", 0.88),
    ("prompt_baseline_score", "accuracy is right 85% of the time", 0.85),
    ("labeled_examples", "we did only about 40 examples by hand so far", 40),
    ("labeled_examples", "we have 40 requests that someone filled out by hand as JSON", 40),
    ("labeled_examples", "4 yrs of SOC verdicts (~45k) we could use", 45_000),
    ("labeled_examples", "8 thousand closed claims with adjuster decision", 8_000),
    ("labeled_examples", "50k mails with queue assigned by agents", 50_000),
    ("labeled_examples", "the paralegals abstracted ~1,200 leases", 1_200),
    ("requests_per_day", "roughly 180 discharges per weekday across both sites", 180),
    ("prompt_baseline_score", "the prompt matched the reviewer 0.88 of 120 times", 0.88),
    ("labeled_examples", "we hold 30,000 nurse-triaged submissions", 30_000),
    ("knowledge_size_tokens", "manuals for 60 truck models, averaging 400 pages each", 12_000_000),
    ("knowledge_size_tokens", "a 40-page handbook", 20_000),
    ("knowledge_size_tokens", "2 GB of PDFs", 100_000_000),
    ("knowledge_size_tokens", "manuals for 40 machines, 300 pages each", 6_000_000),
])
def test_quantities_in_every_listed_form(field: str, text: str, value: float) -> None:
    found = quantities(text=text)
    quantity = pick_quantity(field=field, text=text, found=found)
    assert quantity is not None
    assert to_value(field=field, quantity=quantity) == pytest.approx(value, rel=0.01)
    assert text[quantity.start:quantity.end] in text


def test_counts_of_people_and_years_are_not_examples() -> None:
    text = "Three partners reviewed 450 clause classifications in 2021"
    quantity = pick_quantity(field="labeled_examples", text=text, found=quantities(text=text))
    assert quantity is not None and quantity.value == 450


def test_a_number_without_a_rate_is_not_a_volume() -> None:
    text = "we have 300k customers"
    assert pick_quantity(field="requests_per_day", text=text, found=quantities(text=text)) is None


def test_half_a_second_is_a_wait_not_a_volume() -> None:
    text = "it has to answer within half a second"
    assert pick_quantity(field="requests_per_day", text=text, found=quantities(text=text)) is None
    wait = pick_quantity(field="latency_budget_ms", text=text, found=quantities(text=text))
    assert wait is not None and wait.value == 500


@pytest.mark.parametrize(("text", "volume"), [
    ("The help centre has 180 articles that we update weekly.", None),
    ("About 40 pages get edited daily.", None),
    ("We get 210 change requests a week.", 30),
    ("Tomasz can look after the model ~1 day/week.", None),
    ("Just the 5 of us, each of us runs it four times a day.", 20),
])
def test_how_often_content_changes_is_not_a_volume(text: str, volume: float | None) -> None:
    found = pick_quantity(field="requests_per_day", text=text, found=quantities(text=text))
    assert (found and round(found.value)) == volume


def test_a_few_times_a_day_is_how_often_not_how_many() -> None:
    text = "I open it five times a day"
    assert pick_quantity(field="requests_per_day", text=text, found=quantities(text=text)) is None


def test_the_needed_word_check_changes_no_quantity() -> None:
    """Skipping patterns whose words are absent finds exactly what scanning them all finds."""
    import json

    from models.reading import quantity as module
    from tests.conftest import REPO

    folder = REPO / "models" / "reading" / "data"
    texts = [json.loads(line)["text"] for name in ("sentences.jsonl", "descriptions.jsonl")
             for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]
    texts += ["Half the 40 REPS each open it 3 times a DAY; 71 PERCENT, 4 OUT OF 5, overnight",
              "no labels yet, a FAQ of 120 questions, 2 people every 10 minutes", "caf\u00e9 50%"]
    checked = [quantities(text=t) for t in texts]
    saved = dict(module.NEEDS)
    try:
        module.NEEDS.clear()
        assert [quantities(text=t) for t in texts] == checked
    finally:
        module.NEEDS.update(saved)
    assert sum(map(len, checked)) > 500 and any(saved.values())


@pytest.mark.parametrize(("field", "text"), [
    ("knowledge_size_tokens", "Each description is 80 words at most."),
    ("knowledge_size_tokens", "Replies stay under 120 words."),
    ("labeled_examples", "It fills our parts table, 20 fixed columns per datasheet."),
])
def test_a_limit_or_a_count_of_slots_is_not_the_field(field: str, text: str) -> None:
    assert pick_quantity(field=field, text=text, found=quantities(text=text)) is None


def test_a_count_beside_a_volume_is_not_examples() -> None:
    text = "we get 300 tickets a day with a priority field"
    from models.reading.examples import example_counts
    assert example_counts(text=text, found=quantities(text=text)) == []


@pytest.mark.parametrize("text", [
    "We've got a test set of 150 questions with hand-checked SQL.",
    "We tried a prompt on 200 hand-checked samples.",
])
def test_a_set_a_prompt_was_measured_on_is_not_examples(text: str) -> None:
    from models.reading.examples import example_counts
    assert example_counts(text=text, found=quantities(text=text)) == []
