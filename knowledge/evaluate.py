"""Retrieval evaluation: labelled questions, relevance, and the queries each mode searches.

Scoring only (figures by kind: knowledge/eval_kinds.py); service/retrieval_eval.py runs the
searches against the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.search import Passage, Query

MODES = ("dense", "keyword", "hybrid")


@dataclass(frozen=True)
class LabelledQuery:
    """A question and the (file, section) pairs that answer it."""

    q: str
    relevant: list[dict[str, str | None]]


def load_queries(*, path: Path) -> list[LabelledQuery]:
    """JSON Lines of {"q": ..., "relevant": [{"file": ..., "section": ... | null}]}."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.append(LabelledQuery(q=item["q"], relevant=item["relevant"]))
    return out


def is_relevant(*, passage: Passage, query: LabelledQuery) -> bool:
    """Same file, and the label's section inside the passage's heading path."""
    for label in query.relevant:
        if passage.path != label["file"]:
            continue
        section = label.get("section")
        if not section or section.lower() in passage.section.lower():
            return True
    return False


def mode_queries(*, mode: str, keywords: list[str], vectors: np.ndarray) -> list[Query]:
    """The labelled questions as one mode searches them: vectors, (rewritten) words, or both."""
    return [
        Query(
            qid=str(i),
            text=keyword if mode != "dense" else None,
            embedding=vectors[i] if mode != "keyword" else None,
        )
        for i, keyword in enumerate(keywords)
    ]
