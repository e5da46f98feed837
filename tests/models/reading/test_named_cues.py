"""Cues that name the fact itself (weight `NAMED`), for the fields of sources, quality, domains
and time, on sentences written for these tests: a positive, a negated or look-alike one, and
`None` where the cue layer must stay silent for that field.
"""

from __future__ import annotations

import pytest

from models.reading.cueing import NAMED
from models.reading.evidence import Candidate
from tests.models.reading.cue_support import firm_cues


def best(text: str, field: str) -> Candidate | None:
    """The cue layer's firmest candidate for `field`, or None."""
    return max(firm_cues(text, field), key=lambda c: c.weight, default=None)


def named(text: str, field: str) -> str | None:
    """The value of a cue that names the fact, or None (no cue, or only a topic word)."""
    cue = best(text, field)
    return cue.value if cue is not None and cue.weight >= NAMED else None


PRIVATE = [
    ("What the bot may offer depends on their subscription tier.", "true"),
    ("Refund eligibility differs per household.", "true"),
    ("Reservations get looked up by booking reference.", "true"),
    ("It drafts the reply from the tenant's payment history.", "true"),
    ("It reads the learner's last 30 days of quiz attempts.", "true"),
    ("Answers must reflect what the carrier says for that specific shipment.", "true"),
    ("Our price sheets are confidential.", "true"),
    ("It drafts bids from our previous tenders.", "true"),
    ("The schedule comes from our rostering system.", "true"),
    ("Everything the model needs is in the form it receives.", "false"),
    ("The bot has no access to customer accounts.", "false"),
    ("It works only from the public rulebook.", "false"),
    ("Our guides are all public.", "false"),
    ("It does not depend on their subscription tier.", "false"),
    ("It puts the steps in the right order.", None),
    ("The summary is written into the resident's care file.", None),
    ("Prices are the same for everyone.", None),
    ("Account notes live in HubSpot.", "true"),
    ("It checks a wallet's token balances before answering.", "true"),
    ("It answers by searching our Confluence.", "true"),
    ("HR questions need the employee's contract.", "true"),
    ("We log every answer in our Confluence.", None),
    ("It answers from the rostering system.", "true"),
    ("Reports run against the sales database.", None),
    ("The summary goes into the member's care plan.", None),
    ("It reads the runbooks in our private wiki.", "true"),
    ("Each summary is written back to the CRM.", None),
    ("It needs the team's schema notes (private, of course).", "true"),
    ("All it needs is in the request itself.", "false"),
    ("It cites the public 12-page handbook.", "false"),
    ("It maps each note to a code; nothing else is looked up.", "false"),
    ("Everything needed is on the claim form itself.", "false"),
    ("It uses published rates, nothing from the customer's own account.", "false"),
]


@pytest.mark.parametrize(("text", "want"), PRIVATE)
def test_named_private_sources(text: str, want: str | None) -> None:
    assert named(text, "needs_private_context") == want


def test_a_named_source_outranks_a_topic_word_in_the_same_sentence() -> None:
    cue = best("Internal staff ask about their leave balance.", "needs_private_context")
    assert cue is not None and cue.value == "true" and cue.weight == NAMED


QUALITY = [
    ("Both linguists labelled the 2,000 segments and agreed on 95% of them.", "clean"),
    ("We keyed the 800 invoices in by hand and checked them against the scans.", "clean"),
    ("All 5k labels were made with the same checklist.", "clean"),
    ("The pairs were reviewed by senior underwriters last spring.", "clean"),
    ("Our moderators tagged 40k posts, but each tagged them their own way.", "noisy"),
    ("The annotators had different ideas of what counts as spam.", "noisy"),
    ("Reviewers interpreted urgency very differently across the 9k tickets.", "noisy"),
    ("Many of the archived replies predate the current refund policy.", "mixed"),
    ("Some old examples use categories that have since been retired.", "mixed"),
    ("Agreement on the labels was decent but not great.", "mixed"),
    ("The 12k records were QC'd last year.", "clean"),
    ("Most of the saved answers are outdated now.", "mixed"),
    ("The old reply archive is full of copy-pasted signatures.", "noisy"),
    ("Each draft is reviewed by a licensed pharmacist before it is sent.", None),
    ("Every answer gets checked by two agents before it goes out.", None),
    ("The app logs tab switches and copy-paste events.", None),
    ("We want consistent answers from the bot.", None),
]


