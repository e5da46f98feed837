"""Nearest labelled examples as features: a unit's best cosine to each class's example spans.

A linear model over a 256-d embedding needs many examples per class; the similarity to the
closest labelled span of a class carries paraphrases with a handful. Spans are stored in the
artifact as text (readable) and embedded when the reader loads. In training, a unit is never
compared with spans of its own sentence, so the feature is as honest as it is at inference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from models.reading.base import NONE, Embed


def spans_of(*, rows: Sequence[dict[str, Any]], field: str, classes: Sequence[str],
             class_of: Any) -> list[list[tuple[str, str]]]:
    """Per non-none class, the (sentence id, span) pairs labelled with it, in a fixed order."""
    out: list[list[tuple[str, str]]] = [[] for _ in classes[1:]]
    for row in rows:
        for label in row["labels"]:
            if label["field"] == field:
                name = class_of(field=field, value=label["value"])
                if name in classes and name != NONE:
                    out[classes.index(name) - 1].append((row["id"], label["span"]))
    return [sorted(group) for group in out]


def best_similarity(*, vectors: np.ndarray, spans: np.ndarray, groups: Sequence[int],
                    same: np.ndarray | None = None) -> np.ndarray:
    """Per unit and group, the largest cosine to the group's spans (0 when none, never < 0).

    `groups` holds each group's span count (spans are stored group after group); `same` masks
    unit/span pairs from the same sentence (training only).
    """
    out = np.zeros((vectors.shape[0], len(groups)))
    if spans.shape[0] == 0:
        return out
    # float32: a small product that float64 BLAS runs several times slower, for no gain
    sims = vectors.astype(np.float32) @ spans.astype(np.float32, copy=False).T
    if same is not None:
        sims = np.where(same, np.float32(-1.0), sims)
    sizes = np.asarray(groups)
    filled = np.flatnonzero(sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])[filled]
    out[:, filled] = np.maximum(np.maximum.reduceat(sims, starts, axis=1), 0.0)
    return out


def embed_groups(*, embed: Embed, texts: Sequence[Sequence[str]], dims: int) -> np.ndarray:
    """All groups' span texts embedded in one call, group after group."""
    flat = [t for group in texts for t in group]
    if not flat:
        return np.zeros((0, dims), dtype=np.float32)
    return np.asarray(embed(flat), dtype=np.float32)
