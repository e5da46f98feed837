"""`/advisor audit <id>` over real HTTP: acknowledged at once, then the audit's headline privately
to the user through response_url; unknown ids and descriptions that start with "audit" too."""

from __future__ import annotations

import time

import httpx
import pytest

from models.audit.document import EXAMPLE, AuditDocument
from service.slack.audit import audit_request, summary
from service.slack.blocks import SECTION_LIMIT, slack_len
from tests.service.slack_support import FakeSlack, command_body
from tests.service.test_slack_events import PUBLIC, fake, post, slack, slack_server

__all__ = ["fake", "slack", "slack_server"]  # the fixtures, shared with the Slack event tests
VALID = b'{"prompt": "Where is my parcel?", "completion": "It left the depot today."}\n'


@pytest.mark.parametrize(("text", "wanted"), [
    ("audit 0190f3a2-5c1e-7b4d-9e8f-2a6b1c3d4e5f", "0190f3a2-5c1e-7b4d-9e8f-2a6b1c3d4e5f"),
    ("  AUDIT   0190f3a2-5c1e  ", "0190f3a2-5c1e"),
    ("audit", ""),
    ("audit logs classifier for our security team", None),
    ("audit trails", None),
    ("summarise tickets", None),
])
def test_which_texts_ask_for_an_audit(text: str, wanted: str | None) -> None:
    assert audit_request(text=text) == wanted


def test_the_summary_is_short_escaped_and_links_the_page() -> None:
    doc = AuditDocument.model_validate(EXAMPLE)
    doc.files["train"].name = "<!channel> & friends.jsonl"
    text = summary(doc=doc, public_url=PUBLIC)
    assert slack_len(text) <= SECTION_LIMIT
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; friends.jsonl" in text
    assert f"*{doc.usable_examples:,} usable*" in text and doc.data_quality.value in text
    assert f"<{PUBLIC}/datasets/audits/{doc.id}/report|Open the audit>" in text
    assert "*F-CONFLICT*" in text and "*F-NEAR-DUPLICATE*" not in text  # high severity first


def test_an_audit_id_gets_its_headline_privately(slack: httpx.Client, fake: FakeSlack) -> None:
    created = slack.post("/datasets/audit", content=VALID * 30 + VALID.replace(b"depot", b"hub"),
                         headers={"content-type": "application/x-ndjson"})
    assert created.status_code == 201
    doc = created.json()
    started = time.perf_counter()
    response = post(slack, command_body(text=f"audit {doc['id']}",
                                        response_url=fake.response_url()))
    assert response.status_code == 200 and time.perf_counter() - started < 3.0
    [answer] = fake.wait_for("response_url")
    assert answer.body["response_type"] == "ephemeral"
    text = answer.body["text"]
    assert f"{doc['examples']:,} examples" in text
    assert f"*{doc['usable_examples']:,} usable*" in text
    assert f"Data quality: *{doc['data_quality']}*" in text and "F-DUPLICATE" in text
    assert f"{PUBLIC}/datasets/audits/{doc['id']}/report" in text
    assert fake.of("views.open") == []


def test_an_unknown_or_missing_id_says_what_to_do(slack: httpx.Client, fake: FakeSlack) -> None:
    post(slack, command_body(text="audit 0190aaaa-0000-7000-8000-000000000000",
                             response_url=fake.response_url(name="unknown")))
    post(slack, command_body(text="audit", response_url=fake.response_url(name="bare")))
    answers = {call.path: call.body["text"] for call in fake.wait_for("response_url", count=2)}
    assert "no dataset audit with id" in answers["/response/unknown"]
    assert f"{PUBLIC}/audit" in answers["/response/bare"]


def test_a_description_that_starts_with_audit_opens_the_form(slack: httpx.Client,
                                                             fake: FakeSlack) -> None:
    post(slack, command_body(text="audit logs classifier", response_url=fake.response_url()))
    [call] = fake.wait_for("views.open")
    [block] = [b for b in call.body["view"]["blocks"] if b.get("block_id") == "description"]
    assert block["element"]["initial_value"] == "audit logs classifier"
