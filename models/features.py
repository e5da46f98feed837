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
| `prompt_baseline` | prompt_baseline_score | max(score, 0.5); R-LOW-BASELINE reads below |
| `workflow_stability` | workflow_stability | changes_weekly 0, evolving 0.5, stable 1 |
| `log_latency_budget_ms` | latency_budget_ms | log10(ms) |
| `log_knowledge_tokens` | knowledge_size_tokens | min(log10(1 + n), 9): past 1e9 adds nothing |

Besides the answers, the model reads one 0/1 feature per approach, `ruled_out:<approach>`: 1 when
a constraint rule rules that approach out (`models/rules.py`, `RULES_OUT`).

Reference answers and unknown answers: every feature enters the model centred on a reference
encoding, `x - reference`, so a coefficient times that difference says how far this answer moves
the score away from the reference answer. An optional answer that is absent or null is read as
the reference itself and so contributes exactly nothing. The reference of an answer is declared
in its `Encoding`: for the fine-tuning readiness answers it is the answer that shows readiness is
not yet demonstrated (mixed data, no metric, an evolving workflow, a few hundred examples: "if you
cannot fill in the plan you are not ready", 002 § Write this BEFORE you train); for every other
answer it is the mean encoding of the answers the training cases gave. Training computes the
references and stores them in the artifact with the answer distribution rule conditions use.
Fields in `NOT_SCORED` are read elsewhere and never scored.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.questionnaire import FIELDS, Questionnaire
from models.vocabulary import (
    APPROACHES,
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
KNOWLEDGE_LOG_CAP = 9.0
BASELINE_FLOOR = 0.5


@dataclass(frozen=True)
class Encoding:
    """How one answer becomes features, their range, and the answer an unknown is read as."""

    describe: dict[str, str]
    encode: Callable[[Any], dict[str, float]]
    bounds: tuple[float, float] = (0.0, 1.0)
    levels: dict[str, float] | None = None
    # None: the mean encoding of the training cases' answers.
    reference: Any = None

    @property
    def features(self) -> tuple[str, ...]:
        """Feature names in the order they enter the model."""
        return tuple(self.describe)


def _ordinal(*, feature: str, low_to_high: Iterable[str], field: str,
             reference: str | None = None) -> Encoding:
    """Levels evenly spread over [0, 1]."""
    order = list(low_to_high)
    levels = {value: i / (len(order) - 1) for i, value in enumerate(order)}
    text = ", ".join(f"{value} {levels[value]:g}" for value in order)
    return Encoding(describe={feature: f"{field}: {text}"},
                    encode=lambda value: {feature: levels[str(value)]},
                    levels=levels, reference=reference)


def _flag(*, feature: str, describe: str, test: Callable[[Any], bool] = bool,
          reference: bool | None = None) -> Encoding:
    return Encoding(describe={feature: describe},
                    encode=lambda value: {feature: 1.0 if test(value) else 0.0},
                    reference=reference)


def _log10(*, feature: str, describe: str, plus_one: bool, top: float,
           cap: float | None = None, reference: int | None = None) -> Encoding:
    def encode(value: Any) -> dict[str, float]:
        x = math.log10(1 + value) if plus_one else math.log10(value)
        return {feature: min(x, cap) if cap is not None else x}

    high = encode(top)[feature]
    return Encoding(describe={feature: describe}, encode=encode, bounds=(0.0, high),
                    reference=reference)


GAPS: tuple[str, ...] = tuple(values(PrimaryGap))
ENCODINGS: dict[str, Encoding] = {
    "task_narrowness": _ordinal(feature="narrowness", field="task_narrowness",
                                low_to_high=reversed(values(TaskNarrowness))),
    "knowledge_freshness": _ordinal(feature="freshness", field="knowledge_freshness",
                                    low_to_high=values(KnowledgeFreshness)),
    "requests_per_day": _log10(feature="log_requests_per_day", plus_one=True,
                               top=1_000_000_000, describe="log10(1 + requests_per_day)"),
    "mlops_capacity": _ordinal(feature="mlops", field="mlops_capacity",
                               low_to_high=values(MlopsCapacity)),
    "risk_domain": _flag(feature="high_stakes", test=lambda value: value in HIGH_STAKES,
                         describe="risk_domain: 1 for finance, health, legal, security, web3; "
                         "0 for general"),
    "primary_gap": Encoding(
        describe={f"gap_{gap}": f"primary_gap is {gap}: 1, else 0" for gap in GAPS},
        encode=lambda value: {f"gap_{gap}": 1.0 if str(value) == gap else 0.0 for gap in GAPS}),
    "needs_private_context": _flag(feature="needs_private_context",
                                   describe="needs_private_context: false 0, true 1"),
    "labeled_examples": _log10(feature="log_labeled_examples", plus_one=True, top=100_000_000,
                               cap=LABELED_LOG_CAP, reference=300,
                               describe="min(log10(1 + labeled_examples), 5)"),
    "data_quality": _ordinal(feature="data_quality", field="data_quality",
                             low_to_high=reversed(values(DataQuality)), reference="mixed"),
    "output_strictness": _ordinal(feature="strictness", field="output_strictness",
                                  low_to_high=values(OutputStrictness)),
    "success_metric_defined": _flag(feature="success_metric_defined", reference=False,
                                    describe="success_metric_defined: false 0, true 1"),
    "prompt_baseline_score": Encoding(
        describe={"prompt_baseline": "max(prompt_baseline_score, 0.5)"},
        encode=lambda value: {"prompt_baseline": max(float(value), BASELINE_FLOOR)},
        bounds=(BASELINE_FLOOR, 1.0)),
    "workflow_stability": _ordinal(feature="workflow_stability", field="workflow_stability",
                                   low_to_high=values(WorkflowStability), reference="evolving"),
    "latency_budget_ms": _log10(feature="log_latency_budget_ms", plus_one=False, top=600_000,
                                describe="log10(latency_budget_ms)"),
    "knowledge_size_tokens": _log10(feature="log_knowledge_tokens", plus_one=True,
                                    top=1_000_000_000_000, cap=KNOWLEDGE_LOG_CAP,
                                    describe="min(log10(1 + knowledge_size_tokens), 9)"),
}
# Answers the model does not score, and why.
NOT_SCORED: dict[str, str] = {
    "project_name": "a name for people, not evidence",
    "description": "free text: read for guidance, not scored",
    "dataset_audit_id": "a reference: the audit's measurements become labeled_examples and "
                        "data_quality answers, which are scored",
}
_undeclared = {spec.name for spec in FIELDS} ^ (set(ENCODINGS) | set(NOT_SCORED))
if _undeclared:
    raise TypeError(f"declare a feature encoding (or NOT_SCORED) for: {sorted(_undeclared)}")

REQUIRED_FIELDS = tuple(s.name for s in FIELDS if s.required and s.name in ENCODINGS)
OPTIONAL_FIELDS = tuple(s.name for s in FIELDS if not s.required and s.name in ENCODINGS)
ANSWER_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
FEATURE_NAMES: tuple[str, ...] = tuple(f for enc in ENCODINGS.values() for f in enc.features)
RULED_OUT_FEATURES: tuple[str, ...] = tuple(f"ruled_out:{a}" for a in APPROACHES)
MODEL_FEATURES: tuple[str, ...] = FEATURE_NAMES + RULED_OUT_FEATURES
# How each feature is computed, for the artifact, and which answer it encodes.
FEATURE_ENCODING: dict[str, str] = {
    f: text for enc in ENCODINGS.values() for f, text in enc.describe.items()
}
FEATURE_SOURCE: dict[str, str] = {
    f: field for field, enc in ENCODINGS.items() for f in enc.features
}
# Width of each feature's range over every valid answer: the cap on a learned term divides by it.
FEATURE_RANGE: dict[str, float] = {
    **{f: enc.bounds[1] - enc.bounds[0] for enc in ENCODINGS.values() for f in enc.features},
    **{f: 1.0 for f in RULED_OUT_FEATURES},
}
ORDINAL_LEVELS: dict[str, dict[str, float]] = {
    field: enc.levels for field, enc in ENCODINGS.items() if enc.levels is not None
}


def encode_answer(*, field: str, value: Any) -> dict[str, float]:
    """Encode one known answer into its feature values."""
    return ENCODINGS[field].encode(value)


def reference_encoding(*, field: str, seen: Sequence[Any]) -> dict[str, float]:
    """The encoding an unknown answer is read as: the declared reference, else the cases' mean."""
    encoding = ENCODINGS[field]
    if encoding.reference is not None:
        return encode_answer(field=field, value=encoding.reference)
    if not seen:
        middle = sum(encoding.bounds) / 2
        return {name: middle for name in encoding.features}
    rows = [encode_answer(field=field, value=value) for value in seen]
    return {name: math.fsum(row[name] for row in rows) / len(rows) for name in encoding.features}


def answers_of(*, questionnaire: Questionnaire) -> dict[str, Any]:
    """Plain answer values (enum members become strings) keyed by field, None when unknown."""
    out: dict[str, Any] = {}
    for field in ANSWER_FIELDS:
        value = getattr(questionnaire, field)
        out[field] = value.value if hasattr(value, "value") else value
    return out


def centred_features(
    *, answers: Mapping[str, Any], reference: Mapping[str, float]
) -> dict[str, float]:
    """Answer features minus their reference; an unknown answer's features are exactly 0."""
    features: dict[str, float] = {}
    for field in ANSWER_FIELDS:
        value = answers.get(field)
        if value is None:
            features.update((name, 0.0) for name in ENCODINGS[field].features)
            continue
        for name, x in encode_answer(field=field, value=value).items():
            features[name] = x - reference[name]
    return features
