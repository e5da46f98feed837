"""Keyword ranking, term statistics and fusion, against the real embedded PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import psycopg

from knowledge.query import rewrite
from knowledge.search import Passage, Query
from service.db.database import connect
from service.db.migrate import migration_files
from service.db.search import multi_search
from service.indexing import ingest

# Every file leans on the same words ("fine-tuning", "model"); only one mentions APR figures.
COMMON = (
    "# {title}\n\n## Notes\n\nFine-tuning a model changes how the model behaves. A fine-tuning run "
    "shapes the model's tone, and fine-tuning again shapes the model further, fine-tuning by "
    "fine-tuning, model by model.\n"
)
RARE = (
    "# Stale facts\n\n## Rates\n\nA support bot quoting last month's APR needs retrieval over "
    "current rate tables; training the model cannot keep such numbers fresh.\n"
)


def write_corpus(folder: Path) -> None:
    for i in range(5):
        (folder / f"common-{i}.md").write_text(COMMON.format(title=f"Behaviour {i}"))
    (folder / "rare.md").write_text(RARE)


def search(
    database_url: str, queries: list[Query], collection: str, k: int = 5
) -> dict[str, list[Passage]]:
    async def run() -> dict[str, list[Passage]]:
        async with connect(database_url) as conn:
            return await multi_search(conn, queries=queries, collection=collection, k=k)

    return asyncio.run(run())


def test_a_rare_word_outranks_repeated_common_ones(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    write_corpus(tmp_path)
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-idf", embedder=embedder)
    found = search(database_url, [Query(qid="kw", text="fine-tuning model APR")], "t-idf")
    assert found["kw"][0].path == "rare.md"
    assert all(p.dense_rank is None for p in found["kw"])


def test_compounds_match_with_or_without_the_hyphen(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    (tmp_path / "a.md").write_text("# A\n\nPre-training data sets the ceiling for later runs.\n")
    (tmp_path / "b.md").write_text("# B\n\nA finetuned adapter inherits the limits of its base.\n")
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-compound", embedder=embedder)
    found = search(database_url, [Query(qid="joined", text="pretraining"),
                                  Query(qid="split", text="fine-tuned")], "t-compound")
    assert [p.path for p in found["joined"]] == ["a.md"]
    assert [p.path for p in found["split"]] == ["b.md"]


def stats(database_url: str, collection: str) -> tuple[int, Any, int]:
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT chunks, refreshed_at FROM collection_stats WHERE collection = %s",
            (collection,),
        ).fetchone()
        apr = conn.execute("SELECT ndoc FROM term_stats WHERE collection = %s AND term = 'apr'",
                           (collection,)).fetchone()
    assert row is not None and apr is not None
    return int(row[0]), row[1], int(apr[0])


def test_term_statistics_follow_ingest(tmp_path: Path, database_url: str, embedder: Any) -> None:
    write_corpus(tmp_path)
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-stats", embedder=embedder)
    chunks, refreshed, apr = stats(database_url, "t-stats")
    with psycopg.connect(database_url) as conn:
        live = conn.execute("SELECT count(*) FROM chunks WHERE collection = 't-stats'").fetchone()
    assert live is not None and chunks == live[0] and apr == 1
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-stats", embedder=embedder)
    assert stats(database_url, "t-stats")[1] == refreshed  # nothing changed, nothing recounted
    (tmp_path / "common-0.md").write_text(RARE.replace("Stale facts", "More stale facts"))
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-stats", embedder=embedder)
    assert stats(database_url, "t-stats")[2] == 2


def test_keyword_search_works_without_saved_statistics(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    write_corpus(tmp_path)
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-nostats", embedder=embedder)
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("DELETE FROM term_stats WHERE collection = 't-nostats'")
        conn.execute("DELETE FROM collection_stats WHERE collection = 't-nostats'")
    found = search(database_url, [Query(qid="kw", text="quoting APR rate tables")], "t-nostats")
    assert found["kw"][0].path == "rare.md"
    report = ingest(conninfo=database_url, paths=[tmp_path], collection="t-nostats",
                    embedder=embedder)
    assert report.chunks_written == 0 and stats(database_url, "t-nostats")[2] == 1  # recounted


def test_fused_scores_are_bounded_and_best_first(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    write_corpus(tmp_path)
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-fuse", embedder=embedder)
    text = "support bot quoting an old APR"
    queries = [Query(qid="h", text=text, embedding=embedder.encode_one(text=text)),
               Query(qid="none", text="zzzz qqqq")]
    found = search(database_url, queries, "t-fuse", k=6)
    scores = [p.score for p in found["h"]]
    assert found["h"][0].path == "rare.md" and scores[0] == 1.0
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)
    assert found["none"] == []


CONSISTENT = """
SELECT count(*) FILTER (WHERE s.chunks = c.n), count(*)
FROM (SELECT collection, count(*) AS n FROM chunks GROUP BY collection) c
LEFT JOIN collection_stats s USING (collection)
"""


def test_heading_migration_can_run_again(database_url: str) -> None:
    sql = dict(migration_files())["0006_heading_field"]
    with psycopg.connect(database_url) as conn:
        conn.execute(sql.encode())
        consistent = conn.execute(CONSISTENT).fetchone()
        joined = conn.execute("SELECT count(*) FROM chunks WHERE body_tsv @@ 'finetun'::tsquery")
        hits = joined.fetchone()
        own = conn.execute(
            "SELECT head_tsv::text FROM chunks"
            " WHERE section = 'RAG versus fine-tuning › Is fine-tuning better than RAG?'"
        ).fetchone()
        words = conn.execute(
            "SELECT count(DISTINCT collection), bool_or(word = 'finetuning') FROM collection_words"
        ).fetchone()
        conn.rollback()
    assert consistent is not None and hits is not None and own is not None and words is not None
    assert consistent[0] == consistent[1] > 0  # every collection recounted
    assert hits[0] > 0  # "fine-tuning" in the seeds and corpus is indexed joined up too
    # The passage's own heading is weight A, the headings above it weight B.
    assert "'better':5A" in own[0] and "'versus':10B" in own[0]
    assert words[0] == consistent[1] and words[1]


def test_a_british_spelling_finds_the_american_passage(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    (tmp_path / "a.md").write_text("# A\n\nCustomization of a model needs labeled examples.\n")
    (tmp_path / "b.md").write_text("# B\n\nRetrieval keeps the answers current.\n")
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-british", embedder=embedder)
    plain = search(database_url, [Query(qid="q", text="customisation")], "t-british")
    assert plain["q"] == []  # the stemmer keeps "customis" apart from "custom"
    text = rewrite(text="customisation", synonyms=[]).keyword
    found = search(database_url, [Query(qid="q", text=text)], "t-british")
    assert [p.path for p in found["q"]] == ["a.md"]
