"""Turn a Questionnaire into the named numeric features the logistic model reads.

Encoding (every feature is oriented so that "more" means the plain reading of its name):

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

Unknown answers: an optional answer that is absent or null is replaced by its expected encoding
under a uniform prior over `UNKNOWN_GRID` (all levels of a categorical answer; a fixed spread of
representative values, extremes included, for numeric ones). Because the model is linear in the
features and rules read unknown answers the same way (`models/rules.py`), the logit of an unknown
answer is the average of the logits over those values, so it lies strictly between the best and
the worst answer whenever that answer matters at all, and never claims either extreme.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from models.questionnaire import Questionnaire

REQUIRED_FIELDS = (
    "task_narrowness",
    "knowledge_freshness",
    "requests_per_day",
    "mlops_capacity",
    "risk_domain",
)
OPTIONAL_FIELDS = (
    "primary_gap",
    "needs_private_context",
    "labeled_examples",
    "data_quality",
    "output_strictness",
    "success_metric_defined",
    "prompt_baseline_score",
    "workflow_stability",
    "latency_budget_ms",
)
ANSWER_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS

ORDINAL_LEVELS: dict[str, dict[str, float]] = {
    "task_narrowness": {"broad": 0.0, "moderate": 0.5, "narrow": 1.0},
    "knowledge_freshness": {
        "static": 0.0,
        "monthly": 0.25,
        "weekly": 0.5,
        "daily": 0.75,
        "realtime": 1.0,
    },
    "mlops_capacity": {"none": 0.0, "limited": 0.5, "dedicated": 1.0},
    "data_quality": {"noisy": 0.0, "mixed": 0.5, "clean": 1.0},
    "output_strictness": {"free_text": 0.0, "structured": 0.5, "strict_schema": 1.0},
    "workflow_stability": {"changes_weekly": 0.0, "evolving": 0.5, "stable": 1.0},
}
GAPS = ("knowledge", "format", "style", "policy", "reasoning")
HIGH_STAKES_DOMAINS = frozenset({"finance", "health", "legal", "security", "web3"})
LABELED_LOG_CAP = 5.0

# Representative values an unknown answer is averaged over (uniform prior).
UNKNOWN_GRID: dict[str, tuple[Any, ...]] = {
    "primary_gap": GAPS,
    "needs_private_context": (False, True),
    "labeled_examples": (0, 30, 300, 3_000, 30_000, 300_000),
    "data_quality": tuple(ORDINAL_LEVELS["data_quality"]),
    "output_strictness": tuple(ORDINAL_LEVELS["output_strictness"]),
    "success_metric_defined": (False, True),
    "prompt_baseline_score": (0.0, 0.25, 0.5, 0.75, 1.0),
    "workflow_stability": tuple(ORDINAL_LEVELS["workflow_stability"]),
    "latency_budget_ms": (50, 200, 1_000, 5_000, 30_000),
}

FEATURE_NAMES: tuple[str, ...] = (
    "narrowness",
    "freshness",
    "log_requests_per_day",
    "mlops",
    "high_stakes",
    *(f"gap_{gap}" for gap in GAPS),
    "needs_private_context",
    "log_labeled_examples",
    "data_quality",
    "strictness",
    "success_metric_defined",
    "prompt_baseline",
    "workflow_stability",
    "log_latency_budget_ms",
)

# How each feature is computed, for the artifact (mirrors the table in the module docstring).
FEATURE_ENCODING: dict[str, str] = {
    "narrowness": "task_narrowness: broad 0, moderate 0.5, narrow 1",
    "freshness": "knowledge_freshness: static 0, monthly 0.25, weekly 0.5, daily 0.75, realtime 1",
    "log_requests_per_day": "log10(1 + requests_per_day)",
    "mlops": "mlops_capacity: none 0, limited 0.5, dedicated 1",
    "high_stakes": "risk_domain: 1 for finance, health, legal, security, web3; 0 for general",
    **{f"gap_{gap}": f"primary_gap is {gap}: 1, else 0" for gap in GAPS},
    "needs_private_context": "needs_private_context: false 0, true 1",
    "log_labeled_examples": "min(log10(1 + labeled_examples), 5)",
    "data_quality": "data_quality: noisy 0, mixed 0.5, clean 1",
    "strictness": "output_strictness: free_text 0, structured 0.5, strict_schema 1",
    "success_metric_defined": "success_metric_defined: false 0, true 1",
    "prompt_baseline": "prompt_baseline_score as given (0 to 1)",
    "workflow_stability": "workflow_stability: changes_weekly 0, evolving 0.5, stable 1",
    "log_latency_budget_ms": "log10(latency_budget_ms)",
}

# Which answer each feature encodes (for the `answer` shown beside a contribution).
FEATURE_SOURCE: dict[str, str] = {
    "narrowness": "task_narrowness",
    "freshness": "knowledge_freshness",
    "log_requests_per_day": "requests_per_day",
    "mlops": "mlops_capacity",
    "high_stakes": "risk_domain",
    **{f"gap_{gap}": "primary_gap" for gap in GAPS},
    "needs_private_context": "needs_private_context",
    "log_labeled_examples": "labeled_examples",
    "data_quality": "data_quality",
    "strictness": "output_strictness",
    "success_metric_defined": "success_metric_defined",
    "prompt_baseline": "prompt_baseline_score",
    "workflow_stability": "workflow_stability",
    "log_latency_budget_ms": "latency_budget_ms",
}


def _encode_answer(*, field: str, value: Any) -> dict[str, float]:
    """Encode one known answer into its feature values."""
    if field in ORDINAL_LEVELS:
        name = {
            "task_narrowness": "narrowness",
            "knowledge_freshness": "freshness",
            "mlops_capacity": "mlops",
            "output_strictness": "strictness",
        }.get(field, field)
        return {name: ORDINAL_LEVELS[field][str(value)]}
    if field == "requests_per_day":
        return {"log_requests_per_day": math.log10(1 + value)}
    if field == "risk_domain":
        return {"high_stakes": 1.0 if str(value) in HIGH_STAKES_DOMAINS else 0.0}
    if field == "primary_gap":
        return {f"gap_{gap}": 1.0 if str(value) == gap else 0.0 for gap in GAPS}
    if field in ("needs_private_context", "success_metric_defined"):
        return {field: 1.0 if value else 0.0}
    if field == "labeled_examples":
        return {"log_labeled_examples": min(math.log10(1 + value), LABELED_LOG_CAP)}
    if field == "prompt_baseline_score":
        return {"prompt_baseline": float(value)}
    if field == "latency_budget_ms":
        return {"log_latency_budget_ms": math.log10(value)}
    raise KeyError(field)


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
