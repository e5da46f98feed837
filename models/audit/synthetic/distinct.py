"""Keep generated clean inputs apart: a fresh example whose input shares half or more of its word
unigrams and bigrams with an earlier clean input from the same question template (exact
Jaccard) is drawn again. Without this, short templated questions that differ in one slot
("... flight to Lyon?" / "... flight to Osaka?") would be genuine near-equal inputs that the
truth calls clean, and the audit's precision would measure the generator, not the audit.

Inputs from different question templates share too few words to come near each other (the
brute-force check in the tests confirms it); within a template, MinHash estimates pick which
earlier inputs to check exactly.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Hashable

import numpy as np
from datasketch import MinHash

BOUND = 0.5
PREFILTER = 0.3  # estimated similarity above which a pair is checked exactly
NUM_PERM = 64


def shingle_set(text: str) -> frozenset[int]:
    """Word unigrams and bigrams (lower-cased \\w+ words), hashed; the generator's own code."""
    w = re.findall(r"\w+", text.lower())
    grams = w + [f"{a} {b}" for a, b in itertools.pairwise(w)]
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


class _Group:
    def __init__(self) -> None:
        self.sets: list[frozenset[int]] = []
        self.sigs = np.empty((0, NUM_PERM), dtype=np.uint32)


class DistinctInputs:
    """Admits inputs that stay below BOUND similarity to every earlier input of their group."""

    def __init__(self) -> None:
        self.groups: dict[Hashable, _Group] = {}
        self.base = MinHash(num_perm=NUM_PERM, seed=99, hashfunc=int)

    def _close(self, *, group: _Group, s: frozenset[int], sig: np.ndarray) -> bool:
        if not group.sets:
            return False
        estimates = (group.sigs == sig).mean(axis=1)
        for i in np.flatnonzero(estimates >= PREFILTER):
            other = group.sets[i]
            if len(s & other) / len(s | other) >= BOUND:
                return True
        return False

    def _sketch(self, s: frozenset[int]) -> np.ndarray:
        m = self.base.copy()
        m.update_batch(s)
        return np.asarray(m.hashvalues, dtype=np.uint32)

    def admit(self, text: str, *, group: Hashable) -> bool:
        """Record and accept the input, or refuse it as too close to an earlier one."""
        s = shingle_set(text)
        g = self.groups.setdefault(group, _Group())
        if not s:
            return False
        sig = self._sketch(s)
        if self._close(group=g, s=s, sig=sig):
            return False
        g.sets.append(s)
        g.sigs = np.vstack((g.sigs, sig))
        return True

    def near(self, text: str, *, group: Hashable) -> bool:
        """Whether the input is within BOUND of an admitted one (for eval examples)."""
        s = shingle_set(text)
        g = self.groups.get(group)
        return bool(s) and g is not None and self._close(group=g, s=s, sig=self._sketch(s))
