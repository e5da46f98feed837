"""`advisor eval-retrieval`: index the seeds, then score each retrieval mode on labelled queries."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from psycopg import AsyncConnection

from knowledge.embeddings import Embedder
from knowledge.evaluate import MODES, LabelledQuery, format_table, load_queries, mode_queries, score
from service.config import Settings
from service.db.database import connect
from service.db.search import multi_search
from service.indexing import ingest
from service.parts import open_parts
from service.state import Need


async def evaluate_modes(
    conn: AsyncConnection[Any],
    *,
    collection: str,
    queries: list[LabelledQuery],
    embedder: Embedder,
) -> dict[str, dict[str, float]]:
    """Score each retrieval mode on the same queries and collection."""
    vectors = await asyncio.to_thread(embedder.encode, texts=[q.q for q in queries])
    results: dict[str, dict[str, float]] = {}
    for mode in MODES:
        batch = mode_queries(mode=mode, queries=queries, vectors=vectors)
        found = await multi_search(conn, queries=batch, collection=collection, k=10)
        ranked = [found[query.qid] for query in batch]
        results[mode] = score(ranked=ranked, queries=queries)
    return results


def run_retrieval_eval(*, settings: Settings, collection: str, seeds: Path, queries: Path) -> str:
    """Ingest the seeds (idempotent), then evaluate every mode on the labelled queries."""
    return asyncio.run(
        _run(settings=settings, collection=collection, seeds=seeds, queries=queries)
    )


async def _run(*, settings: Settings, collection: str, seeds: Path, queries: Path) -> str:
    async with open_parts(settings=settings, needs=Need.DATABASE | Need.EMBEDDER) as parts:
        await asyncio.to_thread(
            ingest, conninfo=parts.conninfo, paths=[seeds], collection=collection,
            embedder=parts.embedder,
        )
        labelled = load_queries(path=queries)
        async with connect(parts.conninfo) as conn:
            results = await evaluate_modes(
                conn, collection=collection, queries=labelled, embedder=parts.embedder
            )
    return format_table(results=results, count=len(labelled))
