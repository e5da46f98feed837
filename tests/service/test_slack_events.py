"""POST /slack/events over real HTTP: signatures, the command, the modal and the posted result."""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import psycopg
import pytest

from models.questionnaire import Questionnaire
from models.vocabulary import APPROACH_NAMES as LABELS
from service.config import Settings
from service.slack.delivery import Reply
from service.slack.guard import NoBodies
from service.slack.modal import decode_metadata
from service.slack.questions import QUESTIONS
from tests.conftest import LiveServer
from tests.service.slack_support import (
    SECRET,
    TOKEN,
    FakeSlack,
    all_text,
    check_limits,
    command_body,
    signed_headers,
    state_values,
    submission_body,
)

PUBLIC = "https://advisor.example.test"
REQUIRED = [q.name for q in QUESTIONS if q.required]
FULL: dict[str, Any] = {
    "project_name": "Billing macro drafts", "task_narrowness": "narrow",
    "knowledge_freshness": "static", "requests_per_day": 50000, "mlops_capacity": "dedicated",
    "risk_domain": "general",
    "description": "Rewrite billing replies into our fixed macro template with strict JSON output.",
    "primary_gap": "format", "needs_private_context": False, "labeled_examples": 4000,
    "data_quality": "clean", "output_strictness": "strict_schema", "success_metric_defined": True,
    "prompt_baseline_score": 0.72, "workflow_stability": "stable", "latency_budget_ms": 500,
}


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def slack_server(tmp_path_factory: pytest.TempPathFactory, database_url: str,
                 fake: FakeSlack) -> Iterator[LiveServer]:
    """A second app on the session database, with Slack configured against the fake."""
    settings = Settings(
        ADVISOR_DATA_DIR=Path(tmp_path_factory.mktemp("slack-data")),
        ADVISOR_DATABASE_URL=database_url, ADVISOR_API_KEYS=None, ADVISOR_INDEX_BUILTIN=False,
        SLACK_SIGNING_SECRET=SECRET, SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=fake.api_url,
        ADVISOR_PUBLIC_URL=PUBLIC, SLACK_RESPONSE_URL_PREFIX=fake.url + "/response/",
    )
    live = LiveServer(settings=settings).start()
    yield live
    live.stop()


@pytest.fixture
def slack(fake: FakeSlack, slack_server: LiveServer) -> Iterator[httpx.Client]:
    fake.reset()
    with httpx.Client(base_url=slack_server.url, timeout=30) as http:
        yield http


def post(http: httpx.Client, body: str, **sign: Any) -> httpx.Response:
    return http.post("/slack/events", content=body, headers=signed_headers(body=body, **sign))


def open_modal(http: httpx.Client, fake: FakeSlack, *, text: str = "") -> dict[str, Any]:
    """Run /advisor and return the view it opened."""
    started = time.perf_counter()
    response = post(http, command_body(text=text, response_url=fake.response_url()))
    assert response.status_code == 200, response.text
    assert time.perf_counter() - started < 3.0
    [call] = fake.wait_for("views.open")
    view: dict[str, Any] = call.body["view"]
    return view


def submit(http: httpx.Client, view: dict[str, Any], answers: dict[str, Any]) -> httpx.Response:
    return post(http, submission_body(view=view, values=state_values(view=view, answers=answers)))


def report_id(blocks: list[dict[str, Any]]) -> str:
    found = re.search(re.escape(PUBLIC) + r"/assessments/([0-9a-f-]+)/report", all_text(blocks))
    assert found, all_text(blocks)
    return found.group(1)


