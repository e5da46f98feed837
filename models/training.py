"""Fit the advisor from its labelled cases and write the readable JSON artifact.

Steps, all deterministic (fixed folds, fixed starting points, no randomness, no timestamps,
numbers rounded to 6 decimals before they are stored or used):
1. Selection: the L2 strength C, the cap B on any one learned answer term and the cap on the
   ruled-out indicators are chosen by 5-fold
   cross-validated log-loss of the full model (learned terms plus rule offsets) on the training
   split, folds stratified by label. Log-loss rewards honest probabilities; accuracy would not.
2. Fit: `models.scorer.BoundedOvRScorer` on the whole training split with the chosen C and B,
   the seed rules' log-odds as a fixed offset, sign constraints and |coef x range| <= B exact.
3. Calibration, the documented final step: per approach, Platt scaling (slope <= 1, shift) fitted
   on the out-of-fold logits of step 1 at the chosen C and B, then folded into the artifact:
   coefficients x slope, intercept x slope + shift, and every rule's log-odds x slope at scoring
   time (`calibration.slope`). Intercept plus contributions still equal each logit exactly.
Only `split: train` cases are fitted; the holdout splits of both case files are only scored
(`models/evaluation.py`). Recorded outcomes always join the training split.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from models.advisor import Advisor
from models.artifact_parts import model_part
from models.case_files import data_sha256, load_cases
from models.case_files import outcome_to_case as outcome_to_case
from models.case_scores import case_metrics
from models.design import Design, design, reader_for
from models.features import FEATURE_RANGE, MODEL_FEATURES, RULED_OUT_FEATURES
from models.scorer import BoundedOvRScorer, fit_platt
from models.signs import SIGN_CONSTRAINTS
from models.vocabulary import APPROACHES, LABELS

MODEL_SEMVER = "2.0.0"
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
CAP_GRID = (2.0, 3.0, 4.0)  # log-odds one answer's learned term may move a logit, at most
# The same bound for a `ruled_out:<approach>` indicator. No case's best answer contains an
# approach a constraint rules out, so without a bound its weight would run off to infinity.
RULED_OUT_CAP_GRID = (6.0, 9.0)
CV_FOLDS = 5
Setting = tuple[float, float, float]  # C, cap, ruled-out cap


def _scorer(*, setting: Setting) -> BoundedOvRScorer:
    c, cap, ruled_out_cap = setting
    return BoundedOvRScorer(
        approaches=APPROACHES, feature_names=MODEL_FEATURES, sign_constraints=SIGN_CONSTRAINTS,
        feature_ranges=FEATURE_RANGE, cap=cap,
        caps={name: ruled_out_cap for name in RULED_OUT_FEATURES}, C=c,
    )


def _folds(*, cases: Sequence[dict[str, Any]]) -> list[int]:
    """Stratified fold numbers: within each label, cases in id-hash order take turns."""
    fold = [0] * len(cases)
    for label in LABELS:
        members = [i for i, c in enumerate(cases) if c["label"] == label]
        members.sort(key=lambda i: hashlib.sha256(cases[i]["id"].encode()).hexdigest())
        for rank, i in enumerate(members):
            fold[i] = rank % CV_FOLDS
    return fold


def _log_loss(*, z: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def _key(*, setting: Setting) -> str:
    return "C={:g},cap={:g},ruled_out_cap={:g}".format(*setting)


def grid() -> list[Setting]:
    """Every (C, cap, ruled-out cap) the selection tries, in a fixed order."""
    return [(c, cap, r) for c in C_GRID for cap in CAP_GRID for r in RULED_OUT_CAP_GRID]


def select(*, train: Sequence[dict[str, Any]]) -> tuple[dict[str, Any], np.ndarray, np.ndarray]:
    """Cross-validated log-loss over the (C, cap) grid; out-of-fold logits at the chosen pair."""
    fold = _folds(cases=train)
    parts: list[tuple[list[int], Design, Design]] = []
    for k in range(CV_FOLDS):
        fit = [c for c, f in zip(train, fold, strict=True) if f != k]
        held_index = [i for i, f in enumerate(fold) if f == k]
        reader = reader_for(cases=fit)
        held = design(cases=[train[i] for i in held_index], reader=reader)
        parts.append((held_index, design(cases=fit, reader=reader), held))
    table: dict[str, float] = {}
    oof: dict[str, np.ndarray] = {}
    targets = np.zeros((len(train), len(APPROACHES)))
    for setting in grid():
        z = np.zeros((len(train), len(APPROACHES)))
        for held_index, fit_design, held in parts:
            scorer = _scorer(setting=setting).fit(fit_design.x, fit_design.y, fit_design.offset)
            z[held_index] = scorer.decision_function(held.x, held.offset)
            targets[held_index] = held.y
        table[_key(setting=setting)] = round(_log_loss(z=z, y=targets), 6)
        oof[_key(setting=setting)] = z
    best = min(grid(), key=lambda setting: (table[_key(setting=setting)], setting))
    selection = {"folds": CV_FOLDS, "metric": "mean per-approach log-loss, out of fold",
                 "grid": {"C": list(C_GRID), "cap": list(CAP_GRID),
                          "ruled_out_cap": list(RULED_OUT_CAP_GRID)},
                 "cv_log_loss": table,
                 "chosen": {"C": best[0], "cap": best[1], "ruled_out_cap": best[2]}}
    return selection, oof[_key(setting=best)], targets


def calibrate(*, logits: np.ndarray, targets: np.ndarray) -> dict[str, dict[str, float]]:
    """Per-approach Platt slope and shift on out-of-fold logits, rounded as stored."""
    out: dict[str, dict[str, float]] = {"slope": {}, "shift": {}}
    for i, approach in enumerate(APPROACHES):
        slope, shift = fit_platt(logits=logits[:, i], targets=targets[:, i])
        out["slope"][approach] = round(slope, 6) + 0.0
        out["shift"][approach] = round(shift, 6) + 0.0
    return out


def train_artifact(*, extra_cases: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """Select, fit and calibrate on the training split; assemble the artifact with its metrics."""
    cases = load_cases(extra_cases=extra_cases)
    train = [c for c in cases if c.get("split", "train") == "train"]
    holdout = [c for c in cases if c.get("split") == "holdout"]
    selection, oof, targets = select(train=train)
    chosen = selection["chosen"]
    reader = reader_for(cases=train)
    fitted = design(cases=train, reader=reader)
    setting = (chosen["C"], chosen["cap"], chosen["ruled_out_cap"])
    scorer = _scorer(setting=setting).fit(fitted.x, fitted.y, fitted.offset)
    calibration = calibrate(logits=oof, targets=targets)
    sha = data_sha256(cases=cases)
    artifact: dict[str, Any] = {
        "format": "advisor-artifact/2",
        **model_part(scorer=scorer, reader=reader, calibration=calibration, selection=selection,
                     ruled_out_cap=chosen["ruled_out_cap"], train=train),
        "version": f"advisor-model-{MODEL_SEMVER}+{sha[:12]}",
        "training_data": {
            "sha256": sha,
            "cases": len(cases),
            "train": len(train),
            "holdout": len(holdout),
            "label_counts": {lab: sum(c["label"] == lab for c in cases) for lab in LABELS},
            "files": {name: {split: sum(c["file"] == name and c["split"] == split for c in cases)
                             for split in ("train", "holdout")}
                      for name in sorted({c["file"] for c in cases})},
        },
    }
    advisor = Advisor(artifact=artifact)
    artifact["metrics"] = {
        split: {"model": case_metrics(advisor=advisor, cases=group, learned=True),
                "rules_only": case_metrics(advisor=advisor, cases=group, learned=False)}
        for split, group in (("train", train), ("holdout", holdout))
    }
    return artifact


def write_artifact(*, artifact: dict[str, Any], path: Path) -> None:
    """Write the artifact as indented, stable JSON (never a pickle)."""
    text = json.dumps(artifact, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


__all__ = ["MODEL_SEMVER", "calibrate", "outcome_to_case", "select", "train_artifact",
           "write_artifact"]
