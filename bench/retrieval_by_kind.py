"""Retrieval figures by kind of question (and split) on the hard labelled sets; prints Markdown.

Usage: PYTHONPATH=. .venv/bin/python bench/retrieval_by_kind.py [--seeds DIR] [--failures out.json]
Uses $ADVISOR_DATA_DIR (a throwaway directory is best): ingests the seeds and the built-in corpus
into their own collections, searches every question in the dense, keyword and hybrid modes and
prints hit@3 / hit@5 / MRR@10 per kind for all, tune and holdout questions. --failures writes
each question's top passages and first relevant rank per mode, for failure analysis.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import psycopg
from pgvector.psycopg import register_vector_async

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from knowledge.embeddings import Embedder  # noqa: E402
from knowledge.eval_kinds import by_kind, first_relevant_rank, format_kind_table, load_tags  # noqa: E402
from knowledge.evaluate import MODES, load_queries  # noqa: E402
from knowledge.search import Query  # noqa: E402
from service.db.search import multi_search  # noqa: E402
from service.indexing import ingest  # noqa: E402

SEED_QUERIES = REPO / "knowledge/eval/hard_seed_queries.jsonl"
CORPUS = (REPO / "knowledge/corpus", REPO / "knowledge/eval/hard_corpus_queries.jsonl")


async def search_all(*, conninfo: str, collection: str, texts: list[str],
                     embedder: Embedder) -> dict[str, list[list[Any]]]:
    """Top-10 passages of every question in every mode."""
    vectors = embedder.encode(texts=texts)
    conn = await psycopg.AsyncConnection.connect(conninfo, autocommit=True)
    out: dict[str, list[list[Any]]] = {}
    try:
        await register_vector_async(conn)
        await conn.execute("SET hnsw.ef_search = 100")
        for mode in MODES:
            batch = [Query(qid=str(i), text=t if mode != "dense" else None,
                           embedding=vectors[i] if mode != "keyword" else None)
                     for i, t in enumerate(texts)]
            found = await multi_search(conn, queries=batch, collection=collection, k=10)
            out[mode] = [found[str(i)] for i in range(len(texts))]
    finally:
        await conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds",
                        help="folder of the seed documents")
    parser.add_argument("--failures", type=Path, help="write per-question ranks and top passages")
    args = parser.parse_args()
    from service.config import Settings
    from service.db.database import Database

    database = Database(settings=Settings())
    conninfo = database.start()
    dump: dict[str, list[dict[str, Any]]] = {}
    try:
        embedder = Embedder()
        for name, (source, path) in {"seeds": (args.seeds, SEED_QUERIES), "corpus": CORPUS}.items():
            collection = f"hard-{name}"
            report = ingest(conninfo=conninfo, paths=[source], collection=collection,
                            embedder=embedder)
            if not report.ingested_any:
                raise SystemExit(f"nothing ingested from {source}: {report.skipped}")
            queries, tags = load_queries(path=path), load_tags(path=path)
            found = asyncio.run(search_all(conninfo=conninfo, collection=collection,
                                           texts=[q.q for q in queries], embedder=embedder))
            ranks = {m: [first_relevant_rank(passages=p, query=q)
                         for p, q in zip(found[m], queries, strict=True)] for m in MODES}
            for split in (None, "tune", "holdout"):
                table = {m: by_kind(ranks=ranks[m], tags=tags, split=split) for m in MODES}
                print(f"\n### {name}: {split or 'all'} questions\n")
                print(format_kind_table(results=table))
            dump[name] = [
                {"q": q.q, "kind": t.kind, "split": t.split, "relevant": q.relevant,
                 "ranks": {m: ranks[m][i] for m in MODES},
                 "top": {m: [f"{p.path} § {p.section}" for p in found[m][i][:5]] for m in MODES}}
                for i, (q, t) in enumerate(zip(queries, tags, strict=True))
            ]
    finally:
        database.stop(only_if_started_here=True)
    if args.failures:
        args.failures.write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
