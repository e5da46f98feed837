"""The questionnaire modal: what it offers, and how a submission becomes a Questionnaire."""

from __future__ import annotations

import json
import secrets
from enum import StrEnum
from typing import Any

import pytest

from models import questionnaire as qmod
from models.questionnaire import REQUIRED_FIELDS, Questionnaire
from service.slack.modal import (
    build_view,
    decode_metadata,
    encode_metadata,
    parse_submission,
    unescape_command_text,
)
from tests.service.slack_support import SECRET, state_values
from tests.support import answers

REQUIRED = list(REQUIRED_FIELDS)
FULL: dict[str, Any] = answers(full=True, risk_domain="finance", project_name="Ticket triage",
                               description="Route billing tickets to one of twelve queues.")


def view(description: str | None = None) -> dict[str, Any]:
    return build_view(description=description,
                      metadata=encode_metadata(channel="C1", user="U1", response_url="https://x/y",
                                               secret=SECRET))


def inputs(v: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["block_id"]: b for b in v["blocks"] if b["type"] == "input"}


def test_every_field_is_an_input_with_required_ones_first() -> None:
    v = view()
    assert v["type"] == "modal" and len(v["title"]["text"]) <= 24 and len(v["blocks"]) <= 100
    blocks = v["blocks"]
    assert set(inputs(v)) == set(Questionnaire.model_fields)
    order = [b.get("block_id") for b in blocks]
    header = next(i for i, b in enumerate(blocks) if b["type"] == "header")
    assert blocks[header - 1]["type"] == "divider"
    assert all(order.index(name) < header for name in REQUIRED)
    for block in blocks[header:]:
        if block["type"] == "input":
            assert block["optional"] is True and block["block_id"] not in REQUIRED
    assert all(inputs(v)[name]["optional"] is False for name in REQUIRED)


def test_selects_offer_exactly_the_contract_values_and_numbers_use_number_inputs() -> None:
    found = inputs(view())
    for name, info in Questionnaire.model_fields.items():
        element = found[name]["element"]
        enum = next((a for a in getattr(info.annotation, "__args__", (info.annotation,))
                     if isinstance(a, type) and issubclass(a, StrEnum)), None)
        if enum is not None:
            assert element["type"] == "static_select"
            assert [o["value"] for o in element["options"]] == [m.value for m in enum]
            assert all(len(o["text"]["text"]) <= 75 for o in element["options"])
    assert found["requests_per_day"]["element"]["type"] == "number_input"
    assert found["requests_per_day"]["element"]["is_decimal_allowed"] is False
    assert found["requests_per_day"]["element"]["max_value"] == "1000000000"
    assert found["prompt_baseline_score"]["element"]["is_decimal_allowed"] is True
    assert found["latency_budget_ms"]["element"]["min_value"] == "1"
    assert found["description"]["element"]["multiline"] is True
    yes_no = found["needs_private_context"]["element"]["options"]
    assert {o["value"] for o in yes_no} == {"true", "false"}
    domains = [o["value"] for o in found["risk_domain"]["element"]["options"]]
    assert qmod.RiskDomain.web3.value in domains


def test_prefill_and_metadata() -> None:
    text = unescape_command_text(text="Summarise &lt;contracts&gt; &amp; flag risks")
    assert text == "Summarise <contracts> & flag risks"
    v = view(text)
    assert inputs(v)["description"]["element"]["initial_value"] == text
    assert "initial_value" not in inputs(view())["description"]["element"]
    long = "x" * 5000
    assert len(inputs(view(long))["description"]["element"]["initial_value"]) == 4000
    assert decode_metadata(text=v["private_metadata"], secret=SECRET) == {
        "channel": "C1", "user": "U1", "response_url": "https://x/y"}
    noise = "https://x/" + secrets.token_hex(2000)  # incompressible, so over the limit
    huge = encode_metadata(channel="C1", user="U1", response_url=noise, secret=SECRET)
    assert len(huge) <= 3000
    assert decode_metadata(text=huge, secret=SECRET) == {"channel": "C1", "user": "U1"}
    assert decode_metadata(text="not json", secret=SECRET) == {}
    assert decode_metadata(text="[1]", secret=SECRET) == {}


@pytest.mark.parametrize("answers", [FULL, {k: FULL[k] for k in REQUIRED}],
                         ids=["full", "required"])
def test_a_valid_submission_becomes_the_same_questionnaire(answers: dict[str, Any]) -> None:
    v = view()
    questionnaire, errors = parse_submission(values=state_values(view=v, answers=answers))
    assert errors == {}
    assert questionnaire == Questionnaire.model_validate(answers)


def test_blank_optional_text_means_unknown() -> None:
    answers = dict({k: FULL[k] for k in REQUIRED}, description="   ", project_name="")
    questionnaire, errors = parse_submission(values=state_values(view=view(), answers=answers))
    assert errors == {} and questionnaire is not None
    assert questionnaire.description is None and questionnaire.project_name is None


@pytest.mark.parametrize(
    ("changes", "block", "fragment"),
    [
        ({"requests_per_day": None}, "requests_per_day", "required"),
        ({"requests_per_day": "12.5"}, "requests_per_day", "whole number"),
        ({"requests_per_day": "2000000000"}, "requests_per_day", "less than or equal"),
        ({"latency_budget_ms": "0"}, "latency_budget_ms", "greater than or equal"),
        ({"prompt_baseline_score": "1.5"}, "prompt_baseline_score", "less than or equal"),
        ({"prompt_baseline_score": "nan"}, "prompt_baseline_score", "finite"),
        ({"risk_domain": "crypto"}, "risk_domain", "Input should be"),
        ({"needs_private_context": "maybe"}, "needs_private_context", "yes or no"),
        ({"project_name": "n" * 201}, "project_name", "at most 200"),
        ({"description": "bad\x00byte"}, "description", "NUL"),
    ],
)
def test_invalid_answers_come_back_per_block(changes: dict[str, Any], block: str,
                                             fragment: str) -> None:
    v = view()
    values = state_values(view=v, answers={**FULL, **changes})
    questionnaire, errors = parse_submission(values=values)
    assert questionnaire is None
    assert fragment in errors[block], errors
    assert set(errors) <= set(inputs(v)), "Slack rejects errors for unknown block ids"
    assert all(0 < len(message) <= 150 for message in errors.values())


def test_several_errors_at_once() -> None:
    answers = {**FULL, "latency_budget_ms": "0", "labeled_examples": "-3", "mlops_capacity": None}
    _, errors = parse_submission(values=state_values(view=view(), answers=answers))
    assert set(errors) == {"latency_budget_ms", "labeled_examples", "mlops_capacity"}


def test_garbage_state_never_raises() -> None:
    for values in ({}, {"requests_per_day": "x"}, {"requests_per_day": {"a": 3}},
                   json.loads('{"risk_domain": {"risk_domain": {"selected_option": 5}}}')):
        questionnaire, errors = parse_submission(values=values)
        assert questionnaire is None and errors
