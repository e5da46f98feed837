"""The questionnaire's fields as modal inputs, generated from its declaration, in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.asking import FieldSpec
from models.questionnaire import BY_NAME as FIELD_SPECS
from models.questionnaire import FIELDS

Kind = Literal["select", "yes_no", "integer", "decimal", "text", "long_text"]
KINDS: dict[str, Kind] = {
    "choice": "select", "boolean": "yes_no", "integer": "integer", "decimal": "decimal",
    "text": "text", "long_text": "long_text",
}


@dataclass(frozen=True)
class Question:
    """One questionnaire field as a modal input; `name` is both block_id and action_id."""

    name: str
    label: str
    hint: str
    kind: Kind
    # (value, name, explanation) per option, in the contract's order.
    options: tuple[tuple[str, str, str], ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False


def question(*, spec: FieldSpec) -> Question:
    """One declared questionnaire field as a modal input."""
    maximum = spec.max_length if spec.max_length is not None else spec.maximum
    return Question(
        name=spec.name, label=spec.label, hint=spec.ask.help, kind=KINDS[spec.kind],
        options=tuple((c.value, c.name, c.explanation) for c in spec.ask.choices),
        minimum=spec.minimum, maximum=maximum, required=spec.required,
    )


QUESTIONS: tuple[Question, ...] = tuple(question(spec=spec) for spec in FIELDS)
BY_NAME = {q.name: q for q in QUESTIONS}
DESCRIPTION_LIMIT = FIELD_SPECS["description"].max_length or 4000
YES_NO = (("true", "Yes", ""), ("false", "No", ""))
