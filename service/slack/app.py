"""The Bolt app: /advisor opens the questionnaire; a submission runs the assessment and posts it."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from models.questionnaire import Questionnaire
from service.assessment import Assessor
from service.audit_answers import AuditReferenceError
from service.config import Settings
from service.slack.audit import FindAudit, answer_audit, audit_request
from service.slack.blocks import REPORT_ACTION, clip, fallback_text, report_url, result_blocks
from service.slack.delivery import TIMEOUT_S, Reply, deliver, describe, notify
from service.slack.guard import ReplayGuard, quiet_bolt_logger
from service.slack.modal import (
    CALLBACK_ID,
    build_view,
    decode_metadata,
    encode_metadata,
    parse_submission,
    unescape_command_text,
)

log = logging.getLogger(__name__)

COMMAND = "/advisor"
HELP_WORDS = frozenset({"help", "-h", "--help", "?"})
USAGE = (
    "*/advisor* tells you whether prompting, retrieval (RAG), fine-tuning or a mix fits your "
    "use case, with the reasons and the sources behind it.\n"
    "• `/advisor` opens the questionnaire; five answers are enough.\n"
    "• `/advisor <what you are building>` opens it with your description filled in.\n"
    "• `/advisor audit <id>` shows a dataset audit's headline (audit a file at /audit).\n"
    "• `/advisor help` shows this message.\n"
    "The result is posted in the channel where you ran the command (privately to you if the "
    "app is not a member), with a link to the full report."
)
FAILED_ASSESSMENT = (
    "Sorry, the advisor could not finish this assessment, so nothing was stored. "
    "Please try `/advisor` again in a few minutes."
)


def missing_settings(*, settings: Settings) -> list[str]:
    """The Slack variables still unset, in the order the docs list them."""
    pairs = (("SLACK_SIGNING_SECRET", settings.slack_signing_secret),
             ("SLACK_BOT_TOKEN", settings.slack_bot_token))
    return [name for name, value in pairs if value is None or not value.get_secret_value()]


def web_client(*, settings: Settings) -> AsyncWebClient:
    """The Web API client; SLACK_API_URL points it elsewhere (a local fake in tests)."""
    if settings.slack_api_url:
        base = settings.slack_api_url.rstrip("/") + "/"
        return AsyncWebClient(base_url=base, timeout=TIMEOUT_S)
    return AsyncWebClient(timeout=TIMEOUT_S)


async def open_questionnaire(
    *, client: AsyncWebClient, command: dict[str, Any], text: str, settings: Settings
) -> None:
    """views.open with the command's trigger_id; on failure, tell the user instead of raising."""
    reply = Reply.checked(channel=command.get("channel_id"), user=command.get("user_id"),
                          response_url=command.get("response_url"),
                          allowed_prefix=settings.slack_response_url_prefix)
    view = build_view(
        description=unescape_command_text(text=text),
        metadata=encode_metadata(channel=reply.channel, user=reply.user,
                                 response_url=reply.response_url, secret=_secret(settings)),
    )
    try:
        await client.views_open(trigger_id=str(command.get("trigger_id") or ""), view=view)
    except Exception as err:  # Slack down, expired trigger, bad token: all end the same way
        log.warning("views.open failed: %s", describe(error=err))
        await notify(client=client, reply=reply,
                     text="Sorry, the questionnaire could not be opened. Please run `/advisor` "
                     "again.")


async def assess_and_post(
    *, assessor: Assessor, questionnaire: Questionnaire, client: AsyncWebClient, reply: Reply,
    public_url: str, user: str | None = None,
) -> str:
    """The /assess pipeline (stored with source "slack"), then the result as Block Kit."""
    try:
        doc = await assessor.assess(questionnaire=questionnaire, source="slack",
                                    caller=f"slack:{user}" if user else "slack")
    except AuditReferenceError as err:
        return await notify(client=client, reply=reply, text=clip(text=err.message, limit=600))
    except Exception:  # database or model failure: the user hears about it, the log has detail
        log.exception("assessment requested from Slack failed")
        return await notify(client=client, reply=reply, text=FAILED_ASSESSMENT)
    url = report_url(public_url=public_url, assessment_id=doc.id)
    try:
        text = fallback_text(doc=doc, url=url)
        blocks = result_blocks(doc=doc, public_url=public_url)
    except Exception:  # a document the renderer cannot read still gets its link through
        log.exception("could not render assessment %s for Slack", doc.id)
        text = f"Your assessment is ready: {url}"
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"<{url}|{text}>"}}]
    return await deliver(
        client=client, reply=reply, text=text, blocks=blocks,
        error_text=f"Your assessment is stored, but it could not be posted here. Read it at {url}",
    )


