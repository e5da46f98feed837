"""Delivery when Slack's Web API fails or hangs: response_url, then an ephemeral error; no raise."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from models.questionnaire import Questionnaire
from service.slack.app import FAILED_ASSESSMENT, assess_and_post
from service.slack.delivery import Reply, deliver
from tests.service.slack_support import TOKEN, FakeSlack

BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "result"}}]


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def slack(fake: FakeSlack) -> FakeSlack:
    fake.reset()
    return fake


def client(fake: FakeSlack, *, timeout: int = 5) -> AsyncWebClient:
    return AsyncWebClient(token=TOKEN, base_url=fake.api_url, timeout=timeout)


def reply(fake: FakeSlack) -> Reply:
    return Reply(channel="C1", user="U1", response_url=fake.response_url(name="r1"))


async def send(fake: FakeSlack, *, limit_s: int = 5, target: Reply | None = None) -> str:
    return await deliver(client=client(fake, timeout=limit_s), reply=target or reply(fake),
                         text="fallback", blocks=BLOCKS, error_text="could not post")


async def test_a_working_api_gets_the_message(slack: FakeSlack) -> None:
    assert await send(slack) == "message"
    [call] = slack.of("chat.postMessage")
    assert call.body["channel"] == "C1" and call.body["blocks"] == BLOCKS
    assert call.headers["Authorization"] == f"Bearer {TOKEN}"
    assert slack.of("response_url") == []


@pytest.mark.parametrize("failure", ["error", "http500"])
async def test_api_failure_falls_back_to_response_url(slack: FakeSlack, failure: str) -> None:
    slack.behaviour["chat.postMessage"] = failure
    assert await send(slack) == "response_url"
    [call] = slack.of("response_url")
    assert call.path == "/response/r1"
    assert call.body["response_type"] == "ephemeral" and call.body["blocks"] == BLOCKS
    assert call.body["text"] == "fallback"


async def test_api_timeout_falls_back_to_response_url(slack: FakeSlack) -> None:
    slack.behaviour["chat.postMessage"] = ("sleep", 3)
    assert await send(slack, limit_s=1) == "response_url"
    assert slack.of("response_url")


async def test_both_failing_gives_an_ephemeral_error(slack: FakeSlack) -> None:
    slack.behaviour.update({"chat.postMessage": "error", "response_url": "http500"})
    assert await send(slack) == "ephemeral_error"
    [call] = slack.of("chat.postEphemeral")
    assert call.body == {"channel": "C1", "user": "U1", "text": "could not post"}


async def test_nothing_working_is_logged_not_raised(slack: FakeSlack,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    slack.behaviour.update({"chat.postMessage": "http500", "response_url": "http500",
                            "chat.postEphemeral": "error"})
    assert await send(slack) == "none"
    assert "could not deliver" in caplog.text
    unreachable = Reply(channel="C1", user="U1", response_url="http://127.0.0.1:9/nowhere")
    dead = AsyncWebClient(token=TOKEN, base_url="http://127.0.0.1:9/api/", timeout=2)
    assert await deliver(client=dead, reply=unreachable, text="t", blocks=BLOCKS,
                         error_text="e") == "none"


class BrokenAssessor:
    """Stands in for a pipeline whose database and spool both failed."""

    async def assess(self, *, questionnaire: Questionnaire, source: str) -> dict[str, Any]:
        raise RuntimeError("database exploded")


async def test_a_failed_assessment_tells_the_user(slack: FakeSlack) -> None:
    questionnaire = Questionnaire(task_narrowness="narrow", knowledge_freshness="static",
                                  requests_per_day=10, mlops_capacity="none", risk_domain="general")
    route = await assess_and_post(assessor=BrokenAssessor(),  # type: ignore[arg-type]
                                  questionnaire=questionnaire, client=client(slack),
                                  reply=reply(slack), public_url="https://a.test")
    assert route == "response_url"
    [call] = slack.of("response_url")
    assert call.body["text"] == FAILED_ASSESSMENT
    assert slack.of("chat.postMessage") == []
