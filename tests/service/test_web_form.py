"""The intake form's questions and how submitted strings become a validated Questionnaire."""

from __future__ import annotations

import time
from enum import Enum
from typing import Any, get_args
from urllib.parse import parse_qsl, urlsplit

import pytest

from models.questionnaire import Questionnaire
from service.web.fields import ALL_FIELDS, OPTIONAL, REQUIRED, defaults
from service.web.form import REQUIRED_MESSAGE, parse
from service.web.view import form_link

VALID = {
    "task_narrowness": "narrow", "knowledge_freshness": "monthly", "requests_per_day": "40000",
    "mlops_capacity": "dedicated", "risk_domain": "general",
}


def constraint(*, name: str, key: str) -> Any:
    """A numeric bound as the Questionnaire model declares it."""
    for item in Questionnaire.model_fields[name].metadata:
        if hasattr(item, key):
            return getattr(item, key)
    return None


def test_form_asks_every_questionnaire_field_once() -> None:
    names = [spec.name for spec in ALL_FIELDS]
    assert len(names) == len(set(names))
    assert set(names) == set(Questionnaire.model_fields)


def test_required_questions_come_first_and_match_the_model() -> None:
    required = {name for name, info in Questionnaire.model_fields.items() if info.is_required()}
    assert {spec.name for spec in REQUIRED} == required
    assert all(spec.required for spec in REQUIRED)
    assert not any(spec.required for spec in OPTIONAL)
    assert list(ALL_FIELDS[: len(REQUIRED)]) == list(REQUIRED)


def test_html_bounds_follow_the_model() -> None:
    for spec in ALL_FIELDS:
        if spec.kind in ("integer", "decimal"):
            assert spec.minimum == constraint(name=spec.name, key="ge"), spec.name
            assert spec.maximum == constraint(name=spec.name, key="le"), spec.name
        if spec.kind in ("text", "textarea"):
            assert spec.max_length == constraint(name=spec.name, key="max_length"), spec.name


def test_choices_are_exactly_the_contract_values() -> None:
    for spec in ALL_FIELDS:
        if spec.kind != "select":
            continue
        annotation = Questionnaire.model_fields[spec.name].annotation
        enums = [t for t in (get_args(annotation) or (annotation,))
                 if isinstance(t, type) and issubclass(t, Enum)]
        offered = {choice.value for choice in spec.choices if choice.value}
        assert offered == {member.value for member in enums[0]}, spec.name


def test_a_blank_form_is_not_a_valid_questionnaire() -> None:
    submission = parse(form=defaults())
    assert submission.questionnaire is None
    assert set(submission.errors) == {spec.name for spec in REQUIRED if not spec.default}
    assert all(message == REQUIRED_MESSAGE for message in submission.errors.values())


def test_required_answers_alone_are_enough() -> None:
    submission = parse(form=VALID)
    assert submission.errors == {}
    assert submission.questionnaire is not None
    assert submission.questionnaire.requests_per_day == 40000
    assert submission.questionnaire.primary_gap is None


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("requests_per_day", "40,000", 40000),
        ("requests_per_day", " 1 000 ", 1000),
        ("requests_per_day", "1e3", 1000),
        ("requests_per_day", "12.0", 12),
        ("prompt_baseline_score", "0.72", 0.72),
        ("prompt_baseline_score", "0,72", 0.72),
        ("prompt_baseline_score", "72%", 0.72),
        ("prompt_baseline_score", "1", 1.0),
        ("needs_private_context", "yes", True),
        ("success_metric_defined", "no", False),
        ("needs_private_context", "", None),
        ("latency_budget_ms", "800", 800),
        ("project_name", "   ", None),
    ],
)
def test_typed_values(name: str, text: str, expected: Any) -> None:
    submission = parse(form={**VALID, name: text})
    assert submission.errors == {}
    assert submission.questionnaire is not None
    value = getattr(submission.questionnaire, name)
    assert value == pytest.approx(expected) if isinstance(expected, float) else value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("requests_per_day", "2000000000", "at most 1,000,000,000"),
        ("requests_per_day", "-1", "at least 0"),
        ("requests_per_day", "2.5", "whole number"),
        ("requests_per_day", "lots", "Enter a number"),
        ("labeled_examples", "100000001", "at most 100,000,000"),
        ("latency_budget_ms", "0", "at least 1"),
        ("prompt_baseline_score", "1.5", "at most 1"),
        ("prompt_baseline_score", "NaN", "finite"),
        ("needs_private_context", "maybe", "yes, no"),
        ("task_narrowness", "tiny", "listed options"),
        ("project_name", "x" * 201, "at most 200 characters"),
        ("description", "y" * 4001, "at most 4,000 characters"),
        ("description", "nul\x00byte", "NUL"),
    ],
)
def test_errors_are_tied_to_their_field(name: str, text: str, fragment: str) -> None:
    submission = parse(form={**VALID, name: text})
    assert submission.questionnaire is None
    assert list(submission.errors) == [name]
    assert fragment in submission.errors[name]
    assert submission.values[name] == text


def test_huge_exponents_are_refused_without_building_the_number() -> None:
    started = time.perf_counter()
    submission = parse(form={**VALID, "requests_per_day": "1e999999999"})
    assert time.perf_counter() - started < 1.0
    assert "at most" in submission.errors["requests_per_day"]


def test_browser_line_breaks_count_once() -> None:
    text = ("a" * 98 + "\r\n") * 40  # 4,000 characters once CRLF becomes LF
    submission = parse(form={**VALID, "description": text})
    assert submission.errors == {}
    assert submission.questionnaire is not None
    assert submission.questionnaire.description == text.replace("\r\n", "\n")


def test_unknown_keys_are_ignored_and_every_answer_is_kept() -> None:
    form = {**VALID, "requests_per_day": "-5", "project_name": "Keep me", "csrf": "x"}
    submission = parse(form=form)
    assert "csrf" not in submission.values
    assert submission.values["project_name"] == "Keep me"
    assert submission.values["task_narrowness"] == "narrow"


def test_prefill_link_round_trips_the_answers() -> None:
    example = Questionnaire.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    original = Questionnaire.model_validate(example)
    link = form_link(answers=original.model_dump(mode="json", exclude_none=True))
    query = dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))
    submission = parse(form=query)
    assert submission.questionnaire == original
