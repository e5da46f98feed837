"""The model half of the artifact: coefficients with calibration folded in, bounds, encoding.

Everything a reader of GET /model needs to trace a score: the estimator and its selection, the
cap on any one learned term and each feature's range and bounds, the calibration step, the
coefficients as scored (already calibrated), the rules and warnings, and how answers are encoded
(references and the answer distribution unknown answers are spread over).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from models.design import answer_distribution
from models.features import (
    ENCODINGS,
    FEATURE_ENCODING,
    FEATURE_RANGE,
    MODEL_FEATURES,
    RULED_OUT_FEATURES,
)
from models.metrics import targets
from models.rules import (
    FEW_EXAMPLES,
    HIGH_VOLUME,
    LARGE_CORPUS_TOKENS,
    LOW_BASELINE,
    LOW_VOLUME,
    PROMPT_BAR,
    RULES_VERSION,
    THIN_DATA,
    TIGHT_LATENCY_MS,
    rule_table,
)
from models.scorer import BoundedOvRScorer
from models.scoring import Reader
from models.signs import SIGN_CONSTRAINTS
from models.vocabulary import APPROACHES, LABELS
from models.warning_rules import warning_table

BOTH_THRESHOLD = 0.5
DECISION = (
    "approaches ruled out by a constraint are never recommended; the recommendation always "
    "contains the best-scoring approach not ruled out. Best prompt_engineering: prompting. Best "
    "rag: rag_and_fine_tuning when fine_tuning is not ruled out and scores >= the threshold, "
    "else rag. Best fine_tuning: rag_and_fine_tuning when rag is not ruled out and either "
    "required (prompting ruled out) or scores >= the threshold, else fine_tuning. Ties go to "
    "the simpler approach."
)
CALIBRATION = (
    "Platt scaling per approach, fitted by log-loss on the out-of-fold logits of the selection "
    "step (slope limited to (0, 1], so it can only temper confidence), then folded in: "
    "coefficients and intercepts below are slope x fitted + shift, and every rule's log-odds "
    "is multiplied by the approach's slope when scored. Intercept plus contributions equals "
    "the logit exactly."
)


def _r(x: float) -> float:
    return round(float(x), 6) + 0.0  # + 0.0 folds -0.0 into 0.0


def _estimator(*, scorer: BoundedOvRScorer, selection: dict[str, Any],
               ruled_out_cap: float) -> dict[str, Any]:
    names = list(MODEL_FEATURES)
    return {
        "kind": "one-vs-rest logistic regression, L2, fitted by L-BFGS-B under box bounds "
        "(sign constraints intersected with the cap), rule log-odds as a fixed offset",
        "C": scorer.C,
        "cap": scorer.cap,
        "ruled_out_cap": ruled_out_cap,
        "cap_meaning": "no learned term moves a logit by more than cap log-odds anywhere in "
        "its feature's range (|coefficient| x range <= cap; ruled_out_cap for the ruled-out "
        "indicators), before calibration, which can only shrink terms",
        "feature_ranges": {f: _r(FEATURE_RANGE[f]) for f in names},
        "bounds": {a: {f: [None if lo is None else _r(lo), None if hi is None else _r(hi)]
                       for f, (lo, hi) in zip(names, scorer.bounds_for(approach=a, names=names)[1:],
                                              strict=True)}
                   for a in APPROACHES},
        "sign_constraints": SIGN_CONSTRAINTS,
        "selection": selection,
    }


def _encoding(*, reader: Reader, train: Sequence[dict[str, Any]]) -> dict[str, Any]:
    ruled_out_text = {f: f"1 when a constraint rule rules {f.split(':')[1]} out, else 0"
                      for f in RULED_OUT_FEATURES}
    return {
        "description": "see models/features.py: each feature enters as encoding minus its "
        "reference; an unknown answer is read as the reference and contributes 0. Rules spread "
        "an unknown answer over answer_distribution (the training cases' answers).",
        "features": {**FEATURE_ENCODING, **ruled_out_text},
        "reference": reader.reference,
        "reference_answers": {field: "mean of the training cases" if enc.reference is None
                              else enc.reference for field, enc in ENCODINGS.items()},
        "answer_distribution": answer_distribution(cases=train),
    }


def model_part(
    *, scorer: BoundedOvRScorer, reader: Reader, calibration: dict[str, dict[str, float]],
    selection: dict[str, Any], ruled_out_cap: float, train: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """The artifact's model fields, with calibration folded into coefficients and intercepts."""
    slope, shift = calibration["slope"], calibration["shift"]
    y = [targets(label=c["label"]) for c in train]
    prevalence = {a: sum(row[a] for row in y) / len(y) for a in APPROACHES}
    return {
        "version": "unversioned",
        "rules_version": RULES_VERSION,
        "approaches": list(APPROACHES),
        "labels": list(LABELS),
        "features": list(MODEL_FEATURES),
        "estimator": _estimator(scorer=scorer, selection=selection, ruled_out_cap=ruled_out_cap),
        "calibration": {"method": CALIBRATION, **calibration},
        "coefficients": {
            a: {f: _r(slope[a] * scorer.coef_[i][j]) for j, f in enumerate(MODEL_FEATURES)}
            for i, a in enumerate(APPROACHES)
        },
        "intercepts": {a: _r(slope[a] * scorer.intercept_[i] + shift[a])
                       for i, a in enumerate(APPROACHES)},
        "thresholds": {
            "rag_and_fine_tuning": BOTH_THRESHOLD,
            "decision": DECISION,
            "rules": {
                "high_volume_requests_per_day": HIGH_VOLUME,
                "low_volume_requests_per_day": LOW_VOLUME,
                "few_labeled_examples": FEW_EXAMPLES,
                "thin_labeled_examples": THIN_DATA,
                "prompt_meets_bar_score": PROMPT_BAR,
                "low_prompt_baseline_score": LOW_BASELINE,
                "tight_latency_ms": TIGHT_LATENCY_MS,
                "large_corpus_tokens": LARGE_CORPUS_TOKENS,
            },
        },
        "rules": rule_table(),
        "warnings": warning_table(),
        "rules_only": {
            "description": "base-rate intercepts plus rule log-odds and constraints, "
            "no learned terms",
            "intercepts": {a: _r(math.log(p / (1 - p))) for a, p in prevalence.items()},
        },
        "encoding": _encoding(reader=reader, train=train),
    }