def test_full_flow_command_modal_submission_message(slack: httpx.Client, fake: FakeSlack,
                                                    client: httpx.Client,
                                                    database_url: str) -> None:
    view = open_modal(slack, fake)
    assert fake.of("views.open")[0].body["trigger_id"] == "T-trigger-1"
    assert fake.of("views.open")[0].headers["Authorization"] == f"Bearer {TOKEN}"
    ids = [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
    assert ids[:5] == REQUIRED and set(ids) == set(Questionnaire.model_fields)
    assert decode_metadata(text=view["private_metadata"], secret=SECRET) == {
        "channel": "C0001", "user": "U0001", "response_url": fake.response_url()}

    response = submit(slack, view, FULL)
    assert response.status_code == 200 and response.text == ""
    [message] = fake.wait_for("chat.postMessage", timeout=60)
    assert message.body["channel"] == "C0001"
    blocks = message.body["blocks"]
    check_limits(blocks)

    assessment_id = report_id(blocks)
    stored = slack.get(f"/assessments/{assessment_id}")
    assert stored.status_code == 200
    doc = stored.json()
    assert doc["questionnaire"] == FULL
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT source FROM assessments WHERE id = %s",
                           (assessment_id,)).fetchone()
    assert row == ("slack",)
    # the same pipeline as POST /assess gives the same answer
    rest = client.post("/assess", json=FULL).json()
    assert (rest["recommendation"], rest["scores"]) == (doc["recommendation"], doc["scores"])

    text = all_text(blocks)
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == f"Recommendation: {LABELS[doc['recommendation']]}"
    for approach, score in doc["scores"].items():
        if approach in doc["ruled_out"]:
            rules = ", ".join(doc["ruled_out"][approach])
            assert f"{LABELS[approach]}: ruled out by {rules}" in text
            continue
        filled = round(score * 20)
        bar = "█" * filled + "░" * (20 - filled)
        assert f"`{bar}` {round(score * 100):>3}%  {LABELS[approach]}" in text
    quotes = [b["text"]["text"] for b in blocks
              if b["type"] == "section" and b["text"]["text"].startswith("> ")]
    assert 2 <= len(quotes) <= 3 and len(doc["guidance"]) >= 2
    for quote, passage in zip(quotes, doc["guidance"], strict=False):
        assert quote.endswith("— " + passage["source"].replace("&", "&amp;"))
    if doc["rules"]:
        assert doc["rules"][0]["message"][:40].replace("&", "&amp;") in text or any(
            r["message"][:40].replace("&", "&amp;") in text for r in doc["rules"])
    assert message.body["text"] == (f"Billing macro drafts: Recommendation: "
                                    f"{LABELS[doc['recommendation']]}. Full report: {PUBLIC}"
                                    f"/assessments/{assessment_id}/report")
    assert fake.of("response_url") == []


def test_slash_command_ack_is_well_within_slacks_3_seconds(slack: httpx.Client,
                                                           fake: FakeSlack) -> None:
    for text in ("", "help", "prefilled description"):
        started = time.perf_counter()
        response = post(slack, command_body(text=text, response_url=fake.response_url()))
        elapsed = time.perf_counter() - started
        assert response.status_code == 200 and elapsed < 3.0
    fake.wait_for("views.open", count=2)  # let the background work finish inside this test


def test_help_is_an_ephemeral_usage(slack: httpx.Client, fake: FakeSlack) -> None:
    response = post(slack, command_body(text="help", response_url=fake.response_url()))
    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral" and "/advisor" in body["text"]
    time.sleep(0.3)
    assert fake.of("views.open") == []


def test_text_after_the_command_prefills_the_description(slack: httpx.Client,
                                                         fake: FakeSlack) -> None:
    view = open_modal(slack, fake, text="Extract totals &amp; dates from &lt;PDF&gt; invoices")
    [block] = [b for b in view["blocks"] if b.get("block_id") == "description"]
    assert block["element"]["initial_value"] == "Extract totals & dates from <PDF> invoices"


def test_validation_errors_go_back_into_the_modal(slack: httpx.Client, fake: FakeSlack) -> None:
    view = open_modal(slack, fake)
    answers = {**FULL, "latency_budget_ms": "0", "prompt_baseline_score": "1.5",
               "requests_per_day": "lots"}
    response = submit(slack, view, answers)
    assert response.status_code == 200
    body = response.json()
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"latency_budget_ms", "prompt_baseline_score",
                                   "requests_per_day"}
    time.sleep(0.5)
    assert fake.of("chat.postMessage") == []


@pytest.mark.parametrize("case", ["forged", "unsigned", "stale", "junk-payload", "bad-timestamp",
                                  "not-utf8"])
def test_unverified_requests_get_401(slack: httpx.Client, fake: FakeSlack, case: str) -> None:
    body = command_body(text="", response_url=fake.response_url())
    headers = signed_headers(body=body)
    content: str | bytes = body
    if case == "forged":
        headers = signed_headers(body=body, secret="not-the-secret")
    elif case == "unsigned":
        headers = {"content-type": "application/x-www-form-urlencoded"}
    elif case == "stale":
        headers = signed_headers(body=body, timestamp=int(time.time()) - 6 * 60)
    elif case == "junk-payload":
        content = "payload=%7Bnot-json"
        headers = signed_headers(body="payload=%7Bnot-json", secret="wrong")
    elif case == "bad-timestamp":
        headers = dict(headers, **{"x-slack-request-timestamp": "soon"})
    else:
        content = b"payload=\xff\xfe"
        headers = {"content-type": "application/x-www-form-urlencoded",
                   "x-slack-request-timestamp": str(int(time.time())), "x-slack-signature": "v0=0"}
    response = slack.post("/slack/events", content=content, headers=headers)
    assert response.status_code == 401, response.text
    time.sleep(0.2)
    assert fake.calls == []


