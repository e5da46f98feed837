"""Search relevance on the labelled questions: hybrid must beat dense-only and keyword-only on
the older sets, and the hard seed set's holdout split must stay above its old baseline."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from knowledge.eval_kinds import by_kind, load_tags, metrics
from knowledge.evaluate import LabelledQuery, load_queries
from service.db.database import connect
from service.indexing import ingest
from service.retrieval_eval import rank_modes
from service.searcher import Searcher
from tests.conftest import REPO, SEEDS

EVAL = REPO / "knowledge" / "eval"
CORPUS = REPO / "knowledge" / "corpus"


def ranks(database_url: str, embedder: Any, collection: str, source: Path,
          queries: list[LabelledQuery]) -> dict[str, list[int | None]]:
    ingest(conninfo=database_url, paths=[source], collection=collection, embedder=embedder)

    async def ranked() -> dict[str, list[int | None]]:
        searcher = Searcher(embed=lambda text: embedder.encode_one(text=text))
        async with connect(database_url) as conn:
            return await rank_modes(conn, searcher=searcher, embedder=embedder,
                                    collection=collection, queries=queries)

    return asyncio.run(ranked())


def scored(found: dict[str, list[int | None]]) -> dict[str, dict[str, float]]:
    return {mode: metrics(ranks=r) for mode, r in found.items()}


def test_hybrid_wins_on_seed_questions(database_url: str, embedder: Any) -> None:
    labelled = load_queries(path=EVAL / "seed_queries.jsonl")
    results = scored(ranks(database_url, embedder, "t-seeds-eval", SEEDS, labelled))
    hybrid = results["hybrid"]
    assert hybrid["hit@3"] >= 0.98 and hybrid["mrr@10"] >= 0.936, results  # issue 14's "today"
    for other in ("dense", "keyword"):
        assert hybrid["mrr@10"] >= results[other]["mrr@10"], results


def test_builtin_corpus_answers_its_questions(database_url: str, embedder: Any) -> None:
    labelled = load_queries(path=EVAL / "corpus_queries.jsonl")
    results = scored(ranks(database_url, embedder, "t-corpus-eval", CORPUS, labelled))
    assert results["hybrid"]["hit@3"] >= 0.98 and results["hybrid"]["mrr@10"] >= 0.936, results
    for other in ("dense", "keyword"):
        assert results["hybrid"]["mrr@10"] >= results[other]["mrr@10"], results


def test_hard_seed_holdout_stays_above_the_pre_issue_14_baseline(
    database_url: str, embedder: Any
) -> None:
    """Before issue 14 the holdout scored hybrid hit@3 0.702, MRR@10 0.679 (HARD_SETS.md).

    The issue's targets (0.9 / 0.8, paraphrases 0.75) are not met yet (round 2: 0.872 / 0.797,
    paraphrases 0.583); this guards what was gained, by kind, without tuning on the holdout.
    """
    path = EVAL / "hard_seed_queries.jsonl"
    pairs = [(q, t) for q, t in zip(load_queries(path=path), load_tags(path=path), strict=True)
             if t.split == "holdout"]
    found = ranks(database_url, embedder, "t-seeds-eval", SEEDS, [q for q, _ in pairs])
    table = by_kind(ranks=found["hybrid"], tags=[t for _, t in pairs])
    assert table["all"][1]["hit@3"] >= 0.85 and table["all"][1]["mrr@10"] >= 0.78, table
    assert table["paraphrase"][1]["hit@3"] >= 0.5, table
    assert table["subsection"][1]["hit@3"] >= 0.9 and table["slack"][1]["hit@3"] >= 0.9, table
