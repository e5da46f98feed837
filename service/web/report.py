"""Turn a stored assessment document into plain-language pieces the report template lays out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.web.fields import ALL_FIELDS, BY_NAME

APPROACHES = ("prompt_engineering", "rag", "fine_tuning")
LABELS = {
    "prompt_engineering": "Prompt engineering",
    "rag": "Retrieval (RAG)",
    "fine_tuning": "Fine-tuning",
    "rag_and_fine_tuning": "Retrieval plus fine-tuning",
}
HEADLINES = {
    "prompt_engineering": "Start with prompt engineering",
    "rag": "Use retrieval-augmented generation (RAG)",
    "fine_tuning": "Fine-tuning fits this project",
    "rag_and_fine_tuning": "Combine retrieval with fine-tuning",
}
# What each model feature reads from the questionnaire, in words (see models/features.py).
FEATURES = {
    "narrowness": "how narrow the task is",
    "freshness": "how often the facts change",
    "log_requests_per_day": "the daily request volume",
    "mlops": "who can own retraining and evals",
    "high_stakes": "the risk domain",
    "needs_private_context": "whether answers need private context",
    "log_labeled_examples": "the number of labelled examples",
    "data_quality": "how consistent the examples are",
    "strictness": "how strict the output format is",
    "success_metric_defined": "whether a success metric is defined",
    "prompt_baseline": "the best prompt's measured score",
    "workflow_stability": "how fast the workflow changes",
    "log_latency_budget_ms": "the latency budget",
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

    @property
    def percent(self) -> str:
        """The score as a whole percentage, for the text next to the bar."""
        return f"{self.score * 100:.0f}%"


@dataclass(frozen=True)
class Driver:
    """One model term in words: which answer pushed which approach, and how hard."""

    approach: str
    sentence: str
    value: float


def label(*, key: Any) -> str:
    """An approach or recommendation key as people read it."""
    return LABELS.get(str(key), str(key).replace("_", " "))


def recommended_approaches(*, recommendation: str) -> tuple[str, ...]:
    """The scored approaches a recommendation stands for (the hybrid stands for two)."""
    if recommendation == "rag_and_fine_tuning":
        return ("rag", "fine_tuning")
    return (recommendation,)


def bars(*, scores: Any, recommendation: str) -> list[Bar]:
    """Every approach with a score, in a fixed order so reports compare at a glance."""
    chosen = recommended_approaches(recommendation=recommendation)
    table = scores if isinstance(scores, dict) else {}
    out = []
    for index, key in enumerate([k for k in APPROACHES if k in table] or list(table)):
        score = min(max(_number(value=table.get(key)), 0.0), 1.0)
        out.append(Bar(key=key, label=label(key=key), score=score,
                       y=index * (BAR_HEIGHT + BAR_GAP), width=round(score * TRACK_WIDTH, 1),
                       recommended=key in chosen))
    return out


def chart_height(*, count: int) -> int:
    """SVG height that fits every bar."""
    return max(count, 1) * (BAR_HEIGHT + BAR_GAP)


def _number(*, value: Any) -> float:
    """A float from a JSON value, 0 for anything unusable."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def answer_text(*, field: str, value: Any) -> str:
    """A questionnaire answer as the form showed it (unknown when absent)."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    spec = BY_NAME.get(field)
    if spec is not None:
        for choice in spec.choices:
            if choice.value and choice.value == str(value):
                return choice.label.split(":")[0]
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _feature_field(*, feature: str) -> str:
    """The questionnaire field behind a feature name, for reading its answer."""
    if feature.startswith("gap_"):
        return "primary_gap"
    names = {"narrowness": "task_narrowness", "freshness": "knowledge_freshness",
             "log_requests_per_day": "requests_per_day", "mlops": "mlops_capacity",
             "high_stakes": "risk_domain", "log_labeled_examples": "labeled_examples",
             "strictness": "output_strictness", "prompt_baseline": "prompt_baseline_score",
             "log_latency_budget_ms": "latency_budget_ms"}
    return names.get(feature, feature)


def _feature_words(*, feature: str) -> str:
    """What a feature measures, in words."""
    if feature.startswith("gap_"):
        return "what the model gets wrong today"
    return FEATURES.get(feature, feature.replace("_", " "))


def drivers(*, doc: dict[str, Any], limit: int = 3) -> list[Driver]:
    """The strongest terms for and against each recommended approach, as sentences."""
    chosen = recommended_approaches(recommendation=str(doc.get("recommendation", "")))
    terms = [c for c in doc.get("contributions") or [] if isinstance(c, dict)]
    out: list[Driver] = []
    for approach in chosen:
        mine = [c for c in terms if c.get("approach") == approach and _number(value=c.get("value"))]
        mine.sort(key=lambda c: abs(_number(value=c.get("value"))), reverse=True)
        for term in mine[:limit]:
            value = _number(value=term.get("value"))
            feature = str(term.get("feature", ""))
            field = _feature_field(feature=feature)
            answer = answer_text(field=field, value=term.get("answer")).lower()
            direction = "made it more suitable" if value > 0 else "counted against it"
            sentence = (f"Your answer on {_feature_words(feature=feature)} ({answer}) "
                        f"{direction} for {label(key=approach).lower()}.")
            out.append(Driver(approach=approach, sentence=sentence, value=value))
    return out


def answers(*, doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Every question with the answer given, so the report stands on its own when printed."""
    given = doc.get("questionnaire")
    given = given if isinstance(given, dict) else {}
    return [(spec.label, answer_text(field=spec.name, value=given.get(spec.name)))
            for spec in ALL_FIELDS]


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
