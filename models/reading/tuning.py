"""Thresholds by cross-validation on the train sentences, and `train_reader`, the one entry point.

Five group folds (a sentence and its clauses stay together): fit on four, read the fifth with
the full pipeline, and record every reading's confidence and whether it is right (numbers within
a factor of 2, scores within 0.1). Per field, the threshold is the lowest confidence at which the
readings at or above it reach `TARGET_PRECISION`; holdout sentences and the descriptions are
never used here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.reading.model import Embed, ReaderModel
from models.reading.reader import Reader, Reading
from models.reading.training import FIELDS, digest, fit_all

FOLDS = 5
TARGET_PRECISION = 0.85
MIN_THRESHOLD = 0.35
MAX_THRESHOLD = 0.999


def right(*, field: str, said: Any, read: Any) -> bool:
    """Whether a reading matches a label: numbers within a factor of 2, scores within 0.1."""
    if field == "prompt_baseline_score":
        return abs(float(said) - float(read)) <= 0.1
    if isinstance(said, bool) or isinstance(said, str) or isinstance(read, (bool, str)):
        return bool(said == read)
    a, b = float(said), float(read)
    if a == b:
        return True
    return min(a, b) > 0 and max(a, b) <= 2 * min(a, b)


def folds(*, rows: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Deterministic folds: every FOLDS-th sentence in id order."""
    ordered = sorted(rows, key=lambda r: r["id"])
    return [ordered[k::FOLDS] for k in range(FOLDS)]


def cross_readings(*, rows: Sequence[dict[str, Any]], embed: Embed, embedder_id: str
                   ) -> list[tuple[dict[str, Any], list[Reading]]]:
    """Each train sentence read by a model fitted without its fold (no threshold)."""
    out = []
    parts = folds(rows=rows)
    for k, held in enumerate(parts):
        fitted = [r for j, part in enumerate(parts) if j != k for r in part]
        artifact = fit_all(rows=fitted, embed=embed, embedder_id=embedder_id, all_rows=rows)
        reader = Reader(model=ReaderModel(artifact=artifact), embed=embed,
                        embedder_id=embedder_id)
        out += [(row, reader.read(text=row["text"], floor=False)) for row in held]
    return out


def choose(*, scored: list[tuple[float, bool]], labels: int) -> dict[str, float]:
    """Lowest threshold reaching the target precision, with the CV precision and recall there."""
    scored = sorted(scored, key=lambda p: -p[0])
    threshold, hits = MAX_THRESHOLD, 0
    for n, (confidence, ok) in enumerate(scored, start=1):
        hits += ok
        if hits / n >= TARGET_PRECISION and confidence >= MIN_THRESHOLD:
            threshold = min(threshold, confidence)
    kept = [ok for c, ok in scored if c >= threshold]
    precision = sum(kept) / len(kept) if kept else 1.0
    recall = sum(kept) / labels if labels else 0.0
    return {"threshold": round(threshold, 4), "cv_precision": round(precision, 3),
            "cv_recall": round(recall, 3)}


def thresholds(*, pairs: list[tuple[dict[str, Any], list[Reading]]]
               ) -> dict[str, dict[str, Any]]:
    """Per field: thresholds for specific and for other readings, and the CV figures at them.

    A named frequency, owner, source or number makes a reading more often right at the same
    confidence, so specific readings get their own threshold, chosen the same way.
    """
    out: dict[str, dict[str, Any]] = {}
    for field in FIELDS:
        scored: dict[bool, list[tuple[float, bool]]] = {True: [], False: []}
        labels = 0
        for row, readings in pairs:
            gold = {lab["field"]: lab["value"] for lab in row["labels"]}
            labels += field in gold
            for r in readings:
                if r.field == field:
                    scored[r.specific].append((r.confidence, field in gold and right(
                        field=field, said=gold[field], read=r.value)))
        specific = choose(scored=scored[True], labels=labels)
        other = choose(scored=scored[False], labels=labels)
        kept = [ok for flag, limit in ((True, specific), (False, other))
                for c, ok in scored[flag] if c >= limit["threshold"]]
        out[field] = {"threshold": other["threshold"],
                      "threshold_specific": specific["threshold"],
                      "cv": {"precision": round(sum(kept) / len(kept), 3) if kept else None,
                             "recall": round(sum(kept) / labels, 3) if labels else None}}
    return out


def train_reader(*, sentences: Sequence[dict[str, Any]], embed: Embed, embedder_id: str
                 ) -> dict[str, Any]:
    """The reader artifact: fitted on the train split, thresholds from cross-validation."""
    rows = [r for r in sentences if r["split"] == "train"]
    artifact = fit_all(rows=rows, embed=embed, embedder_id=embedder_id)
    chosen = thresholds(pairs=cross_readings(rows=rows, embed=embed, embedder_id=embedder_id))
    for field, values in chosen.items():
        artifact["fields"][field].update(values)
    artifact["training"] = {"sentences": len(rows), "data": digest(rows=rows),
                            "target_precision": TARGET_PRECISION, "folds": FOLDS}
    return artifact
