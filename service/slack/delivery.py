"""Getting a message to the user even when Slack's Web API fails: post, then response_url, then
an ephemeral error. Every step logs its failure and none raises."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

log = logging.getLogger(__name__)

TIMEOUT_S = 10


SLACK_HOOKS = "https://hooks.slack.com/"


@dataclass(frozen=True)
class Reply:
    """Where an answer goes: the command's channel, its user, and its response_url."""

    channel: str | None
    user: str | None
    response_url: str | None

    @classmethod
    def checked(
        cls, *, channel: str | None, user: str | None, response_url: str | None,
        allowed_prefix: str = SLACK_HOOKS,
    ) -> Reply:
        """A reply whose response_url is kept only when it points at Slack's hooks host."""
        if response_url and not response_url.startswith(allowed_prefix):
            log.warning("ignored a response_url outside %s", allowed_prefix)
            response_url = None
        return cls(channel=channel, user=user, response_url=response_url)


def describe(*, error: BaseException) -> str:
    """A log-safe summary: Slack's error code, or the exception type and message."""
    if isinstance(error, SlackApiError):
        data = getattr(error.response, "data", None)
        code = data.get("error") if isinstance(data, dict) else None
        status = getattr(error.response, "status_code", None)
        return f"Slack API error {code or 'unknown'} (HTTP {status})"
    text = str(error)[:200]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


async def post_message(
    *, client: AsyncWebClient, reply: Reply, text: str, blocks: list[dict[str, Any]],
) -> bool:
    """chat.postMessage to the channel the command came from, or to the user."""
    channel = reply.channel or reply.user
    if not channel:
        return False
    try:
        await client.chat_postMessage(
            channel=channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False
        )
    except Exception as err:  # any failure means "try the next route"
        log.warning("chat.postMessage to %s failed: %s", channel, describe(error=err))
        return False
    return True


async def post_response_url(
    *, url: str | None, text: str, blocks: list[dict[str, Any]] | None = None,
    timeout_s: int = TIMEOUT_S,
) -> bool:
    """An ephemeral reply through the slash command's response_url."""
    if not url:
        return False
    try:
        response = await AsyncWebhookClient(url=url, timeout=timeout_s).send(
            text=text, blocks=blocks, response_type="ephemeral", replace_original=False
        )
    except Exception as err:  # network errors, timeouts, malformed URLs
        log.warning("response_url post failed: %s", describe(error=err))
        return False
    if response.status_code != 200:
        log.warning("response_url post answered HTTP %s", response.status_code)
        return False
    return True


async def post_ephemeral(*, client: AsyncWebClient, reply: Reply, text: str) -> bool:
    """chat.postEphemeral: a note only the user sees, in the channel they used."""
    if not reply.user:
        return False
    try:
        await client.chat_postEphemeral(channel=reply.channel or reply.user, user=reply.user,
                                        text=text)
    except Exception as err:  # the last route; nothing is left to try after it
        log.warning("chat.postEphemeral failed: %s", describe(error=err))
        return False
    return True


async def deliver(
    *, client: AsyncWebClient, reply: Reply, text: str, blocks: list[dict[str, Any]],
    error_text: str,
) -> str:
    """The result by the first route that works; returns which one ("none" if all failed)."""
    if await post_message(client=client, reply=reply, text=text, blocks=blocks):
        return "message"
    if await post_response_url(url=reply.response_url, text=text, blocks=blocks):
        log.info("result delivered through response_url instead")
        return "response_url"
    if await post_ephemeral(client=client, reply=reply, text=error_text):
        return "ephemeral_error"
    log.error("could not deliver a Slack result to user %s by any route", reply.user)
    return "none"


async def notify(*, client: AsyncWebClient, reply: Reply, text: str) -> str:
    """A short note to the user alone: response_url first, then chat.postEphemeral."""
    if await post_response_url(url=reply.response_url, text=text):
        return "response_url"
    if await post_ephemeral(client=client, reply=reply, text=text):
        return "ephemeral"
    log.error("could not notify Slack user %s by any route", reply.user)
    return "none"
