"""From labelled cases to the numbers the scorer fits: references, answer distribution, design.

What the training cases say about answers becomes part of the model (and of the artifact):
- `reference`: per feature, the encoding an unknown answer is read as (`models/features.py`);
- `answer_distribution`: per optional answer, the values the cases gave and how often, which
  rule conditions spread an unknown answer over (its expected effect).
The design matrix is read through the same `models.scoring.Reader` the advisor scores with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from models.features import ANSWER_FIELDS, MODEL_FEATURES, OPTIONAL_FIELDS, reference_encoding
from models.metrics import targets
from models.questionnaire import BY_NAME, Questionnaire
from models.rules import rule_table
from models.scoring import Reader
from models.vocabulary import APPROACHES


@dataclass(frozen=True)
class Design:
    """Features, fixed rule offsets and 0/1 targets, one row per case, one column per approach."""

    x: NDArray[np.float64]
    offset: NDArray[np.float64]
    y: NDArray[np.float64]


def plain_answers(*, case: dict[str, Any]) -> dict[str, Any]:
    """A case's scored answers as plain values, None when unknown (validated first)."""
    q = Questionnaire.model_validate(case["questionnaire"]).model_dump(mode="json")
    return {field: q.get(field) for field in ANSWER_FIELDS}


def _order(*, field: str, value: Any) -> tuple[int, Any]:
    """Choices in their declared order, booleans false first, numbers ascending."""
    choices = [c.value for c in BY_NAME[field].ask.choices]
    if choices:
        return (choices.index(value), 0)
    return (0, value)


def answer_distribution(*, cases: Sequence[dict[str, Any]]) -> dict[str, list[list[Any]]]:
    """Per optional answer, [value, count] for every value the cases gave, in a stable order."""
    out: dict[str, list[list[Any]]] = {}
    for field in OPTIONAL_FIELDS:
        counts = Counter(c["questionnaire"][field] for c in cases
                         if c["questionnaire"].get(field) is not None)
        ordered = sorted(counts, key=lambda v: _order(field=field, value=v))
        out[field] = [[value, counts[value]] for value in ordered]
    return out


def references(*, cases: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Per answer feature, the encoding an unknown (or reference) answer stands for."""
    out: dict[str, float] = {}
    for field in ANSWER_FIELDS:
        seen = [c["questionnaire"][field] for c in cases
                if c["questionnaire"].get(field) is not None]
        out.update(reference_encoding(field=field, seen=seen))
    return {name: round(value, 6) + 0.0 for name, value in out.items()}


def reader_for(*, cases: Sequence[dict[str, Any]]) -> Reader:
    """A reader whose references and answer distribution come from these cases."""
    seen = {f: [(v, float(n)) for v, n in pairs]
            for f, pairs in answer_distribution(cases=cases).items()}
    return Reader(reference=references(cases=cases), distribution=seen, rules=rule_table())


def design(*, cases: Sequence[dict[str, Any]], reader: Reader) -> Design:
    """Rows of features (MODEL_FEATURES order), rule offsets and best-answer targets."""
    rows, offsets, wanted = [], [], []
    for case in cases:
        reading = reader.read(answers=plain_answers(case=case))
        rows.append([reading.features[name] for name in MODEL_FEATURES])
        offsets.append([reading.offset(approach=a) for a in APPROACHES])
        wanted.append([targets(label=case["label"])[a] for a in APPROACHES])
    return Design(x=np.asarray(rows, dtype=float), offset=np.asarray(offsets, dtype=float),
                  y=np.asarray(wanted, dtype=float))
