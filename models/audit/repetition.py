"""F-REPETITIVE: outputs that reuse the same long phrase (PHRASE_WORDS consecutive words) across
a large share of the free-text outputs (REPETITIVE_SHARE, at least REPETITIVE_MIN_OUTPUTS).
JSON outputs are left out: structured outputs repeat their keys by design.

Memory stays bounded: each chunk reports only phrases in at least PHRASE_FLOOR_SHARE of its
outputs, with the outputs that hold them; a phrase spread thinner than that in some chunk loses
those occurrences (at most 1% of the outputs), which only matters right at the threshold.
"""

from __future__ import annotations

import numpy as np


class PhraseTally:
    """Counts of frequent phrases across chunks and the examples that hold them."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.members: dict[int, list[np.ndarray]] = {}
        self.texts: dict[int, str] = {}
        self.free_outputs = 0

    def add(self, *, phrases: dict[int, tuple[str, np.ndarray]], offset: int,
            free_outputs: int) -> None:
        """Merge one chunk's candidates; `offset` is the chunk's first example index."""
        self.free_outputs += free_outputs
        for phrase, (words, local) in phrases.items():
            self.counts[phrase] = self.counts.get(phrase, 0) + len(local)
            self.members.setdefault(phrase, []).append(local.astype(np.int64) + offset)
            self.texts.setdefault(phrase, words)

    def flagged(self, *, share: float, min_outputs: int,
                ) -> tuple[np.ndarray, list[tuple[str, int]]]:
        """Example indices whose output holds a repeated phrase, and the phrases (most used
        first) with their counts."""
        bar = max(min_outputs, share * self.free_outputs)
        hot = sorted((p for p, c in self.counts.items() if c >= bar), key=lambda p: -self.counts[p])
        if not hot:
            return np.empty(0, dtype=np.int64), []
        rows = np.unique(np.concatenate([a for p in hot for a in self.members[p]]))
        return rows, [(self.texts[p], self.counts[p]) for p in hot]
