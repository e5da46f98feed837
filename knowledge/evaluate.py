"""Retrieval evaluation: hit@3, hit@5 and MRR@10 for dense-only, keyword-only and hybrid.

Scoring only; service/retrieval_eval.py runs the searches against the database.
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


def score(*, ranked: list[list[Passage]], queries: list[LabelledQuery]) -> dict[str, float]:
    """hit@3, hit@5 and MRR@10 over a query set."""
    hits3 = hits5 = rr = 0.0
    for passages, query in zip(ranked, queries, strict=True):
        ranks = [i for i, p in enumerate(passages[:10], 1) if is_relevant(passage=p, query=query)]
        first = ranks[0] if ranks else None
        hits3 += first is not None and first <= 3
        hits5 += first is not None and first <= 5
        rr += 1.0 / first if first else 0.0
    n = max(1, len(queries))
    return {"hit@3": hits3 / n, "hit@5": hits5 / n, "mrr@10": rr / n}


def mode_queries(
    *, mode: str, queries: list[LabelledQuery], vectors: np.ndarray
) -> list[Query]:
    """The labelled questions as one mode searches them: vectors, words, or both."""
    return [
        Query(
            qid=str(i),
            text=q.q if mode != "dense" else None,
            embedding=vectors[i] if mode != "keyword" else None,
        )
        for i, q in enumerate(queries)
    ]


def format_table(*, results: dict[str, dict[str, float]], count: int) -> str:
    """A Markdown table, ready for the README."""
    lines = [f"queries: {count}", "", "| mode | hit@3 | hit@5 | MRR@10 |", "|---|---|---|---|"]
    for mode, m in results.items():
        lines.append(f"| {mode} | {m['hit@3']:.3f} | {m['hit@5']:.3f} | {m['mrr@10']:.3f} |")
    return "\n".join(lines)
