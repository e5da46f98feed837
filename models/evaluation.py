"""The held-out evaluation report: the model beside a rules-only baseline, metric by metric.

Brier is per-approach (see `models/metrics.py`): three binary targets per case, one per scored
approach, with a `rag_and_fine_tuning` label positive for both rag and fine_tuning. The
calibration table pools those per-approach predictions into equal-width bins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.advisor import Advisor
from models.metrics import accuracy, brier, calibration, confusion, macro_f1
from models.questionnaire import Questionnaire
from models.training import load_cases
from models.vocabulary import LABELS, SHORT_NAMES


def _predict(
    *, advisor: Advisor, cases: Sequence[dict[str, Any]], learned: bool
) -> tuple[list[str], list[dict[str, float]]]:
    predicted, scores = [], []
    for case in cases:
        q = Questionnaire.model_validate(case["questionnaire"])
        run = advisor.assess if learned else advisor.assess_rules_only
        result = run(questionnaire=q)
        predicted.append(result.recommendation.value)
        scores.append({a.value: s for a, s in result.scores.items()})
    return predicted, scores


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def render_report(*, artifact_path: Path | None = None) -> str:
    """Evaluate the artifact on the held-out cases and return the report as text."""
    advisor = Advisor.load(path=artifact_path)
    cases = load_cases()
    held = [c for c in cases if c.get("split") == "holdout"]
    truth = [c["label"] for c in held]
    model_pred, model_scores = _predict(advisor=advisor, cases=held, learned=True)
    base_pred, base_scores = _predict(advisor=advisor, cases=held, learned=False)
    lines = [
        "Advisor evaluation on the held-out split",
        f"model {advisor.model_version}, rules {advisor.rules_version}",
        f"{len(held)} held-out cases of {len(cases)} (never used for fitting)",
        "",
        f"{'metric':<34}{'model':>10}{'rules-only':>12}",
        f"{'accuracy':<34}{accuracy(truth=truth, predicted=model_pred):>10.3f}"
        f"{accuracy(truth=truth, predicted=base_pred):>12.3f}",
        f"{'macro-F1':<34}{macro_f1(truth=truth, predicted=model_pred):>10.3f}"
        f"{macro_f1(truth=truth, predicted=base_pred):>12.3f}",
        f"{'Brier, per-approach (lower=better)':<34}"
        f"{brier(truth=truth, scores=model_scores):>10.4f}"
        f"{brier(truth=truth, scores=base_scores):>12.4f}",
        "",
        "Confusion matrix (rows: true label, columns: predicted)",
    ]
    heads = "".join(f"{SHORT_NAMES[p]:>7}" for p in LABELS)
    lines.append(f"{'':<20}{'model':<28}   {'rules-only'}")
    corner = "true \\ predicted"
    lines.append(f"{corner:<20}{heads}   {heads}")
    model_cm = confusion(truth=truth, predicted=model_pred)
    base_cm = confusion(truth=truth, predicted=base_pred)
    for i, label in enumerate(LABELS):
        left = "".join(f"{n:>7}" for n in model_cm[i])
        right = "".join(f"{n:>7}" for n in base_cm[i])
        lines.append(f"{label:<20}{left}   {right}")
    lines += [
        "",
        "Calibration (per-approach scores pooled; predicted mean vs observed rate)",
        f"{'bin':<11}{'model n':>8}{'pred':>8}{'obs':>8}   {'rules n':>8}{'pred':>8}{'obs':>8}",
    ]
    model_cal = calibration(truth=truth, scores=model_scores)
    base_cal = calibration(truth=truth, scores=base_scores)
    for m, b in zip(model_cal, base_cal, strict=True):
        lines.append(
            f"{m['lo']:.1f}-{m['hi']:.1f}    {m['n']:>8}{_fmt(m['predicted']):>8}"
            f"{_fmt(m['observed']):>8}   {b['n']:>8}{_fmt(b['predicted']):>8}"
            f"{_fmt(b['observed']):>8}"
        )
    return "\n".join(lines) + "\n"