def _secret(settings: Settings) -> str:
    assert settings.slack_signing_secret is not None
    return settings.slack_signing_secret.get_secret_value()


def submission_handler(*, settings: Settings, assessor: Assessor) -> Any:
    """The view_submission listener, with its own replay memory."""
    guard = ReplayGuard()

    # Bolt injects by parameter name, so these parameters cannot be keyword-only.
    async def on_submission(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient,
        request: AsyncBoltRequest,
    ) -> None:
        """Errors go back into the modal; a valid questionnaire closes it and is assessed once."""
        values = (view.get("state") or {}).get("values") or {}
        questionnaire, errors = parse_submission(values=values)
        if questionnaire is None:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        key = ReplayGuard.key(view_id=str(view.get("id") or ""), view_hash=view.get("hash"),
                              body=request.raw_body.encode())
        if not guard.first(key=key):
            log.warning("a replayed Slack submission was ignored (view %s)", view.get("id"))
            return
        meta = decode_metadata(text=view.get("private_metadata"), secret=_secret(settings))
        user = (body.get("user") or {}).get("id") or meta.get("user")
        reply = Reply.checked(channel=meta.get("channel"), user=user,
                              response_url=meta.get("response_url"),
                              allowed_prefix=settings.slack_response_url_prefix)
        await assess_and_post(assessor=assessor, questionnaire=questionnaire, client=client,
                              reply=reply, public_url=settings.public_url, user=user)

    return on_submission


async def answer_command(
    *, client: AsyncWebClient, command: dict[str, Any], text: str, settings: Settings,
    find_audit: FindAudit | None,
) -> None:
    """`audit <id>` gets the audit's headline; any other text opens the questionnaire."""
    audit_id = audit_request(text=text)
    if audit_id is None:
        await open_questionnaire(client=client, command=command, text=text, settings=settings)
        return
    reply = Reply.checked(channel=command.get("channel_id"), user=command.get("user_id"),
                          response_url=command.get("response_url"),
                          allowed_prefix=settings.slack_response_url_prefix)
    await answer_audit(client=client, reply=reply, audit_id=audit_id, find=find_audit,
                       public_url=settings.public_url)


def build_app(*, settings: Settings, assessor: Assessor, find_audit: FindAudit | None = None,
              ) -> AsyncApp:
    """A Bolt app that verifies every request's signature and never calls Slack to authorize."""
    missing = missing_settings(settings=settings)
    if missing:
        raise ValueError(f"Slack is not configured; set {' and '.join(missing)}")
    assert settings.slack_signing_secret is not None and settings.slack_bot_token is not None
    bot_token = settings.slack_bot_token.get_secret_value()

    # Bolt injects arguments by parameter name and only sees positional-or-keyword parameters
    # (inspect.getfullargspec().args), so these callbacks cannot be keyword-only.
    async def authorize(
        enterprise_id: str | None, team_id: str | None, user_id: str | None,
    ) -> AuthorizeResult:
        """The configured bot token as-is: no auth.test round trip, so no network is needed."""
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id,
                               bot_token=bot_token)

    app = AsyncApp(
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        authorize=authorize,
        client=web_client(settings=settings),
        request_verification_enabled=True,
        logger=quiet_bolt_logger(),
        name="advisor",
    )

    async def on_command(ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient) -> None:
        """Ack at once (Slack allows 3 s), then open the modal, show the usage or an audit."""
        text = str(command.get("text") or "").strip()
        if text.lower() in HELP_WORDS:
            await ack(response_type="ephemeral", text=USAGE)
            return
        await ack()
        await answer_command(client=client, command=command, text=text, settings=settings,
                             find_audit=find_audit)

    on_submission = submission_handler(settings=settings, assessor=assessor)

    async def on_report_click(ack: AsyncAck) -> None:
        """Link buttons still send an interaction; acknowledging it avoids a warning icon."""
        await ack()

    app.command(COMMAND)(on_command)
    app.view(CALLBACK_ID)(on_submission)
    app.action(REPORT_ACTION)(on_report_click)
    return app
