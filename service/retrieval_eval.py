"""`advisor eval-retrieval`: index the seeds and the built-in corpus, then score dense, keyword
and hybrid search by kind of question, on the hard sets' holdout split and on the older sets."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psycopg import AsyncConnection

from knowledge.embeddings import Embedder
from knowledge.eval_kinds import (
    SPLITS,
    Tags,
    by_kind,
    first_relevant_rank,
    format_kind_table,
    load_tags,
)
from knowledge.evaluate import MODES, LabelledQuery, load_queries, mode_queries
from service.config import BUILTIN_COLLECTION, REPO_ROOT, Settings
from service.db import documents
from service.db.database import connect
from service.db.search import multi_search
from service.indexing import ingest
from service.parts import open_parts
from service.searcher import Searcher
from service.state import Need

EVAL = REPO_ROOT / "knowledge" / "eval"
ALL_SPLITS = "all"


class RetrievalEvalError(RuntimeError):
    """Nothing sensible to score (no seeds, wrong folder): said plainly instead of zeros."""


@dataclass(frozen=True)
class Target:
    """A collection to index from a folder, and the labelled sets scored against it."""

    title: str
    collection: str
    source: Path
    sets: tuple[tuple[Path, bool], ...]  # (labelled file, split into kinds and tune/holdout?)


def targets(*, settings: Settings, seeds: Path, collection: str) -> list[Target]:
    """The seeds (hard set, fresh and round-2 tune sets, the 52) and the corpus (hard + 55)."""
    return [
        Target(title="seeds", collection=collection, source=seeds,
               sets=((EVAL / "hard_seed_queries.jsonl", True),
                     (EVAL / "fresh_seed_queries.jsonl", True),
                     (EVAL / "round2_seed_queries.jsonl", True),
                     (EVAL / "seed_queries.jsonl", False))),
        Target(title="built-in corpus", collection=BUILTIN_COLLECTION,
               source=settings.corpus_dir,
               sets=((EVAL / "hard_corpus_queries.jsonl", True),
                     (EVAL / "corpus_queries.jsonl", False))),
    ]


async def rank_modes(
    conn: AsyncConnection[Any], *, searcher: Searcher, embedder: Embedder, collection: str,
    queries: list[LabelledQuery],
) -> dict[str, list[int | None]]:
    """First relevant rank (top 10) of every question in every mode, questions rewritten."""
    rewrites = await searcher.rewrite_many(conn, texts=[q.q for q in queries],
                                           collection=collection)
    vectors = await asyncio.to_thread(embedder.encode, texts=[r.dense for r in rewrites])
    ranks: dict[str, list[int | None]] = {}
    for mode in MODES:
        batch = mode_queries(mode=mode, keywords=[r.keyword for r in rewrites], vectors=vectors)
        found = await multi_search(conn, queries=batch, collection=collection, k=10,
                                   ranking=searcher.ranking)
        ranks[mode] = [first_relevant_rank(passages=found[query.qid], query=labelled)
                       for query, labelled in zip(batch, queries, strict=True)]
    return ranks


async def _check_labels(conn: AsyncConnection[Any], *, target: Target,
                        queries: list[LabelledQuery]) -> None:
    """Fail when the collection holds none of the files the questions are labelled with."""
    held = set(await documents.paths(conn, collection=target.collection))
    wanted = {str(label["file"]) for q in queries for label in q.relevant}
    if not held & wanted:
        raise RetrievalEvalError(
            f"collection {target.collection!r} (from {target.source}) holds none of the files "
            f"the questions are labelled with ({', '.join(sorted(wanted)[:3])}, ...); "
            "pass --seeds with the shared seeds folder"
        )


async def score_target(
    conn: AsyncConnection[Any], *, target: Target, searcher: Searcher, embedder: Embedder,
    split: str,
) -> list[str]:
    """One Markdown table by kind per labelled set of a target."""
    out: list[str] = []
    for path, has_kinds in target.sets:
        queries = load_queries(path=path)
        tags = load_tags(path=path) if has_kinds else [Tags("any", "tune")] * len(queries)
        await _check_labels(conn, target=target, queries=queries)
        if has_kinds and split != ALL_SPLITS:
            kept = [i for i, t in enumerate(tags) if t.split == split]
            queries, tags = [queries[i] for i in kept], [tags[i] for i in kept]
        if not queries:  # a tune-only set has nothing in the holdout split
            continue
        ranks = await rank_modes(conn, searcher=searcher, embedder=embedder,
                                 collection=target.collection, queries=queries)
        table = {mode: by_kind(ranks=ranks[mode], tags=tags) for mode in MODES}
        part = f"{split} split" if has_kinds else "all"
        out.append(f"### {target.title}: {path.name}, {part} ({len(queries)} questions)\n\n"
                   + format_kind_table(results=table))
    return out


def run_retrieval_eval(*, settings: Settings, seeds: Path, collection: str, split: str) -> str:
    """Index the seeds and the corpus (idempotent), then print every table."""
    if split not in (*SPLITS, ALL_SPLITS):
        raise RetrievalEvalError(f"split must be one of {(*SPLITS, ALL_SPLITS)}, not {split!r}")
    if not seeds.is_dir():
        raise RetrievalEvalError(
            f"no seeds folder at {seeds}: pass --seeds DIR (from a clone: ../shared/seeds)"
        )
    return asyncio.run(_run(settings=settings, seeds=seeds, collection=collection, split=split))


async def _run(*, settings: Settings, seeds: Path, collection: str, split: str) -> str:
    sections: list[str] = []
    async with open_parts(settings=settings, needs=Need.DATABASE | Need.EMBEDDER) as parts:
        embedder = parts.embedder
        searcher = Searcher(embed=lambda text: embedder.encode_one(text=text))
        for target in targets(settings=settings, seeds=seeds, collection=collection):
            report = await asyncio.to_thread(
                ingest, conninfo=parts.conninfo, paths=[target.source],
                collection=target.collection, embedder=embedder,
            )
            if not report.ingested_any:
                problems = "; ".join(f"{p}: {why}" for p, why in report.skipped[:3])
                raise RetrievalEvalError(f"nothing to index in {target.source} ({problems})")
            async with connect(parts.conninfo) as conn:
                sections += await score_target(conn, target=target, searcher=searcher,
                                               embedder=embedder, split=split)
    return "\n\n".join(sections)
