"""What hybrid retrieval ranks by, and what it returns; the SQL itself is in service/db/search.py.

Convex fusion: the dense side's similarities are divided by the query's best one; the keyword
side's BM25F scores by the larger of the best hit and half the query's ceiling (what a passage
holding every known query word once would score), so a hit on one weak word of a long question
stays weak. Weighted 0.55 / 0.45. On the tune split of the hard sets this beat plain best-hit
scaling, reciprocal rank fusion (k = 3, 10, 60) and RRF per field (dense, body, heading path);
see knowledge/eval/HARD_SETS.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Ranking:
    """The knobs of hybrid ranking, chosen on the tune split of the hard question sets."""

    dense: float = 0.55
    keyword: float = 0.45
    # Okapi BM25 (BM25F): body occurrences length-normalised; the passage's own heading counts
    # head_weight, the headings above it (shared with its siblings) path_weight.
    k1: float = 1.2
    b: float = 0.75
    head_weight: float = 1.0
    path_weight: float = 0.25
    # Keyword scores over max(best hit, ceiling × the query's ceiling): 0 scales by the best hit
    # alone; 1 keeps a partial match partial.
    ceiling: float = 0.5
    # How many hits each side (dense, keyword) contributes per query before fusion.
    candidates: int = 40

    def fused_score(self, *, fused: float) -> float:
        """The fused sum as a 0-1 score: 1.0 is a full hit on both sides at once."""
        return min(1.0, fused / (self.dense + self.keyword))


RANKING = Ranking()


@dataclass(frozen=True)
class Query:
    """One retrieval query: dense side (embedding), keyword side (text), or both."""

    qid: str
    text: str | None = None
    embedding: np.ndarray | None = None


@dataclass
class Passage:
    """A retrieved chunk with where it comes from and why it ranked."""

    chunk_id: int
    text: str
    path: str
    section: str
    title: str
    collection: str
    score: float
    dense_rank: int | None
    keyword_rank: int | None
    cites: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        """File and section, the way the advisor cites a passage."""
        return f"{self.path} § {self.section}" if self.section else self.path

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of a guidance passage."""
        return {
            "text": self.text,
            "source": self.source,
            "score": round(self.score, 4),
            "title": self.title,
            "file": self.path,
            "section": self.section,
            "collection": self.collection,
            "cites": list(self.cites),
            "dense_rank": self.dense_rank,
            "keyword_rank": self.keyword_rank,
        }
