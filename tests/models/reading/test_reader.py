"""The reader on real text: negation, hedges, empty input, exact evidence, determinism."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.reading.model import ReaderModel
from models.reading.reader import Reader


def values(reader: Reader, text: str) -> dict[str, object]:
    return {r.field: r.value for r in reader.read(text=text)}


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_or_absent_description_reads_nothing(reader: Reader, text: str | None) -> None:
    assert reader.read(text=text) == []


@pytest.mark.parametrize(("text", "field", "value"), [
    ("We get about 3,000 support tickets a day.", "requests_per_day", 3000),
    ("we get 200k tickets a month", "requests_per_day", 6667),
    ("we have ~5k labelled pairs, reviewed by two senior agents", "labeled_examples", 5000),
    ("p95 under 300ms or the widget feels laggy", "latency_budget_ms", 300),
    ("our prompt gets 71% on the 400-ticket test set", "prompt_baseline_score", 0.71),
    ("The knowledge base is a 40-page product handbook.", "knowledge_size_tokens", 20_000),
])
def test_numbers_are_read_with_their_field(reader: Reader, text: str, field: str,
                                           value: float) -> None:
    assert values(reader, text).get(field) == pytest.approx(value, rel=0.01)


@pytest.mark.parametrize(("text", "field", "value"), [
    ("we don't have labels yet", "labeled_examples", 0),
    ("No labelled data exists for this task.", "labeled_examples", 0),
    ("there is no eval set yet, we judge by vibes", "success_metric_defined", False),
])
def test_negated_statements_read_as_their_negative(reader: Reader, text: str, field: str,
                                                   value: object) -> None:
    assert values(reader, text).get(field) == value


def test_a_negated_frequency_is_not_that_frequency(reader: Reader) -> None:
    assert values(reader, "The price list is not updated daily.").get(
        "knowledge_freshness") != "daily"


def test_a_frequency_negated_with_an_apostrophe_names_no_cadence(reader: Reader) -> None:
    text = "The help centre is a few hundred articles; it doesn't change daily, more now and then."
    assert values(reader, text).get("knowledge_freshness") is None
    text = "Triage follows a national standard that did not change since 2019."
    assert values(reader, text).get("workflow_stability") == "stable"


def test_hedged_numbers_are_marked(reader: Reader) -> None:
    hedged = [r for r in reader.read(text="maybe 30 questions a day")
              if r.field == "requests_per_day"]
    plain = [r for r in reader.read(text="about 30 questions a day")
             if r.field == "requests_per_day"]
    assert hedged and hedged[0].hedged
    assert plain and not plain[0].hedged and plain[0].specific


def test_text_about_something_else_implies_nothing(reader: Reader) -> None:
    text = "We are a company of 300 people founded in 2009; the board meets every quarter."
    assert {r.field for r in reader.read(text=text)} <= {"knowledge_freshness"}
    assert values(reader, "we read a blog post about fine-tuning last week") == {}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_evidence_is_always_an_exact_substring(reader: Reader, text: str) -> None:
    for r in reader.read(text=text, floor=False):
        assert text[r.start:r.end] == r.evidence
        assert r.evidence and r.evidence in text


def test_reading_is_deterministic(reader: Reader) -> None:
    text = ("Our bank's chat assistant answers card questions; roughly 100k conversations a "
            "day. The data science unit of 20 runs a model platform with retraining.")
    assert reader.read(text=text) == reader.read(text=text)


def test_a_reader_refuses_another_embedder(reader: Reader) -> None:
    with pytest.raises(ValueError, match="trained with embedder"):
        Reader(model=reader.model, embed=reader.embed, embedder_id="another-embedder")
    assert isinstance(reader.model, ReaderModel)


@pytest.mark.parametrize(("text", "field", "low", "high"), [
    ("We get 2,000 of these a week.",
     "requests_per_day", 250, 320),
    ("Four dispatchers each check it three times a day.", "requests_per_day", 12, 12),
    ("We log a few hundred lookups per day.", "requests_per_day", 150, 600),
])
def test_a_number_in_the_fields_unit_is_read_without_a_confident_classifier(
    reader: Reader, text: str, field: str, low: float, high: float
) -> None:
    read = {r.field: r for r in reader.read(text=text)}
    assert field in read, text
    value = read[field].value
    assert isinstance(value, int) and low <= value <= high


def test_people_named_using_it_are_a_confident_volume(reader: Reader) -> None:
    text = "It is for our 3 planners, they each run it twice a day."
    read = {r.field: r for r in reader.read(text=text)}
    assert read["requests_per_day"].value == 6
    assert read["requests_per_day"].confidence >= 0.9


def test_a_named_batch_run_is_read_without_a_confident_classifier(reader: Reader) -> None:
    read = {r.field: r for r in reader.read(text="Reports are produced as an overnight batch.")}
    assert read["latency_budget_ms"].value == 600_000


def test_a_vague_number_is_read_but_not_specific(reader: Reader) -> None:
    read = {r.field: r for r in reader.read(text="We log a few hundred lookups per day.")}
    assert read["requests_per_day"].specific is False


def test_a_pilot_volume_gives_way_to_the_production_one(reader: Reader) -> None:
    text = ("The 40/day in the form was the pilot at one hub. In production we scan about "
            "1.2 million parcel labels a month.")
    assert values(reader, text)["requests_per_day"] == 40_000


def test_the_forms_old_score_gives_way_to_the_one_the_text_reports(reader: Reader) -> None:
    text = ("Latest prompt with the schema and six few-shots hits 97% on it "
            "(the 0.45 in the form is the v1 prompt from March).")
    assert values(reader, text)["prompt_baseline_score"] == 0.97


def test_a_pilot_volume_alone_is_still_read(reader: Reader) -> None:
    assert values(reader, "The pilot handles about 300 tickets a day.")["requests_per_day"] == 300


def test_neither_of_two_people_owning_training_is_no_capacity(reader: Reader) -> None:
    text = "The platform team is 2 people and neither has time to own model training."
    assert values(reader, text)["mlops_capacity"] == "none"


def test_right_now_as_currently_is_not_a_live_feed(reader: Reader) -> None:
    text = "The prompt right now drops the timezone and mixes date formats."
    assert values(reader, text).get("knowledge_freshness") is None
    assert values(reader, "Answers must reflect stock levels right now, for that store.")[
        "knowledge_freshness"] == "realtime"


@pytest.mark.parametrize(("text", "tokens"), [
    ("The manual is 300 pages and basically hasn't changed since 2020.", 150_000),
    ("The travel policy is 8 pages and gets revised once a year.", 4_000),
])
def test_a_size_said_of_a_body_of_knowledge_is_read(reader: Reader, text: str,
                                                     tokens: int) -> None:
    assert values(reader, text)["knowledge_size_tokens"] == tokens


def test_a_single_input_documents_size_is_not_named_knowledge() -> None:
    from models.reading.quantities import quantities
    sizes = [q for q in quantities(text="Each claim comes with a 5-page form.") if q.kind == "size"]
    assert sizes and not any(q.named for q in sizes)



def test_the_whole_text_domain_is_offered_at_each_of_its_mentions() -> None:
    """So that a mention the classifier vetoes in its own sentence gives way to the next one."""
    from tests.models.reading.cue_support import firm_cues
    text = ("Reported mails land in the SOC shared inbox. The bot returns a verdict "
            "(phishing, spam, benign) for each one.")
    found = firm_cues(text, "risk_domain")
    assert [c.value for c in found] == ["security", "security"]
    assert [text[c.start:c.end] for c in found] == ["SOC", "phishing"]


def test_a_negated_list_negates_every_item(reader: Reader) -> None:
    text = ("The ticket text is all it needs; no customer record, order history or internal "
            "document is consulted at any point.")
    assert values(reader, text).get("needs_private_context") is not True


def test_a_list_after_a_negated_clause_is_not_negated() -> None:
    from models.reading.cueing import negated_before
    low = "we have no labels, our crm and the wiki are the sources"
    assert not negated_before(low=low, start=low.index("our crm"))
    low = "no customer record, order history or internal document is consulted"
    assert all(negated_before(low=low, start=low.index(item))
               for item in ("customer record", "order history", "internal document"))
