"""Search relevance on the labelled seed questions: hybrid must beat dense-only and keyword-only."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from knowledge.evaluate import load_queries
from service.db.database import connect
from service.indexing import ingest
from service.retrieval_eval import evaluate_modes
from tests.conftest import REPO, SEEDS

QUERIES = REPO / "knowledge" / "eval" / "seed_queries.jsonl"
CORPUS_QUERIES = REPO / "knowledge" / "eval" / "corpus_queries.jsonl"


def run(
    database_url: str, embedder: Any, collection: str, source: Path, queries: Path
) -> dict[str, dict[str, float]]:
    ingest(conninfo=database_url, paths=[source], collection=collection, embedder=embedder)
    labelled = load_queries(path=queries)
    assert len(labelled) >= 30

    async def scored() -> dict[str, dict[str, float]]:
        async with connect(database_url) as conn:
            return await evaluate_modes(conn, collection=collection, queries=labelled,
                                        embedder=embedder)

    return asyncio.run(scored())


def test_hybrid_wins_on_seed_questions(database_url: str, embedder: Any) -> None:
    results = run(database_url, embedder, "t-seeds-eval", SEEDS, QUERIES)
    hybrid = results["hybrid"]
    assert hybrid["hit@3"] >= 0.9, results
    assert hybrid["mrr@10"] >= 0.85, results
    for other in ("dense", "keyword"):
        assert hybrid["mrr@10"] >= results[other]["mrr@10"], results


def test_builtin_corpus_answers_its_questions(database_url: str, embedder: Any) -> None:
    corpus = REPO / "knowledge" / "corpus"
    results = run(database_url, embedder, "t-corpus-eval", corpus, CORPUS_QUERIES)
    assert results["hybrid"]["hit@3"] >= 0.85, results
    for other in ("dense", "keyword"):
        assert results["hybrid"]["mrr@10"] >= results[other]["mrr@10"], results