@pytest.mark.parametrize(("text", "want"), QUALITY)
def test_named_data_quality(text: str, want: str | None) -> None:
    assert named(text, "data_quality") == want


FRESHNESS = [
    ("Seat maps come from the live booking calendar.", "realtime"),
    ("Arrival times come from the live vehicle positions.", "realtime"),
    ("Quotes must be up to the minute.", "realtime"),
    ("The tariff database is refreshed monthly.", "monthly"),
    ("Statements are generated nightly.", "daily"),
    ("Index figures are published every working day.", "daily"),
    ("Holiday calendars are reviewed once a quarter.", "monthly"),
    ("The import bans change every spring.", "static"),
    ("We release every week.", None),
    ("About 2k new listings per day get classified.", None),
    ("The refund policy hasn't changed in years.", None),
    ("Our drug interaction database is licensed and updated monthly.", "monthly"),
    ("All of it has to be up to the minute.", "realtime"),
    ("The tax code changes every year.", "static"),
    ("Metric definitions change about once a quarter.", "monthly"),
    ("Vehicle positions refresh every 15s.", "realtime"),
    ("Depot calendars are revised every week.", "weekly"),
    ("Right now each agent writes the summary by hand.", None),
    ("The menu doesn't change weekly or anything.", None),
    ("The statute is not changing.", "static"),
]
STABILITY = [
    ("The escalation rules change every few weeks after incidents.", "changes_weekly"),
    ("Routing criteria are still being worked out with the ops leads.", "evolving"),
    ("The intake steps get reworked a couple of times a year.", "stable"),
    ("Leadership keeps changing what they want from the report.", "evolving"),
    ("The label taxonomy was fixed by the client in 2020.", "stable"),
]


@pytest.mark.parametrize(("text", "want"), FRESHNESS)
def test_freshness_cues(text: str, want: str | None) -> None:
    cue = best(text, "knowledge_freshness")
    assert (cue.value if cue is not None else None) == want


@pytest.mark.parametrize(("text", "want"), STABILITY)
def test_named_stability(text: str, want: str) -> None:
    assert named(text, "workflow_stability") == want


@pytest.mark.parametrize("text", [
    "It's early days for us and we're exploring options.",
    "The appeal rules differ by city and don't change often.",
    "We release every week.",
])
def test_a_project_stage_or_a_vague_rhythm_names_no_stability(text: str) -> None:
    assert named(text, "workflow_stability") is None


@pytest.mark.parametrize(("text", "want"), [
    ("A chatbot for a hospital's car park: opening times and fees, nothing clinical at all.",
     "general"),
    ("Our dental chain wants a booking bot; no medical questions at all.", "general"),
    ("The drafts explain why the premium changed at renewal.", "finance"),
    ("It tags emails in e-discovery as privileged or not.", "legal"),
    ("It drafts replies on refunds that EU rules decide.", "legal"),
    ("It suggests codes for customs declarations.", "legal"),
    ("The bot explains smart-contract audit findings.", "web3"),
    ("It answers deposit and KYC questions on our crypto exchange.", "web3"),
    ("It writes the client's annual accounts summary.", "finance"),
    ("It suggests journaling prompts in our mental-health app.", "health"),
    ("We're a hospital and want to sort IT tickets by team.", None),
])
def test_domain_of_the_outputs(text: str, want: str | None) -> None:
    cue = best(text, "risk_domain")
    assert (cue.value if cue is not None else None) == want


@pytest.mark.parametrize(("text", "want"), [
    ("It drafts replies on delays where EU rules decide the compensation.", "legal"),
    ("It explains to clients why the premium changed.", "finance"),
    ("A booking bot for our clinics, with no medical questions at all.", "general"),
])
def test_a_named_domain_keeps_its_mark_through_the_whole_text_verdict(text: str,
                                                                     want: str) -> None:
    assert named(text, "risk_domain") == want


def test_a_negated_domain_object_names_nothing() -> None:
    assert named("It never touches customs declarations.", "risk_domain") is None
