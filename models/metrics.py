"""Classification and probability metrics for the advisor, in plain Python.

Accuracy comes two ways: against the best answer (`label`) and with accept semantics (right when
the recommendation is one of the case's defensible answers). Probability metrics are
per-approach: each case has three binary targets (prompt_engineering, rag, fine_tuning; a
`rag_and_fine_tuning` label is positive for both rag and fine_tuning), matching the three
independent scores the model emits. Brier = mean over cases and approaches of
(score - target)^2; lower is better, 0.25 is what a constant 0.5 scores.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from models.vocabulary import APPROACHES, LABELS


def targets(*, label: str) -> dict[str, int]:
    """Binary per-approach targets implied by a four-way label."""
    return {
        "prompt_engineering": int(label == "prompt_engineering"),
        "rag": int(label in ("rag", "rag_and_fine_tuning")),
        "fine_tuning": int(label in ("fine_tuning", "rag_and_fine_tuning")),
    }


def accuracy(*, truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of exact four-way matches."""
    return sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)


def confusion(*, truth: Sequence[str], predicted: Sequence[str]) -> list[list[int]]:
    """Counts, rows = true label, columns = predicted label, both in LABELS order."""
    matrix = [[0] * len(LABELS) for _ in LABELS]
    for t, p in zip(truth, predicted, strict=True):
        matrix[LABELS.index(t)][LABELS.index(p)] += 1
    return matrix


def macro_f1(*, truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean F1 over the labels that occur in truth or predictions."""
    scores = []
    for label in LABELS:
        tp = sum(t == label and p == label for t, p in zip(truth, predicted, strict=True))
        fp = sum(t != label and p == label for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == label and p != label for t, p in zip(truth, predicted, strict=True))
        if tp + fp + fn == 0:
            continue
        scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def brier(*, truth: Sequence[str], scores: Sequence[Mapping[str, float]]) -> float:
    """Per-approach Brier score (see module docstring)."""
    total = 0.0
    for label, score in zip(truth, scores, strict=True):
        wanted = targets(label=label)
        total += sum((score[a] - wanted[a]) ** 2 for a in APPROACHES)
    return total / (len(truth) * len(APPROACHES))


def accuracy_accept(*, accept: Sequence[Sequence[str]], predicted: Sequence[str]) -> float:
    """Share of recommendations that are one of the case's defensible answers."""
    return sum(p in ok for ok, p in zip(accept, predicted, strict=True)) / len(predicted)


def _pairs(
    *, truth: Sequence[str], scores: Sequence[Mapping[str, float]]
) -> list[tuple[float, int]]:
    """(score, 0/1 target) for every case and scored approach, pooled."""
    return [(score[a], targets(label=label)[a])
            for label, score in zip(truth, scores, strict=True) for a in APPROACHES]


def log_loss(*, truth: Sequence[str], scores: Sequence[Mapping[str, float]]) -> float:
    """Mean per-approach binary log-loss (scores clipped to [1e-12, 1 - 1e-12])."""
    total = 0.0
    pairs = _pairs(truth=truth, scores=scores)
    for p, y in pairs:
        p = min(max(p, 1e-12), 1 - 1e-12)
        total -= math.log(p) if y else math.log(1 - p)
    return total / len(pairs)


def reliability(
    *, truth: Sequence[str], scores: Sequence[Mapping[str, float]], bins: int = 10
) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error and the equal-width bins behind it (per-approach, pooled)."""
    table = calibration(truth=truth, scores=scores, bins=bins)
    total = sum(row["n"] for row in table)
    ece = sum(row["n"] / total * abs(row["predicted"] - row["observed"])
              for row in table if row["n"])
    return ece, table


def calibration(
    *, truth: Sequence[str], scores: Sequence[Mapping[str, float]], bins: int = 5
) -> list[dict[str, Any]]:
    """Pooled per-approach predictions in equal-width bins: mean predicted vs observed rate."""
    table = []
    pairs = _pairs(truth=truth, scores=scores)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        row: dict[str, Any] = {"lo": lo, "hi": hi, "n": len(inside)}
        row["predicted"] = sum(p for p, _ in inside) / len(inside) if inside else None
        row["observed"] = sum(y for _, y in inside) / len(inside) if inside else None
        table.append(row)
    return table


def summarize(
    *, truth: Sequence[str], accept: Sequence[Sequence[str]], predicted: Sequence[str],
    scores: Sequence[Mapping[str, float]],
) -> dict[str, Any]:
    """The headline figures of one set of scored cases, rounded for the artifact."""
    ece, _ = reliability(truth=truth, scores=scores)
    top = [max(score.values()) for score in scores]
    figures = {
        "accuracy": accuracy(truth=truth, predicted=predicted),
        "accuracy_accept": accuracy_accept(accept=accept, predicted=predicted),
        "macro_f1": macro_f1(truth=truth, predicted=predicted),
        "brier": brier(truth=truth, scores=scores),
        "log_loss": log_loss(truth=truth, scores=scores),
        "ece": ece,
        "top_score_ge_0.99": sum(t >= 0.99 for t in top) / len(top),
    }
    return {"n": len(truth), **{k: round(v, 6) for k, v in figures.items()}}
