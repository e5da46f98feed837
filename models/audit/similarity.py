"""Exact duplicates, near duplicates, conflicts and eval leakage, in file order.

Every example's normalised text digest goes into a set (exact duplicates). Examples with an
input are looked up in a datasketch MinHashLSH index of earlier inputs; candidates are checked
against the full input signature, and the outputs of the ones that nearly match decide between
near duplicate and conflict (thresholds: options.py). Only representatives enter the index.
"""

from __future__ import annotations

import numpy as np
from datasketch import LeanMinHash

import models.audit.sketch as sketch
from models.audit.options import (
    CROWDED_CANDIDATES,
    LSH_BANDS,
    LSH_ROWS,
    NUM_PERM_INPUT,
    NUM_PERM_OUTPUT,
)

NONE, DUPLICATE, NEAR_DUPLICATE, CONFLICT = 0, 1, 2, 3


class SignatureStore:
    """Signature rows in one array that grows by half when full (a few copies in total, and
    fancy indexing for lookups)."""

    def __init__(self, *, width: int) -> None:
        self.rows = np.empty((1024, width), dtype=np.uint32)
        self.size = 0

    def append(self, row: np.ndarray) -> int:
        if self.size == len(self.rows):
            grown = np.empty((len(self.rows) * 3 // 2, self.rows.shape[1]), dtype=np.uint32)
            grown[: self.size] = self.rows
            self.rows = grown
        self.rows[self.size] = row
        self.size += 1
        return self.size - 1

    def take(self, positions: list[int]) -> np.ndarray:
        return self.rows[positions]


class Deduper:
    """Classifies each training example against the ones before it."""

    def __init__(self, *, near_input: float, same_output: float) -> None:
        self.near_input, self.same_output = near_input, same_output
        self.keys: set[int] = set()
        self.index = sketch.new_index(num_perm=NUM_PERM_INPUT, bands=LSH_BANDS, rows=LSH_ROWS)
        self.sig_in = SignatureStore(width=NUM_PERM_INPUT)
        self.sig_out = SignatureStore(width=NUM_PERM_OUTPUT)

    def _near(self, *, row: np.ndarray, lean: LeanMinHash) -> tuple[list[int], int]:
        """Representatives whose input nearly equals this one, and how many candidates came."""
        candidates = self.index.query(lean)
        if not candidates:
            return [], 0
        sims = sketch.jaccard(row=row, rows=self.sig_in.take(candidates))
        return [c for c, s in zip(candidates, sims, strict=True) if s >= self.near_input], \
            len(candidates)

    def classify(self, *, keys: np.ndarray, sig_in: np.ndarray, sig_out: np.ndarray,
                 has_input: np.ndarray) -> np.ndarray:
        """A code per example: NONE, DUPLICATE, NEAR_DUPLICATE or CONFLICT."""
        codes = np.zeros(len(keys), dtype=np.uint8)
        for i, key in enumerate(keys.tolist()):
            if key in self.keys:
                codes[i] = DUPLICATE
                continue
            self.keys.add(key)
            if not has_input[i]:
                continue
            lean = sketch.lean(sig_in[i])
            near, crowd = self._near(row=sig_in[i], lean=lean)
            if near:
                sims = sketch.jaccard(row=sig_out[i], rows=self.sig_out.take(near))
                codes[i] = NEAR_DUPLICATE if sims.max() >= self.same_output else CONFLICT
                continue
            if crowd < CROWDED_CANDIDATES:
                pos = self.sig_in.append(sig_in[i])
                self.sig_out.append(sig_out[i])
                self.index.insert(pos, lean, check_duplication=False)
        return codes

    def leaks(self, *, sig_in: np.ndarray, has_input: np.ndarray) -> np.ndarray:
        """Whether each eval example's input nearly equals a training input."""
        return np.array([bool(has_input[i])
                         and bool(self._near(row=sig_in[i], lean=sketch.lean(sig_in[i]))[0])
                         for i in range(len(sig_in))], dtype=bool)
