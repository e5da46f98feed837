"""Retrieval figures by kind of question and by split on the hard labelled sets; prints Markdown.

Usage: ADVISOR_DATA_DIR=$(mktemp -d) PYTHONPATH=. .venv/bin/python bench/retrieval_by_kind.py
    [--seeds DIR] [--split all|tune|holdout] [--failures out.json]
Ingests the seeds and the built-in corpus into their own collections, searches every question
(rewritten as in use: synonyms, spelling) in the dense, keyword and hybrid modes and prints
hit@3 / hit@5 / MRR@10 per kind. `advisor eval-retrieval` prints the holdout tables; this
script also prints tune and all, and --failures writes each question's first relevant rank and
top passages per mode. While tuning, read the tune tables only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from knowledge.embeddings import Embedder  # noqa: E402
from knowledge.eval_kinds import by_kind, format_kind_table, load_tags  # noqa: E402
from knowledge.evaluate import MODES, load_queries  # noqa: E402
from service.config import Settings  # noqa: E402
from service.db.database import Database, connect  # noqa: E402
from service.indexing import ingest  # noqa: E402
from service.retrieval_eval import rank_modes  # noqa: E402
from service.searcher import Searcher  # noqa: E402

SETS = {"seeds": REPO / "knowledge/eval/hard_seed_queries.jsonl",
        "corpus": REPO / "knowledge/eval/hard_corpus_queries.jsonl"}


async def ranked(*, conninfo: str, collection: str, path: Path,
                 embedder: Embedder) -> dict[str, list[int | None]]:
    """First relevant rank of every question of a file, per mode."""
    searcher = Searcher(embed=lambda text: embedder.encode_one(text=text))
    async with connect(conninfo) as conn:
        return await rank_modes(conn, searcher=searcher, embedder=embedder,
                                collection=collection, queries=load_queries(path=path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--split", default="tune", choices=("all", "tune", "holdout"))
    parser.add_argument("--failures", type=Path, help="write per-question ranks")
    args = parser.parse_args()
    sources = {"seeds": args.seeds, "corpus": REPO / "knowledge" / "corpus"}
    database = Database(settings=Settings())
    conninfo = database.start()
    dump: dict[str, list[dict[str, Any]]] = {}
    try:
        embedder = Embedder()
        for name, path in SETS.items():
            collection = f"hard-{name}"
            report = ingest(conninfo=conninfo, paths=[sources[name]], collection=collection,
                            embedder=embedder)
            if not report.ingested_any:
                raise SystemExit(f"nothing ingested from {sources[name]}: {report.skipped}")
            ranks = asyncio.run(ranked(conninfo=conninfo, collection=collection, path=path,
                                       embedder=embedder))
            tags = load_tags(path=path)
            split = None if args.split == "all" else args.split
            table = {m: by_kind(ranks=ranks[m], tags=tags, split=split) for m in MODES}
            print(f"\n### {name}: {args.split} questions\n")
            print(format_kind_table(results=table))
            dump[name] = [
                {"q": q.q, "kind": t.kind, "split": t.split,
                 "ranks": {m: ranks[m][i] for m in MODES}}
                for i, (q, t) in enumerate(zip(load_queries(path=path), tags, strict=True))
                if split in (None, t.split)
            ]
    finally:
        database.stop(only_if_started_here=True)
    if args.failures:
        args.failures.write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
