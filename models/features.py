"""Turn questionnaire answers into the named numeric features the logistic model reads.

Each answer's encoding is declared once, in `ENCODINGS` (every feature is oriented so that "more"
means the plain reading of its name):

| feature | encodes | values |
|---|---|---|
| `narrowness` | task_narrowness | broad 0, moderate 0.5, narrow 1 |
| `freshness` | knowledge_freshness | static 0, monthly 0.25, weekly 0.5, daily 0.75, realtime 1 |
| `log_requests_per_day` | requests_per_day | log10(1 + n) |
| `mlops` | mlops_capacity | none 0, limited 0.5, dedicated 1 |
| `high_stakes` | risk_domain | 1 for finance/health/legal/security/web3, else 0 |
| `gap_<value>` | primary_gap | one-hot over knowledge, format, style, policy, reasoning |
| `needs_private_context` | needs_private_context | false 0, true 1 |
| `log_labeled_examples` | labeled_examples | min(log10(1 + n), 5): beyond 100k adds nothing |
| `data_quality` | data_quality | noisy 0, mixed 0.5, clean 1 |
| `strictness` | output_strictness | free_text 0, structured 0.5, strict_schema 1 |
| `success_metric_defined` | success_metric_defined | false 0, true 1 |
| `prompt_baseline` | prompt_baseline_score | the score itself, 0 to 1 |
| `workflow_stability` | workflow_stability | changes_weekly 0, evolving 0.5, stable 1 |
| `log_latency_budget_ms` | latency_budget_ms | log10(ms) |

Fields in `NOT_SCORED` are read elsewhere and never scored. Unknown answers: an optional answer
that is absent or null is replaced by its expected encoding under a uniform prior over its
`unknown_grid` (all levels of a categorical answer; a fixed spread of representative values,
extremes included, for numeric ones). Because the model is linear in the features and rules read
unknown answers the same way (`models/conditions.py`), the logit of an unknown answer is the
average of the logits over those values, so it lies strictly between the best and the worst
answer whenever that answer matters at all, and never claims either extreme.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from models.questionnaire import FIELDS, Questionnaire
from models.vocabulary import (
    HIGH_STAKES,
    DataQuality,
    KnowledgeFreshness,
    MlopsCapacity,
    OutputStrictness,
    PrimaryGap,
    TaskNarrowness,
    WorkflowStability,
    values,
)

LABELED_LOG_CAP = 5.0


@dataclass(frozen=True)
class Encoding:
    """How one answer becomes features, what each feature means, and what 'unknown' averages."""

    describe: dict[str, str]
    encode: Callable[[Any], dict[str, float]]
    unknown_grid: tuple[Any, ...] = ()
    levels: dict[str, float] | None = None

    @property
    def features(self) -> tuple[str, ...]:
        """Feature names in the order they enter the model."""
        return tuple(self.describe)


def _ordinal(*, feature: str, low_to_high: Iterable[str], field: str) -> Encoding:
    """Levels evenly spread over [0, 1]; an unknown answer averages over all of them."""
    order = list(low_to_high)
    levels = {value: i / (len(order) - 1) for i, value in enumerate(order)}
    text = ", ".join(f"{value} {_num(levels[value])}" for value in order)
    return Encoding(describe={feature: f"{field}: {text}"},
                    encode=lambda value: {feature: levels[str(value)]},
                    unknown_grid=tuple(order), levels=levels)


def _num(x: float) -> str:
    return f"{x:g}"


def _flag(*, feature: str, describe: str, test: Callable[[Any], bool] = bool,
          unknown: bool = True) -> Encoding:
    return Encoding(describe={feature: describe},
                    encode=lambda value: {feature: 1.0 if test(value) else 0.0},
                    unknown_grid=(False, True) if unknown else ())


def _log10(*, feature: str, describe: str, plus_one: bool, cap: float | None = None,
           grid: tuple[Any, ...] = ()) -> Encoding:
    def encode(value: Any) -> dict[str, float]:
        x = math.log10(1 + value) if plus_one else math.log10(value)
        return {feature: min(x, cap) if cap is not None else x}

    return Encoding(describe={feature: describe}, encode=encode, unknown_grid=grid)


GAPS: tuple[str, ...] = tuple(values(PrimaryGap))
ENCODINGS: dict[str, Encoding] = {
    "task_narrowness": _ordinal(feature="narrowness", field="task_narrowness",
                                low_to_high=reversed(values(TaskNarrowness))),
    "knowledge_freshness": _ordinal(feature="freshness", field="knowledge_freshness",
                                    low_to_high=values(KnowledgeFreshness)),
    "requests_per_day": _log10(feature="log_requests_per_day", plus_one=True,
                               describe="log10(1 + requests_per_day)"),
    "mlops_capacity": _ordinal(feature="mlops", field="mlops_capacity",
                               low_to_high=values(MlopsCapacity)),
    "risk_domain": _flag(feature="high_stakes", unknown=False,
                         test=lambda value: value in HIGH_STAKES,
                         describe="risk_domain: 1 for finance, health, legal, security, web3; "
                         "0 for general"),
    "primary_gap": Encoding(
        describe={f"gap_{gap}": f"primary_gap is {gap}: 1, else 0" for gap in GAPS},
        encode=lambda value: {f"gap_{gap}": 1.0 if str(value) == gap else 0.0 for gap in GAPS},
        unknown_grid=GAPS),
    "needs_private_context": _flag(feature="needs_private_context",
                                   describe="needs_private_context: false 0, true 1"),
    "labeled_examples": _log10(feature="log_labeled_examples", plus_one=True,
                               cap=LABELED_LOG_CAP, grid=(0, 30, 300, 3_000, 30_000, 300_000),
                               describe="min(log10(1 + labeled_examples), 5)"),
    "data_quality": _ordinal(feature="data_quality", field="data_quality",
                             low_to_high=reversed(values(DataQuality))),
    "output_strictness": _ordinal(feature="strictness", field="output_strictness",
                                  low_to_high=values(OutputStrictness)),
    "success_metric_defined": _flag(feature="success_metric_defined",
                                    describe="success_metric_defined: false 0, true 1"),
    "prompt_baseline_score": Encoding(
        describe={"prompt_baseline": "prompt_baseline_score as given (0 to 1)"},
        encode=lambda value: {"prompt_baseline": float(value)},
        unknown_grid=(0.0, 0.25, 0.5, 0.75, 1.0)),
    "workflow_stability": _ordinal(feature="workflow_stability", field="workflow_stability",
                                   low_to_high=values(WorkflowStability)),
    "latency_budget_ms": _log10(feature="log_latency_budget_ms", plus_one=False,
                                grid=(50, 200, 1_000, 5_000, 30_000),
                                describe="log10(latency_budget_ms)"),
}
# Answers the model does not score, and why.
NOT_SCORED: dict[str, str] = {
    "project_name": "a name for people, not evidence",
    "description": "free text: read for guidance, not scored",
    "knowledge_size_tokens": "not scored yet; sizes the long-context alternative to retrieval",
}
_undeclared = {spec.name for spec in FIELDS} ^ (set(ENCODINGS) | set(NOT_SCORED))
if _undeclared:
    raise TypeError(f"declare a feature encoding (or NOT_SCORED) for: {sorted(_undeclared)}")

REQUIRED_FIELDS = tuple(s.name for s in FIELDS if s.required and s.name in ENCODINGS)
OPTIONAL_FIELDS = tuple(s.name for s in FIELDS if not s.required and s.name in ENCODINGS)
ANSWER_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
FEATURE_NAMES: tuple[str, ...] = tuple(f for enc in ENCODINGS.values() for f in enc.features)
# How each feature is computed, for the artifact, and which answer it encodes.
FEATURE_ENCODING: dict[str, str] = {
    f: text for enc in ENCODINGS.values() for f, text in enc.describe.items()
}
FEATURE_SOURCE: dict[str, str] = {
    f: field for field, enc in ENCODINGS.items() for f in enc.features
}
ORDINAL_LEVELS: dict[str, dict[str, float]] = {
    field: enc.levels for field, enc in ENCODINGS.items() if enc.levels is not None
}
# Representative values an unknown answer is averaged over (uniform prior).
UNKNOWN_GRID: dict[str, tuple[Any, ...]] = {f: ENCODINGS[f].unknown_grid for f in OPTIONAL_FIELDS}


def _encode_answer(*, field: str, value: Any) -> dict[str, float]:
    """Encode one known answer into its feature values."""
    return ENCODINGS[field].encode(value)


def _expected_unknown(*, field: str) -> dict[str, float]:
    """Average encoding of an unknown answer over its representative values."""
    grid = UNKNOWN_GRID[field]
    total: dict[str, float] = {}
    for value in grid:
        for name, encoded in _encode_answer(field=field, value=value).items():
            total[name] = total.get(name, 0.0) + encoded
    return {name: value / len(grid) for name, value in total.items()}


UNKNOWN_ENCODING: dict[str, dict[str, float]] = {
    field: _expected_unknown(field=field) for field in OPTIONAL_FIELDS
}


def answers_of(*, questionnaire: Questionnaire) -> dict[str, Any]:
    """Plain answer values (enum members become strings) keyed by field, None when unknown."""
    out: dict[str, Any] = {}
    for field in ANSWER_FIELDS:
        value = getattr(questionnaire, field)
        out[field] = value.value if hasattr(value, "value") else value
    return out


def encode_answers(*, answers: Mapping[str, Any]) -> dict[str, float]:
    """Feature values, by name, for plain answers (unknown optional answers imputed)."""
    features: dict[str, float] = {}
    for field in ANSWER_FIELDS:
        value = answers.get(field)
        if value is None:
            features.update(UNKNOWN_ENCODING[field])
        else:
            features.update(_encode_answer(field=field, value=value))
    return features


def encode(*, questionnaire: Questionnaire) -> list[float]:
    """Feature vector in FEATURE_NAMES order."""
    features = encode_answers(answers=answers_of(questionnaire=questionnaire))
    return [features[name] for name in FEATURE_NAMES]
