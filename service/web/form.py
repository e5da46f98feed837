"""Turn the submitted form's strings into a validated Questionnaire, or field-by-field errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from service.web.fields import ALL_FIELDS, BY_NAME, FormField

REQUIRED_MESSAGE = "This question is required: choose or enter an answer."


class FieldError(ValueError):
    """A form value that cannot become the type its questionnaire field needs."""


@dataclass
class Submission:
    """What the user typed (kept verbatim for re-rendering) and what it became."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    questionnaire: Questionnaire | None = None


def raw_values(*, form: Mapping[str, Any]) -> dict[str, str]:
    """Every known field's submitted text; unknown keys and file uploads are ignored."""
    values = {}
    for spec in ALL_FIELDS:
        value = form.get(spec.name)
        text = value if isinstance(value, str) else ""
        # Browsers submit textarea line breaks as CRLF; the character limit counts one each.
        values[spec.name] = text.replace("\r\n", "\n").replace("\r", "\n")
    return values


def _number(*, text: str, spec: FormField) -> Decimal:
    """Parse a number the way people type it: spaces, underscores and thousands commas allowed."""
    cleaned = text.strip().replace(" ", "").replace("_", "").replace("\u00a0", "")
    if spec.kind == "decimal" and "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    percent = spec.kind == "decimal" and cleaned.endswith("%")
    try:
        number = Decimal(cleaned.removesuffix("%"))
    except InvalidOperation:
        raise FieldError("Enter a number, such as " + _example(spec=spec) + ".") from None
    if not number.is_finite():
        raise FieldError("Enter a finite number.")
    return number / 100 if percent else number


def _example(*, spec: FormField) -> str:
    """A valid sample value for error messages."""
    return "0.72" if spec.kind == "decimal" else "5000"


def convert(*, spec: FormField, text: str) -> Any:
    """One field's text as its typed value; an empty answer means unknown (None)."""
    if spec.kind in ("text", "textarea"):
        return text if text.strip() else None
    stripped = text.strip()
    if not stripped:
        return None
    if spec.kind == "tristate":
        if stripped not in ("yes", "no"):
            raise FieldError("Choose yes, no, or not sure.")
        return stripped == "yes"
    if spec.kind not in ("integer", "decimal"):
        return stripped
    number = _number(text=stripped, spec=spec)
    _check_range(number=number, spec=spec)
    if spec.kind == "decimal":
        return float(number)
    if number != number.to_integral_value():
        raise FieldError("Enter a whole number, without decimals.")
    return int(number)


def _check_range(*, number: Decimal, spec: FormField) -> None:
    """Refuse out-of-range numbers before converting, so a huge exponent never becomes an int."""
    if spec.minimum is not None and number < spec.minimum:
        raise FieldError(f"Must be at least {_plain(value=spec.minimum)}.")
    if spec.maximum is not None and number > spec.maximum:
        raise FieldError(f"Must be at most {_plain(value=spec.maximum)}.")


def friendly(*, error: Mapping[str, Any]) -> str:
    """A pydantic error in words a form user understands."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return REQUIRED_MESSAGE
    if kind in ("greater_than_equal", "greater_than"):
        return f"Must be at least {_plain(value=ctx.get('ge', ctx.get('gt')))}."
    if kind in ("less_than_equal", "less_than"):
        return f"Must be at most {_plain(value=ctx.get('le', ctx.get('lt')))}."
    if kind == "string_too_long":
        return f"Use at most {_plain(value=ctx.get('max_length'))} characters."
    if kind == "enum":
        return "Choose one of the listed options."
    message = str(error.get("msg", "Invalid value."))
    return message.removeprefix("Value error, ")


def _plain(*, value: Any) -> str:
    """Numbers with thousands separators, everything else as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def parse(*, form: Mapping[str, Any]) -> Submission:
    """Validate a submission with the same Questionnaire model the JSON API uses."""
    values = raw_values(form=form)
    submission = Submission(values=values)
    typed: dict[str, Any] = {}
    for name, text in values.items():
        spec = BY_NAME[name]
        try:
            value = convert(spec=spec, text=text)
        except FieldError as exc:
            submission.errors[name] = str(exc)
            continue
        if value is None and spec.required:
            submission.errors[name] = REQUIRED_MESSAGE
        elif value is not None:
            typed[name] = value
    try:
        questionnaire = Questionnaire.model_validate(typed)
    except ValidationError as exc:
        for error in exc.errors():
            loc = error.get("loc") or ("",)
            name = str(loc[0])
            if name in BY_NAME and name not in submission.errors:
                submission.errors[name] = friendly(error=error)
        if not submission.errors:
            submission.errors["__all__"] = "The answers could not be validated."
        return submission
    if not submission.errors:
        submission.questionnaire = questionnaire
    return submission
