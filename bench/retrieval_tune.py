"""Grid-search the ranking knobs on the TUNE split of the hard question sets; prints Markdown.

Usage: ADVISOR_DATA_DIR=$(mktemp -d) PYTHONPATH=. .venv/bin/python bench/retrieval_tune.py
    [--seeds DIR] [--grid fusion|bm25|rewrite]
Holdout questions are dropped when the files are read, so no figure here can depend on them.
The old 52/55-question sets are scored beside, as the guard that must not get worse.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from knowledge.embeddings import Embedder  # noqa: E402
from knowledge.eval_kinds import first_relevant_rank, load_tags, metrics  # noqa: E402
from knowledge.evaluate import LabelledQuery, load_queries  # noqa: E402
from knowledge.query import load_synonyms, rewrite  # noqa: E402
from knowledge.search import RANKING, Query, Ranking  # noqa: E402
from service.config import Settings  # noqa: E402
from service.db.database import Database, connect  # noqa: E402
from service.db.search import multi_search  # noqa: E402
from service.indexing import ingest  # noqa: E402
from service.searcher import Searcher  # noqa: E402

EVAL = REPO / "knowledge" / "eval"
SETS = {  # name -> (collection, source key, labelled file, tune split only?)
    "seeds-tune": ("hard-seeds", "seeds", EVAL / "hard_seed_queries.jsonl", True),
    "corpus-tune": ("hard-corpus", "corpus", EVAL / "hard_corpus_queries.jsonl", True),
    "seeds-fresh": ("hard-seeds", "seeds", EVAL / "fresh_seed_queries.jsonl", True),
    "seeds-r2": ("hard-seeds", "seeds", EVAL / "round2_seed_queries.jsonl", True),
    "seeds-52": ("hard-seeds", "seeds", EVAL / "seed_queries.jsonl", False),
    "corpus-55": ("hard-corpus", "corpus", EVAL / "corpus_queries.jsonl", False),
}


def tune_only(*, path: Path, only_tune: bool) -> list[LabelledQuery]:
    """The labelled questions, holdout ones removed for the hard sets."""
    queries = load_queries(path=path)
    if not only_tune:
        return queries
    return [q for q, t in zip(queries, load_tags(path=path), strict=True) if t.split == "tune"]


def grid(*, name: str) -> list[tuple[str, Ranking, dict[str, Any]]]:
    """(label, ranking, rewrite options) to try."""
    base: dict[str, Any] = {"synonyms": True, "spelling": True, "dense_rewritten": True}
    out: list[tuple[str, Ranking, dict[str, Any]]] = []
    if name == "rewrite":
        for syn, spell, rewritten in itertools.product((False, True), repeat=3):
            opts = {"synonyms": syn, "spelling": spell, "dense_rewritten": rewritten}
            out.append((f"syn={syn:d} spell={spell:d} dense_rw={rewritten:d}", RANKING, opts))
    elif name == "joint":
        for dense, ceiling, head, path in itertools.product(
            (0.5, 0.55, 0.6), (0.25, 0.5), (0.5, 1.0), (0.25, 0.5)
        ):
            ranking = replace(RANKING, dense=dense, keyword=round(1 - dense, 2), ceiling=ceiling,
                              head_weight=head, path_weight=path)
            out.append((f"dense={dense} ceiling={ceiling} head={head} path={path}", ranking, base))
    elif name == "bm25":
        for k1, b, path in itertools.product((0.9, 1.2, 1.6), (0.5, 0.75, 0.9), (0.0, 0.25)):
            ranking = replace(RANKING, k1=k1, b=b, path_weight=path)
            out.append((f"k1={k1} b={b} path={path}", ranking, base))
    else:
        for dense, ceiling in itertools.product((0.5, 0.55, 0.6, 0.65, 0.7), (0.5, 0.75, 1.0, 1.5)):
            ranking = replace(RANKING, dense=dense, keyword=round(1 - dense, 2), ceiling=ceiling)
            out.append((f"dense={dense} ceiling={ceiling}", ranking, base))
    return out


async def score_set(*, conninfo: str, searcher: Searcher, embedder: Embedder,
                    collection: str, queries: list[LabelledQuery],
                    configs: list[tuple[str, Ranking, dict[str, Any]]]) -> list[dict[str, float]]:
    """hit@3 / MRR@10 of hybrid search on one set, per configuration."""
    cache: dict[str, Any] = {}
    out = []
    async with connect(conninfo) as conn:
        vocabulary = await searcher.vocabulary(conn, collection=collection)
        for _, ranking, opts in configs:
            batch = []
            for i, q in enumerate(queries):
                rw = rewrite(text=q.q, synonyms=searcher.synonyms if opts["synonyms"] else [],
                             vocabulary=vocabulary if opts["spelling"] else None)
                dense_text = rw.dense if opts["dense_rewritten"] else q.q
                if dense_text not in cache:
                    cache[dense_text] = embedder.encode_one(text=dense_text)
                batch.append(Query(qid=str(i), text=rw.keyword, embedding=cache[dense_text]))
            found = await multi_search(conn, queries=batch, collection=collection, k=10,
                                       ranking=ranking)
            ranks = [first_relevant_rank(passages=found[str(i)], query=q)
                     for i, q in enumerate(queries)]
            out.append(metrics(ranks=ranks))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--grid", default="fusion", choices=("fusion", "bm25", "rewrite", "joint"))
    args = parser.parse_args()
    sources = {"seeds": args.seeds, "corpus": REPO / "knowledge" / "corpus"}
    database = Database(settings=Settings())
    conninfo = database.start()
    try:
        embedder = Embedder()
        searcher = Searcher(embed=lambda text: embedder.encode_one(text=text),
                            synonyms=load_synonyms())
        for collection, key in (("hard-seeds", "seeds"), ("hard-corpus", "corpus")):
            report = ingest(conninfo=conninfo, paths=[sources[key]], collection=collection,
                            embedder=embedder)
            if not report.ingested_any:
                raise SystemExit(f"nothing ingested from {sources[key]}")
        configs = grid(name=args.grid)
        table: dict[str, list[dict[str, float]]] = {}
        for name, (collection, _, path, only_tune) in SETS.items():
            queries = tune_only(path=path, only_tune=only_tune)
            table[name] = asyncio.run(score_set(
                conninfo=conninfo, searcher=searcher, embedder=embedder, collection=collection,
                queries=queries, configs=configs))
    finally:
        database.stop(only_if_started_here=True)
    print("| config | " + " | ".join(f"{n} hit@3 | {n} MRR" for n in SETS) + " |")
    print("|---|" + "---|---|" * len(SETS))
    for i, (label, _, _) in enumerate(configs):
        cells = [f"{table[n][i]['hit@3']:.3f} | {table[n][i]['mrr@10']:.3f}" for n in SETS]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
