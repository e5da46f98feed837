"""Round-3 cue phrasings, per weak field, on sentences written for these tests.

Each rule gets a positive sentence, a negated or look-alike one and an unrelated one; `None`
means the cue layer must stay silent for that field.
"""

from __future__ import annotations

import pytest

from tests.models.reading.cue_support import check

OUTPUT = [
    ("It has to emit one valid Snowflake query and nothing more.", "strict_schema"),
    ("The pipeline runs them automatically, so there is no human in between.", "strict_schema"),
    ("Each answer is true or false for the compliance flag.", "strict_schema"),
    ("Dates must be ISO 8601 timestamps.", "strict_schema"),
    ("The result goes straight into the billing system.", "strict_schema"),
    ("A downstream service parses whatever we return.", "strict_schema"),
    ("Analysts ask questions about slow queries in the warehouse.", None),
    ("The output is a checklist the field engineer ticks off.", "structured"),
    ("Give the nurse a step-by-step plan for the shift.", "structured"),
    ("Each case gets a brief with three parts the partner reads.", "structured"),
    ("It fills in the incident form our managers read.", "structured"),
    ("Replies go out as friendly messages from the shop.", "free_text"),
    ("It answers the tenant in simple words, no jargon.", "free_text"),
    ("Staff ask in plain English about their rota.", None),
    ("Keep it to a few sentences that sound like a colleague.", "free_text"),
    ("We get 40,000 chat messages a month.", None),
    ("Our office moved to a new building last spring.", None),
]
TASK = [
    ("It does one fixed job: matching remittances to open invoices.", "narrow"),
    ("It is not one fixed job; the agents use it for many things.", "broad"),
    ("The reviewer picks approve or reject for every refund request.", "narrow"),
    ("It tells the caller whether the clinic is open.", "narrow"),
    ("It extracts the name, date of birth and policy number from each claim form.", "narrow"),
    ("Members can ask it whatever they like about the club.", "broad"),
    ("It answers any rules question players bring to the table.", "broad"),
    ("We do not want an all-purpose bot.", None),
    ("Our office has a small kitchen and a meeting room.", None),
]
QUALITY = [
    ("The 3,000 labelled pairs were reviewed by two senior nurses.", "clean"),
    ("Our gold set of examples was checked twice.", "clean"),
    ("Annotator agreement is about 92% on the labels.", "clean"),
    ("The examples were scraped from forums and never cleaned.", "noisy"),
    ("Honestly the labels are pretty messy.", "noisy"),
    ("The old replies are full of duplicates and half are empty.", "noisy"),
    ("Some examples were checked by the leads, the rest came from interns.", "mixed"),
    ("The model normalises messy product names from suppliers.", None),
    ("Every reply must be reviewed by a lawyer before it goes out.", None),
    ("The schema docs are a mess.", None),
    ("It closes duplicates and labels new issues.", None),
    ("The labels are not inconsistent at all.", "clean"),
]
PRIVATE = [
    ("It looks up the booking in Opera before it answers the guest.", "true"),
    ("It never looks up the booking in any system.", "false"),
    ("It reads the requester's current entitlements.", "true"),
    ("Limits and fees are kept per account.", "true"),
    ("Rates come from our internal pricing database.", "true"),
    ("It checks stock levels against our warehouse management system.", "true"),
    ("It answers using only our public FAQ pages.", "false"),
    ("An internal tool our controllers open twice a day.", None),
    ("It writes three draft posts per client every week.", None),
    ("The results are written into our billing system.", None),
    ("The weather was fine for the launch party.", None),
]
STABILITY = [
    ("The intake process is still being piloted in two branches.", "evolving"),
    ("New categories keep getting added to the routing rules.", "evolving"),
    ("The process is not being piloted any more.", None),
    ("The handover procedure has stayed the same since the merger.", "stable"),
    ("The inspection steps are prescribed by the ISO standard.", "stable"),
    ("Our canteen serves lunch from noon.", None),
]
CASES = [(OUTPUT, "output_strictness"), (TASK, "task_narrowness"),
         (QUALITY, "data_quality"), (PRIVATE, "needs_private_context"),
         (STABILITY, "workflow_stability")]


@pytest.mark.parametrize(("cases", "field"), CASES)
def test_round3_cues(cases: list[tuple[str, str | None]], field: str) -> None:
    check(cases, field)
