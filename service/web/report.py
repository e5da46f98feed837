"""Turn an assessment document into plain-language pieces the report template lays out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.document import AssessmentDocument
from models.features import FEATURE_SOURCE
from models.projection import NAMES
from models.questionnaire import BY_NAME, FIELDS
from models.vocabulary import APPROACHES, Approach, parts_of

HEADLINES = {
    "prompt_engineering": "Start with prompt engineering",
    "rag": "Use retrieval-augmented generation (RAG)",
    "fine_tuning": "Fine-tuning fits this project",
    "rag_and_fine_tuning": "Combine retrieval with fine-tuning",
}
BAR_HEIGHT = 28
BAR_GAP = 16
LABEL_WIDTH = 180
CHART_WIDTH = 640
TRACK_WIDTH = CHART_WIDTH - LABEL_WIDTH - 70


@dataclass(frozen=True)
class Bar:
    """One approach's score, positioned for the inline SVG chart."""

    key: str
    label: str
    score: float
    y: int
    width: float
    recommended: bool
    ruled_out_by: tuple[str, ...] = ()

    @property
    def percent(self) -> str:
        """The score as a whole percentage, for the text next to the bar."""
        return f"{self.score * 100:.0f}%"

    @property
    def ruled_out(self) -> str:
        """'ruled out by R-…' for an approach a hard rule rules out, else empty."""
        return f"ruled out by {', '.join(self.ruled_out_by)}" if self.ruled_out_by else ""


@dataclass(frozen=True)
class Driver:
    """One model term in words: which answer pushed which approach, and how hard."""

    approach: str
    sentence: str
    value: float


def label(*, key: Any) -> str:
    """An approach or recommendation key as people read it."""
    return NAMES.get(str(key), str(key).replace("_", " "))


def bars(*, doc: AssessmentDocument) -> list[Bar]:
    """Every approach with its score, in a fixed order; a ruled-out approach gets no bar."""
    chosen = parts_of(recommendation=doc.recommendation.value)
    out = []
    for index, key in enumerate(APPROACHES):
        score = min(max(doc.scores.get(Approach(key), 0.0), 0.0), 1.0)
        ruled = tuple(doc.ruled_out.get(Approach(key), ()))
        out.append(Bar(key=key, label=label(key=key), score=score,
                       y=index * (BAR_HEIGHT + BAR_GAP),
                       width=0.0 if ruled else round(score * TRACK_WIDTH, 1),
                       recommended=key in chosen, ruled_out_by=ruled))
    return out


def chart_height(*, count: int) -> int:
    """SVG height that fits every bar."""
    return max(count, 1) * (BAR_HEIGHT + BAR_GAP)


def answer_text(*, field: str, value: Any) -> str:
    """A questionnaire answer as the form showed it (unknown when absent)."""
    spec = BY_NAME.get(field)
    if spec is None:
        return "unknown" if value is None else str(value)
    return spec.say(value=value)


def drivers(*, doc: AssessmentDocument, limit: int = 3) -> list[Driver]:
    """The strongest terms for and against each recommended approach, as sentences."""
    out: list[Driver] = []
    for approach in parts_of(recommendation=doc.recommendation.value):
        mine = [c for c in doc.contributions if c.approach == approach and c.value]
        mine.sort(key=lambda c: abs(c.value), reverse=True)
        for term in mine[:limit]:
            field = FEATURE_SOURCE.get(term.feature)
            topic = BY_NAME[field].ask.topic if field else term.feature.replace("_", " ")
            answer = answer_text(field=field or "", value=term.answer).lower()
            direction = "made it more suitable" if term.value > 0 else "counted against it"
            sentence = (f"Your answer on {topic} ({answer}) "
                        f"{direction} for {label(key=approach).lower()}.")
            out.append(Driver(approach=approach, sentence=sentence, value=term.value))
    return out


def answers(*, doc: AssessmentDocument) -> list[tuple[str, str]]:
    """Every question with the answer given, so the report stands on its own when printed."""
    return [(spec.label, spec.say(value=_plain(getattr(doc.questionnaire, spec.name))))
            for spec in FIELDS]


def _plain(value: Any) -> Any:
    """Enum members as their values, so answers read the same however they were stored."""
    return getattr(value, "value", value)


def display(*, value: Any) -> str:
    """A leaf value from an advice section as text."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def humanize(*, key: Any) -> str:
    """A JSON key as a heading: underscores to spaces, first letter capitalised."""
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]
