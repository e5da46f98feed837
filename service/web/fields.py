"""The intake form's questions, generated from the questionnaire's declaration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.asking import Choice, FieldSpec
from models.questionnaire import FIELDS

Kind = Literal["select", "tristate", "integer", "decimal", "text", "textarea"]
KINDS: dict[str, Kind] = {
    "choice": "select", "boolean": "tristate", "integer": "integer", "decimal": "decimal",
    "text": "text", "long_text": "textarea",
}


@dataclass(frozen=True)
class FormField:
    """How one questionnaire field is asked, constrained and explained on the form."""

    name: str
    label: str
    help: str
    kind: Kind
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    max_length: int | None = None
    default: str = ""
    placeholder: str = ""


UNKNOWN = Choice(value="", name="Not sure / unknown")
PICK_ONE = Choice(value="", name="Choose one…")
TRISTATE = (UNKNOWN, Choice(value="yes", name="Yes"), Choice(value="no", name="No"))


def _whole(value: float | None) -> int | float | None:
    """Bounds as people write them: 1, not 1.0."""
    return int(value) if value is not None and float(value).is_integer() else value


def _choices(*, spec: FieldSpec) -> tuple[Choice, ...]:
    """A select's options: a blank first entry unless the field has a safe default."""
    if spec.kind == "boolean":
        return TRISTATE
    if spec.kind != "choice":
        return ()
    first = () if spec.ask.form_default else (PICK_ONE if spec.required else UNKNOWN,)
    return first + spec.ask.choices


def form_field(*, spec: FieldSpec) -> FormField:
    """One declared questionnaire field as a form question."""
    return FormField(
        name=spec.name, label=spec.label, help=spec.ask.help, kind=KINDS[spec.kind],
        required=spec.required, choices=_choices(spec=spec), minimum=_whole(spec.minimum),
        maximum=_whole(spec.maximum), max_length=spec.max_length, default=spec.ask.form_default,
        placeholder=spec.ask.placeholder,
    )


ALL_FIELDS: tuple[FormField, ...] = tuple(form_field(spec=spec) for spec in FIELDS)
REQUIRED: tuple[FormField, ...] = tuple(f for f in ALL_FIELDS if f.required)
OPTIONAL: tuple[FormField, ...] = tuple(f for f in ALL_FIELDS if not f.required)
BY_NAME: dict[str, FormField] = {field.name: field for field in ALL_FIELDS}


def defaults() -> dict[str, str]:
    """The blank form's values: only pre-answers that are safe to assume."""
    return {field.name: field.default for field in ALL_FIELDS}
