"""Retrieval evaluation: hit@3, hit@5 and MRR@10 for dense-only, keyword-only and hybrid."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from pgvector.psycopg import register_vector_async

from knowledge.embeddings import Embedder
from knowledge.ingest import ingest
from knowledge.search import Passage, Query, multi_search

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


async def evaluate_modes(
    *,
    conninfo: str,
    collection: str,
    queries: list[LabelledQuery],
    embedder: Embedder,
) -> dict[str, dict[str, float]]:
    """Score each retrieval mode on the same queries and collection."""
    vectors = embedder.encode(texts=[q.q for q in queries])
    results: dict[str, dict[str, float]] = {}
    conn = await psycopg.AsyncConnection.connect(conninfo, autocommit=True)
    try:
        await register_vector_async(conn)
        await conn.execute("SET hnsw.ef_search = 100")
        for mode in MODES:
            batch = [
                Query(
                    qid=str(i),
                    text=q.q if mode != "dense" else None,
                    embedding=vectors[i] if mode != "keyword" else None,
                )
                for i, q in enumerate(queries)
            ]
            found = await multi_search(conn, queries=batch, collection=collection, k=10)
            results[mode] = score(
                ranked=[found[str(i)] for i in range(len(queries))], queries=queries
            )
    finally:
        await conn.close()
    return results


def format_table(*, results: dict[str, dict[str, float]], count: int) -> str:
    """A Markdown table, ready for the README."""
    lines = [f"queries: {count}", "", "| mode | hit@3 | hit@5 | MRR@10 |", "|---|---|---|---|"]
    for mode, m in results.items():
        lines.append(f"| {mode} | {m['hit@3']:.3f} | {m['hit@5']:.3f} | {m['mrr@10']:.3f} |")
    return "\n".join(lines)


def run_retrieval_eval(*, settings: Any, collection: str, seeds: Path, queries: Path) -> str:
    """Ingest the seeds (idempotent), then evaluate every mode on the labelled queries."""
    from service.db.database import Database

    database = Database(settings=settings)
    conninfo = database.start()
    try:
        embedder = Embedder()
        ingest(conninfo=conninfo, paths=[seeds], collection=collection, embedder=embedder)
        labelled = load_queries(path=queries)
        results = asyncio.run(
            evaluate_modes(
                conninfo=conninfo, collection=collection, queries=labelled, embedder=embedder
            )
        )
    finally:
        database.stop(only_if_started_here=True)
    return format_table(results=results, count=len(labelled))
