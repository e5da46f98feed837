"""What hybrid retrieval ranks by, and what it returns; the SQL itself is in service/db/search.py.

Convex fusion: each side's score is divided by that side's best score for the query, then
weighted. Unlike min-max it does not depend on how many candidates are fetched, and it ranks
better than RRF on every labelled set (any dense weight from 0.5 to 0.65 does about as well).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

WEIGHTS = {"dense": 0.55, "keyword": 0.45}
# How many hits each side (dense, keyword) contributes per query before fusion.
CANDIDATES = 40
# Okapi BM25 over the chunk tsvectors; a query word in the heading path counts SECTION_TF times.
BM25_K1 = 1.2
BM25_B = 0.75
SECTION_TF = 2.0


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


def fused_score(*, fused: float) -> float:
    """The fused sum as a 0-1 score: 1.0 is the best hit on both sides at once."""
    return min(1.0, fused / (WEIGHTS["dense"] + WEIGHTS["keyword"]))
