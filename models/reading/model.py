"""The reader's learned part at inference: per-field logistic regressions from JSON, no sklearn.

For each field, logit(class) = intercept + embedding · w_emb + Σ named-feature weights (lexical
features scaled by 1/√(number of lexical features), pattern flags at 1), and the class
probabilities are the softmax over the field's classes ("none" first). All fields are scored at
once: one matrix product for the embeddings and one gather-and-sum for the named features.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController

from models.reading.base import Embed
from models.reading.prototypes import best_similarity, embed_groups

DEFAULT_ARTIFACT = Path(__file__).with_name("artifact.json")
# A dozen units against a thousand spans: BLAS worker threads cost 10x more than they save
# (more on a loaded machine), so the reader's products run on one thread.
_BLAS = ThreadpoolController()
FORMAT = "advisor-reader-1"


@dataclass(frozen=True)
class FieldModel:
    """One field's classes, decision threshold and its columns in the joint weight matrices."""

    name: str
    classes: tuple[str, ...]
    threshold: float
    threshold_specific: float
    columns: slice


class ReaderModel:
    """Joint weight matrices of every field's classifier, built from the artifact."""

    def __init__(self, *, artifact: dict[str, Any]) -> None:
        if artifact.get("format") != FORMAT:
            raise ValueError(f"reader artifact format {artifact.get('format')!r} is not {FORMAT}")
        self.artifact = artifact
        self.embedder_id = str(artifact["embedder"])
        self.dimensions = int(artifact["dimensions"])
        self.fields: dict[str, FieldModel] = {}
        names: dict[str, int] = {}
        start = 0
        for name, spec in artifact["fields"].items():
            width = len(spec["classes"])
            threshold = float(spec["threshold"])
            self.fields[name] = FieldModel(name, tuple(spec["classes"]), threshold,
                                           float(spec.get("threshold_specific", threshold)),
                                           slice(start, start + width))
            for feature in spec["features"]:
                names.setdefault(feature, len(names))
            start += width
        self.starts = np.asarray([f.columns.start for f in self.fields.values()])
        self.widths = np.asarray([f.columns.stop - f.columns.start for f in self.fields.values()])
        self.index = names
        self.groups = [list(g) for spec in artifact["fields"].values()
                       for g in spec.get("prototypes", [])]
        self.spans: np.ndarray | None = None
        self.near = np.zeros((len(self.groups), start), dtype=np.float64)
        row = 0
        for name, spec in artifact["fields"].items():
            for weights in spec.get("prototype_weights", []):
                self.near[row, self.fields[name].columns] = weights
                row += 1
        self.intercepts = np.zeros(start, dtype=np.float64)
        self.embedding = np.zeros((self.dimensions, start), dtype=np.float64)
        self.named = np.zeros((len(names) + 1, start), dtype=np.float64)  # last row: padding
        for name, spec in artifact["fields"].items():
            cols = self.fields[name].columns
            self.intercepts[cols] = spec["intercepts"]
            self.embedding[:, cols] = np.asarray(spec["embedding"], dtype=np.float64).T
            rows = [names[f] for f in spec["features"]]
            self.named[rows, cols] = np.asarray(spec["weights"], dtype=np.float64)

    @classmethod
    def load(cls, *, path: Path | None = None) -> ReaderModel:
        """Read the committed artifact (or another one)."""
        target = path or DEFAULT_ARTIFACT
        return cls(artifact=json.loads(target.read_text(encoding="utf-8")))

    def attach(self, *, embed: Embed) -> ReaderModel:
        """Embed the stored example spans once (the nearest-example features need them)."""
        self.spans = embed_groups(embed=embed, texts=self.groups, dims=self.dimensions)
        return self

    def logits(self, *, vectors: np.ndarray, features: Sequence[tuple[set[str], set[str]]]
               ) -> np.ndarray:
        """Joint logits, one row per unit: (lexical features, pattern flags) per unit."""
        with _BLAS.limit(limits=1, user_api="blas"):
            return self._logits(vectors=vectors, features=features)

    def _logits(self, *, vectors: np.ndarray, features: Sequence[tuple[set[str], set[str]]]
                ) -> np.ndarray:
        vectors = vectors.astype(np.float64)
        out = vectors @ self.embedding + self.intercepts
        if self.groups:
            if self.spans is None:
                raise RuntimeError("call attach(embed=...) before scoring")
            near = best_similarity(vectors=vectors, spans=self.spans,
                                   groups=[len(g) for g in self.groups])
            out += near @ self.near
        self._add_named(out=out, features=features)
        return out

    def _add_named(self, *, out: np.ndarray, features: Sequence[tuple[set[str], set[str]]]
                   ) -> None:
        """Add each unit's summed feature weights: one padded gather and one sum per kind.

        Weights are added in the same order as a per-unit `named[known].sum(axis=0)` (zero rows
        pad the end), so the logits are the same to the last bit.
        """
        index, pad = self.index, len(self.index)
        lexical = [[index[f] for f in found if f in index] for found, _ in features]
        flags = [[index[f] for f in found if f in index] for _, found in features]
        for known, scale in ((lexical, [math.sqrt(len(found) or 1) for found, _ in features]),
                             (flags, None)):
            width = max(map(len, known))
            if not width:
                continue
            ids = np.full((len(known), width), pad)  # the padding row of `named` is zeros
            for row, found in enumerate(known):
                ids[row, :len(found)] = found
            sums = self.named[ids].sum(axis=1)
            if scale is not None:
                sums /= np.asarray(scale)[:, None]
            out += sums

    def softmax(self, *, logits: np.ndarray) -> np.ndarray:
        """Every field's softmax at once, in the fields' columns; to the bit as `probabilities`
        (the same shifts and exponentials, and each field's sum taken left to right)."""
        shifted = logits - np.repeat(np.maximum.reduceat(logits, self.starts, axis=1),
                                     self.widths, axis=1)
        part = np.exp(shifted)
        totals = part[:, self.starts]
        for k in range(1, int(self.widths.max())):  # column k of every field wide enough
            wide = self.widths > k
            totals[:, wide] += part[:, self.starts[wide] + k]
        return np.asarray(part / np.repeat(totals, self.widths, axis=1))

    def probabilities(self, *, logits: np.ndarray, field: str) -> np.ndarray:
        """Softmax over one field's classes, one row per unit."""
        part = logits[:, self.fields[field].columns]
        part = np.exp(part - part.max(axis=1, keepdims=True))
        return np.asarray(part / part.sum(axis=1, keepdims=True))
