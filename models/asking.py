"""How a questionnaire field is asked and explained, attached to the field where it is declared.

`models/questionnaire.py` annotates every field with an `Ask`: its label and help text, the
explanation of each choice, how a what-if may change it, and how such a change reads. `specs()`
reads those annotations back together with the field's type, bounds and whether it is required,
so the intake form, the Slack modal, the what-if search and the report's answers table are all
generated from the one declaration.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

Kind = Literal["choice", "boolean", "integer", "decimal", "text", "long_text"]
Answer = bool | int | float | str | None


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice field, a short name and what it means."""

    value: str
    name: str
    explanation: str = ""

    @property
    def label(self) -> str:
        """Name and explanation together, as the form lists it."""
        return f"{self.name}: {self.explanation}" if self.explanation else self.name


# Every what-if rule names the approaches its answer bears on: a what-if on that field is only
# offered when the change it causes adds or drops one of them (more labelled examples may turn
# prompting into fine-tuning, never into retrieval).


@dataclass(frozen=True)
class Steps:
    """What-ifs try every other choice; on a scale the cost grows with the steps moved."""

    weight: float
    ordered: bool
    bears_on: tuple[str, ...]


@dataclass(frozen=True)
class Toggle:
    """What-ifs try the other boolean; the costs say how plausible each direction is."""

    to_true: float
    to_false: float
    bears_on: tuple[str, ...]


@dataclass(frozen=True)
class Ladder:
    """What-ifs try these values; cost per decade (counts) or per quarter point (scores)."""

    steps: tuple[float, ...]
    weight: float
    bears_on: tuple[str, ...]


WhatIfRule = Steps | Toggle | Ladder


@dataclass(frozen=True)
class Ask:
    """Everything people see about one field, declared beside its type and bounds."""

    label: str
    help: str = ""
    # What the answer is about, as a noun phrase for sentences ("the daily request volume").
    topic: str = ""
    choices: tuple[Choice, ...] = ()
    placeholder: str = ""
    form_default: str = ""
    multiline: bool = False
    what_if: WhatIfRule | None = None
    # How "field = value" reads in a what-if: per value, or a format string with {value}.
    phrase: Mapping[Answer, str] | str = field(default_factory=dict)


@dataclass(frozen=True)
class FieldSpec:
    """One questionnaire field, as every channel needs it."""

    name: str
    kind: Kind
    required: bool
    ask: Ask
    enum: type[StrEnum] | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None

    @property
    def label(self) -> str:
        """The question as people read it."""
        return self.ask.label

    def choice_name(self, *, value: Any) -> str | None:
        """The short name of a chosen value, or None when the value is not a choice."""
        return next((c.name for c in self.ask.choices if c.value == str(value)), None)

    def say(self, *, value: Any) -> str:
        """An answer as people read it: unknown, yes/no, a choice's name, or a grouped number."""
        if value is None:
            return "unknown"
        if isinstance(value, bool):
            return "yes" if value else "no"
        name = self.choice_name(value=value)
        if name is not None:
            return name
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)

    def phrase(self, *, value: Answer) -> str:
        """A short reading of 'this field = value', for what-if messages."""
        phrase = self.ask.phrase
        if isinstance(phrase, str):
            return phrase.format(value=value)
        if value in phrase:
            return phrase[value]
        return f"with {self.name} = {value}"


def _base_type(*, annotation: Any) -> Any:
    """The field's type without `None` (optional answers are `X | None`)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _kind(*, base: Any, ask: Ask) -> Kind:
    if isinstance(base, type) and issubclass(base, StrEnum):
        return "choice"
    if base is bool:
        return "boolean"
    if base is int:
        return "integer"
    if base is float:
        return "decimal"
    return "long_text" if ask.multiline else "text"


def _spec(*, name: str, info: FieldInfo) -> FieldSpec:
    """Read one field's declaration back from its annotation and constraints."""
    asks = [item for item in info.metadata if isinstance(item, Ask)]
    if len(asks) != 1:
        raise TypeError(f"questionnaire field {name} needs exactly one Ask annotation")
    ask = asks[0]
    base = _base_type(annotation=info.annotation)
    kind = _kind(base=base, ask=ask)
    bounds: dict[str, Any] = {}
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            bounds["minimum"] = item.ge
        elif isinstance(item, annotated_types.Le):
            bounds["maximum"] = item.le
        elif isinstance(item, annotated_types.MaxLen):
            bounds["max_length"] = item.max_length
    enum = base if kind == "choice" else None
    if enum is not None and [c.value for c in ask.choices] != [m.value for m in enum]:
        raise TypeError(f"questionnaire field {name}: choices must list {enum.__name__} in order")
    return FieldSpec(name=name, kind=kind, required=info.is_required(), ask=ask, enum=enum,
                     **bounds)


def specs(*, model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """Every field of a questionnaire model, in declaration order."""
    return tuple(_spec(name=name, info=info) for name, info in model.model_fields.items())
