"""Unanswered questions whose answer would change the recommendation, most decisive first.

An unknown answer contributes nothing learned and only its expected share to the rules, so the
recommendation stands on what is known. What the team should find out next is each scored
question still open whose answer could change it. For each one, every answer the training cases
gave (with how often they gave it) is tried on the real model, holding all else fixed (all in one
batch, `Advisor.decide_many`):
- `would_change_to`: each answer that changes the recommendation, and to what (numbers grouped
  into runs of neighbouring values that lead to the same recommendation);
- `share`: the share of the cases' answers to that question that would change it. The list is
  ordered by share, largest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from models.features import OPTIONAL_FIELDS, answers_of
from models.questionnaire import BY_NAME, Questionnaire
from models.vocabulary import APPROACH_NAMES, Recommendation

if TYPE_CHECKING:
    from models.advisor import Advisor


class OpenQuestion(BaseModel):
    """One unanswered question, what its answers would change the recommendation to, how often."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "field": "needs_private_context",
                    "question": "Do answers need private context at request time?",
                    "would_change_to": {"true": "rag"},
                    "share": 0.42,
                    "message": "Do answers need private context at request time? yes → "
                    "Retrieval (RAG).",
                }
            ]
        },
    )

    field: str
    question: str = Field(description="the question as the form asks it")
    would_change_to: dict[str, Recommendation] = Field(
        description="each answer (or run of numbers) that changes the recommendation, and to what"
    )
    share: float = Field(
        ge=0, le=1,
        description="share of the training cases' answers to this question that would change it",
    )
    message: str


def _key(*, value: Any) -> str:
    """An answer as a JSON object key (booleans as true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _tried(*, field: str, advisor: Advisor) -> list[Any]:
    """The answers tried for one question: its choices, both booleans, or the cases' numbers."""
    spec = BY_NAME[field]
    if spec.kind == "boolean":
        return [False, True]
    values: list[Any] = [c.value for c in spec.ask.choices]
    return values or [v for v, _ in advisor.answer_distribution.get(field, [])]


def _changes(
    *, field: str, decided: Sequence[tuple[Any, Recommendation]], current: Recommendation,
    advisor: Advisor,
) -> tuple[list[tuple[Any, float, Recommendation | None]], float]:
    """Each tried answer with its weight and new recommendation (None: unchanged)."""
    counts = {_key(value=v): float(n) for v, n in advisor.answer_distribution.get(field, [])}
    out = [(value, counts.get(_key(value=value), 0.0), None if new == current else new)
           for value, new in decided]
    return out, sum(counts.values())


def _runs(
    *, field: str, rows: Sequence[tuple[Any, float, Recommendation | None]]
) -> list[tuple[str, str, Recommendation]]:
    """(key, as read, new recommendation) per changed answer; numbers in runs of one outcome."""
    spec = BY_NAME[field]
    numeric = spec.kind in ("integer", "decimal")
    found: list[tuple[str, str, Recommendation]] = []
    start: Any = None
    for index, (value, _, changed) in enumerate(rows):
        if changed is None:
            continue
        if not numeric:
            found.append((_key(value=value), spec.say(value=value).lower(), changed))
            continue
        start = value if start is None else start
        following = rows[index + 1][2] if index + 1 < len(rows) else None
        if following != changed:
            name = _key(value=value)
            if start != value:
                name = f"{_key(value=start)} to {name}"
            found.append((name, name, changed))
            start = None
    return found


def open_questions(
    *, questionnaire: Questionnaire, recommendation: Recommendation, advisor: Advisor
) -> list[OpenQuestion]:
    """The scored questions left unanswered that could change the recommendation."""
    answers = answers_of(questionnaire=questionnaire)
    tried = [(field, value) for field in OPTIONAL_FIELDS if answers[field] is None
             for value in _tried(field=field, advisor=advisor)]
    decided: dict[str, list[tuple[Any, Recommendation]]] = {}
    for (field, value), outcome in zip(
            tried, advisor.decide_many(base=questionnaire, changes=tried), strict=True):
        decided.setdefault(field, []).append((value, outcome.recommendation))
    out: list[OpenQuestion] = []
    for field, outcomes in decided.items():
        rows, total = _changes(field=field, decided=outcomes, current=recommendation,
                               advisor=advisor)
        found = _runs(field=field, rows=rows)
        if not found:
            continue
        share = sum(w for _, w, changed in rows if changed is not None) / total if total else 0.0
        said = "; ".join(f"{read} → {APPROACH_NAMES[rec.value]}" for _, read, rec in found)
        label = BY_NAME[field].label
        out.append(OpenQuestion(field=field, question=label,
                                would_change_to={key: rec for key, _, rec in found},
                                share=round(share, 4), message=f"{label} {said}."))
    return sorted(out, key=lambda q: (-q.share, OPTIONAL_FIELDS.index(q.field)))