def test_recent_but_not_stale_is_accepted(slack: httpx.Client, fake: FakeSlack) -> None:
    body = command_body(text="help", response_url=fake.response_url())
    response = post(slack, body, timestamp=int(time.time()) - 4 * 60)
    assert response.status_code == 200


def test_without_credentials_the_route_is_503_and_the_rest_works(client: httpx.Client) -> None:
    body = command_body(text="", response_url="https://hooks.invalid/x")
    response = client.post("/slack/events", content=body, headers=signed_headers(body=body))
    assert response.status_code == 503
    detail = response.json()["detail"]
    assert "SLACK_SIGNING_SECRET" in detail and "SLACK_BOT_TOKEN" in detail
    assert client.get("/healthz").status_code == 200


def test_web_api_failure_falls_back_to_response_url(slack: httpx.Client, fake: FakeSlack) -> None:
    view = open_modal(slack, fake)
    fake.behaviour["chat.postMessage"] = "error"
    assert submit(slack, view, FULL).status_code == 200
    [fallback] = fake.wait_for("response_url", timeout=60)
    assert fallback.path == "/response/cmd"
    assert fallback.body["response_type"] == "ephemeral"
    assert slack.get(f"/assessments/{report_id(fallback.body['blocks'])}").status_code == 200


def test_views_open_failure_tells_the_user(slack: httpx.Client, fake: FakeSlack) -> None:
    fake.behaviour["views.open"] = "http500"
    response = post(slack, command_body(text="", response_url=fake.response_url()))
    assert response.status_code == 200
    [note] = fake.wait_for("response_url")
    assert "could not be opened" in note.body["text"]


def test_report_button_click_is_acknowledged(slack: httpx.Client) -> None:
    payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U0001"},
               "api_app_id": "A0001", "container": {"type": "message"},
               "actions": [{"type": "button", "action_id": "open_report", "block_id": "b",
                            "action_ts": "1"}], "trigger_id": "t"}
    response = post(slack, urlencode({"payload": json.dumps(payload)}))
    assert response.status_code == 200


def largest_questionnaire(server: LiveServer) -> dict[str, Any]:
    """The answers that fire the most rules and warnings, from a seeded search."""
    rng = random.Random(5)
    choices: dict[str, list[Any]] = {}
    for question in QUESTIONS:
        if question.kind == "select":
            choices[question.name] = [v for v, *_ in question.options]
        elif question.kind == "yes_no":
            choices[question.name] = [True, False]
    choices.update(requests_per_day=[10, 5_000, 5_000_000], labeled_examples=[0, 80, 20_000],
                   prompt_baseline_score=[0.2, 0.6, 0.95], latency_budget_ms=[40, 900, 60_000])
    best: tuple[int, dict[str, Any]] = (-1, {})
    for _ in range(400):
        answers = {name: rng.choice(values) for name, values in choices.items()}
        doc = server.state.assessor.evaluate(questionnaire=Questionnaire(**answers))
        size = len(doc.rules) + len(doc.warnings)
        if size > best[0]:
            best = (size, answers)
    return best[1]


def test_largest_assessment_respects_block_kit_limits(slack: httpx.Client, fake: FakeSlack,
                                                      slack_server: LiveServer) -> None:
    answers = largest_questionnaire(slack_server)
    description = ("Answer <@here> questions about R&D budgets 💸 across policy, contracts and "
                   "live market data for auditors. ") * 60
    view = open_modal(slack, fake, text=description[:4000])
    [block] = [b for b in view["blocks"] if b.get("block_id") == "description"]
    answers["description"] = block["element"]["initial_value"]
    answers["project_name"] = "P" * 200
    assert len(answers["description"]) == 4000
    assert submit(slack, view, answers).status_code == 200
    [message] = fake.wait_for("chat.postMessage", timeout=60)
    blocks = message.body["blocks"]
    check_limits(blocks)
    doc = slack.get(f"/assessments/{report_id(blocks)}").json()
    assert doc["questionnaire"]["description"] == answers["description"]
    text = all_text(blocks)
    assert "<@here>" not in text
    if len(doc["warnings"]) > 3:
        assert f"…and {len(doc['warnings']) - 3} more in the full report" in text
    if len(doc["rules"]) > 4:
        assert f"…and {len(doc['rules']) - 4} more rules in the full report" in text


