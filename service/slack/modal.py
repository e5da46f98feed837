"""The questionnaire as a Slack modal: building the view and reading a submission back."""

from __future__ import annotations

import math
import re
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from pydantic import ValidationError

from models.questionnaire import Questionnaire
from service.slack.questions import BY_NAME, DESCRIPTION_LIMIT, QUESTIONS, YES_NO, Question

CALLBACK_ID = "advisor_questionnaire"
METADATA_LIMIT = 3000
OPTION_TEXT_LIMIT = 75
ERROR_LIMIT = 150



def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def _short(text: str) -> str:
    """Slack's option texts stop at 75 characters: cut at a word and mark the cut."""
    if len(text) <= OPTION_TEXT_LIMIT:
        return text
    return text[: OPTION_TEXT_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _option(*, value: str, text: str, explanation: str) -> dict[str, Any]:
    option: dict[str, Any] = {"text": _plain(_short(text)), "value": value}
    if explanation:
        option["description"] = _plain(_short(explanation))
    return option


def _element(*, question: Question, prefill: str | None) -> dict[str, Any]:
    """The interactive element for one question."""
    name = question.name
    if question.kind in ("select", "yes_no"):
        choices = YES_NO if question.kind == "yes_no" else question.options
        return {"type": "static_select", "action_id": name,
                "placeholder": _plain("Choose one" if question.required else "Unknown"),
                "options": [_option(value=v, text=t, explanation=e) for v, t, e in choices]}
    if question.kind in ("integer", "decimal"):
        element: dict[str, Any] = {"type": "number_input", "action_id": name,
                                   "is_decimal_allowed": question.kind == "decimal"}
        for key, bound in (("min_value", question.minimum), ("max_value", question.maximum)):
            if bound is not None:
                element[key] = str(int(bound)) if question.kind == "integer" else str(bound)
        return element
    element = {"type": "plain_text_input", "action_id": name,
               "multiline": question.kind == "long_text"}
    if question.maximum is not None:
        element["max_length"] = int(question.maximum)
    if prefill:
        element["initial_value"] = prefill
    return element


def _input(*, question: Question, prefill: str | None) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input", "block_id": question.name, "optional": not question.required,
        "label": _plain(question.label), "element": _element(question=question, prefill=prefill),
    }
    if question.hint:
        block["hint"] = _plain(question.hint)
    return block


def _signer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt="advisor-slack-private-metadata")


def encode_metadata(
    *, channel: str | None, user: str | None, response_url: str | None, secret: str
) -> str:
    """Where to answer later, signed (HMAC) so a submission cannot redirect the answer; the
    response_url is dropped if it would break Slack's size limit."""
    text = _signer(secret).dumps({"channel": channel, "user": user, "response_url": response_url})
    if len(text) > METADATA_LIMIT:
        text = _signer(secret).dumps({"channel": channel, "user": user})
    return text


def decode_metadata(*, text: str | None, secret: str) -> dict[str, str]:
    """The routing data back; unsigned, forged or malformed metadata becomes empty."""
    try:
        data = _signer(secret).loads(text or "")
    except BadSignature:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def unescape_command_text(*, text: str) -> str:
    """Slash command text arrives with &, < and > escaped; the modal shows them as typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def build_view(*, description: str | None, metadata: str) -> dict[str, Any]:
    """The questionnaire modal: required answers first, then the optional ones under a header."""
    prefill = (description or "").strip()[:DESCRIPTION_LIMIT] or None
    blocks: list[dict[str, Any]] = [{
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "The first five answers are enough for a "
                      "recommendation; every extra answer sharpens it."}],
    }]
    blocks += [_input(question=q, prefill=None) for q in QUESTIONS if q.required]
    blocks += [
        {"type": "divider"},
        {"type": "header", "text": _plain("Optional details")},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "Leave blank whatever you "
                                          "do not know; the advisor treats it as unknown."}]},
    ]
    blocks += [
        _input(question=q, prefill=prefill if q.name == "description" else None)
        for q in QUESTIONS if not q.required
    ]
    return {
        "type": "modal", "callback_id": CALLBACK_ID, "title": _plain("Fine-tuning advisor"),
        "submit": _plain("Assess"), "close": _plain("Cancel"),
        "private_metadata": metadata, "blocks": blocks,
    }


def _raw_value(*, values: dict[str, Any], name: str) -> str | None:
    """The submitted string for one block, whatever element type carried it."""
    block = values.get(name)
    if not isinstance(block, dict) or not block:
        return None
    action = block.get(name) or next(iter(block.values()))
    if not isinstance(action, dict):
        return None
    selected = action.get("selected_option")
    if isinstance(selected, dict):
        value = selected.get("value")
        return value if isinstance(value, str) else None
    value = action.get("value")
    return value if isinstance(value, str) else None


def _convert(*, question: Question, raw: str) -> Any:
    """A typed answer from the submitted string; ValueError carries the user-facing message."""
    text = raw.strip()
    if not text:
        return None
    if question.kind == "yes_no":
        if text not in ("true", "false"):
            raise ValueError("Choose yes or no.")
        return text == "true"
    if question.kind == "integer":
        if not re.fullmatch(r"[+-]?\d{1,13}", text):
            raise ValueError("Enter a whole number.")
        return int(text)
    if question.kind == "decimal":
        try:
            number = float(text)
        except ValueError:
            raise ValueError("Enter a number.") from None
        if not math.isfinite(number):
            raise ValueError("Enter a finite number.")
        return number
    return raw if question.kind in ("text", "long_text") else text


def _message(*, error: dict[str, Any]) -> str:
    """A short, plain message for one pydantic error."""
    if error.get("type") == "missing":
        return "This answer is required."
    message = str(error.get("msg") or "Invalid value.")
    return message[:ERROR_LIMIT]


def parse_submission(*, values: dict[str, Any]) -> tuple[Questionnaire | None, dict[str, str]]:
    """The questionnaire, or per-block error messages for `response_action="errors"`."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in QUESTIONS:
        raw = _raw_value(values=values, name=question.name)
        if raw is None:
            continue
        try:
            value = _convert(question=question, raw=raw)
        except ValueError as err:
            errors[question.name] = str(err)
            continue
        if value is not None:
            answers[question.name] = value
    try:
        questionnaire = Questionnaire.model_validate(answers)
    except ValidationError as err:
        for item in err.errors():
            loc = item.get("loc") or ()
            field = str(loc[0]) if loc else ""
            block = field if field in BY_NAME else QUESTIONS[0].name
            errors.setdefault(block, _message(error=dict(item)))
        return None, errors
    if errors:
        return None, errors
    return questionnaire, {}