# Finding 7: logs, escaping, response_url, signed private_metadata, replays.


def test_bolt_never_logs_bodies(slack: httpx.Client, caplog: pytest.LogCaptureFixture) -> None:
    marker = "SECRET-DESCRIPTION-" + "z" * 900_00
    body = command_body(text=marker, response_url="https://hooks.slack.com/commands/T/1/x")
    with caplog.at_level(logging.DEBUG):
        forged = slack.post("/slack/events", content=body,
                            headers=signed_headers(body=body, secret="wrong"))
        stale = slack.post("/slack/events", content=body,
                           headers=signed_headers(body=body, timestamp=int(time.time()) - 600))
    assert forged.status_code == stale.status_code == 401
    assert "SECRET-DESCRIPTION" not in caplog.text and "hooks.slack.com" not in caplog.text
    assert logging.getLogger("service.slack.bolt").getEffectiveLevel() == logging.WARNING
    record = logging.LogRecord("service.slack.bolt", logging.WARNING, "", 0,
                               "Unhandled request ({'payload': 'x'})", None, None)
    NoBodies().filter(record)
    assert record.getMessage() == "Unhandled request [request details withheld]"


def test_fallback_text_is_escaped(slack: httpx.Client, fake: FakeSlack) -> None:
    view = open_modal(slack, fake)
    hostile = "<!channel> <https://phish.example|Reset your password>"
    assert submit(slack, view, dict(FULL, project_name=hostile)).status_code == 200
    [message] = fake.wait_for("chat.postMessage", timeout=60)
    text = message.body["text"]
    assert "<!channel>" not in text and "<https://phish" not in text
    assert text.startswith("&lt;!channel&gt; &lt;https://phish.example|Reset your password&gt;")
    assert "<!channel>" not in json.dumps(message.body["blocks"])


def test_response_url_must_be_slacks(slack: httpx.Client, fake: FakeSlack) -> None:
    fake.behaviour["views.open"] = "http500"  # the failure note goes to the response_url
    evil = "http://127.0.0.1:9/steal"
    assert post(slack, command_body(text="", response_url=evil)).status_code == 200
    fake.wait_for("chat.postEphemeral")  # told privately instead
    assert fake.of("response_url") == []
    kept = Reply.checked(channel="C", user="U", response_url="https://hooks.slack.com/a/b")
    dropped = Reply.checked(channel="C", user="U", response_url="https://hooks.slack.com.evil/x")
    assert kept.response_url and dropped.response_url is None


def test_forged_private_metadata_is_ignored(slack: httpx.Client, fake: FakeSlack) -> None:
    view = open_modal(slack, fake)
    forged = json.dumps({"channel": "C-attacker", "user": "U0001",
                         "response_url": fake.response_url(name="stolen")})
    assert submit(slack, dict(view, private_metadata=forged), FULL).status_code == 200
    [message] = fake.wait_for("chat.postMessage", timeout=60)
    assert message.body["channel"] == "U0001"  # the submitting user, not the forged channel
    assert [c for c in fake.calls if c.path.endswith("/stolen")] == []


def test_a_replayed_submission_creates_nothing(
    slack: httpx.Client, fake: FakeSlack, database_url: str
) -> None:
    view = open_modal(slack, fake)
    body = submission_body(view=view, values=state_values(view=view, answers=FULL))
    headers = signed_headers(body=body)
    with psycopg.connect(database_url) as conn:
        before = conn.execute("SELECT count(*) FROM assessments WHERE source = 'slack'").fetchone()
    for _ in range(3):
        assert slack.post("/slack/events", content=body, headers=headers).status_code == 200
    fake.wait_for("chat.postMessage", timeout=60)
    time.sleep(1.0)
    with psycopg.connect(database_url) as conn:
        after = conn.execute("SELECT count(*) FROM assessments WHERE source = 'slack'").fetchone()
    assert before is not None and after is not None and after[0] - before[0] == 1
    assert len(fake.of("chat.postMessage")) == 1
