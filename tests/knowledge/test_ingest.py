"""Ingestion against the real embedded PostgreSQL + pgvector."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import psycopg
import pytest

from service.db.database import connect
from service.db.search import hybrid_search
from service.indexing import ingest

DOC_A = (
    "# Freshness\n\n## Weekly docs\n\nWhen pricing pages and policies change every week, index "
    "them for retrieval instead of training them into weights, because weights never update live "
    "facts.\n"
)
DOC_B = (
    "# Volume\n\n## Narrow jobs\n\nA narrow, repeatable extraction job at tens of thousands of "
    "requests a day is where a small fine-tuned model pays for itself in cost and latency.\n"
)
GAINS = "Expect a ten to fifteen percent lift on the target metric plus steadier outputs."


def count(database_url: str, collection: str) -> tuple[int, int]:
    with psycopg.connect(database_url) as conn:
        docs = conn.execute(
            "SELECT count(*) FROM documents WHERE collection = %s", (collection,)
        ).fetchone()
        chunks = conn.execute(
            "SELECT count(*) FROM chunks WHERE collection = %s", (collection,)
        ).fetchone()
    assert docs and chunks
    return int(docs[0]), int(chunks[0])


def chunk_ids(database_url: str, collection: str) -> set[int]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT id FROM chunks WHERE collection = %s", (collection,))
        return {r[0] for r in rows}


def test_reingest_unchanged_is_a_no_op(tmp_path: Path, database_url: str, embedder: Any) -> None:
    (tmp_path / "a.md").write_text(DOC_A)
    (tmp_path / "b.md").write_text(DOC_B)
    first = ingest(conninfo=database_url, paths=[tmp_path], collection="t-idem", embedder=embedder)
    assert sorted(first.added) == ["a.md", "b.md"]
    before = chunk_ids(database_url, "t-idem")
    second = ingest(conninfo=database_url, paths=[tmp_path], collection="t-idem", embedder=embedder)
    assert second.added == [] and second.replaced == [] and second.chunks_written == 0
    assert sorted(second.unchanged) == ["a.md", "b.md"]
    assert chunk_ids(database_url, "t-idem") == before


def test_changed_file_replaces_its_chunks(tmp_path: Path, database_url: str, embedder: Any) -> None:
    path = tmp_path / "a.md"
    path.write_text(DOC_A)
    ingest(conninfo=database_url, paths=[tmp_path], collection="t-replace", embedder=embedder)
    old = chunk_ids(database_url, "t-replace")
    path.write_text(DOC_A.replace("every week", "every single day"))
    report = ingest(conninfo=database_url, paths=[tmp_path], collection="t-replace",
                    embedder=embedder)
    assert report.replaced == ["a.md"]
    new = chunk_ids(database_url, "t-replace")
    assert new and not (new & old)
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT text FROM chunks WHERE collection = 't-replace'")
        texts = [r[0] for r in rows]
    assert any("every single day" in t for t in texts) and not any("every week" in t for t in texts)
    assert count(database_url, "t-replace") == (1, len(new))


def test_bad_files_are_skipped_with_reasons(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    (tmp_path / "empty.md").write_text("   \n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "good.md").write_text(DOC_B)
    report = ingest(conninfo=database_url, paths=[tmp_path, tmp_path / "missing.md"],
                    collection="t-bad", embedder=embedder)
    reasons = {Path(p).name: r for p, r in report.skipped}
    assert reasons["empty.md"] == "empty file"
    assert "binary" in reasons["blob.txt"]
    assert "UTF-8" in reasons["latin.txt"]
    assert "unsupported" in reasons["image.png"]
    assert "no such file" in reasons["missing.md"]
    assert report.added == ["good.md"]


def test_nothing_ingestible_reports_nothing(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    (tmp_path / "empty.txt").write_text("")
    report = ingest(conninfo=database_url, paths=[tmp_path], collection="t-none", embedder=embedder)
    assert not report.ingested_any


def test_collection_filter(tmp_path: Path, database_url: str, embedder: Any) -> None:
    (tmp_path / "a.md").write_text(DOC_A)
    ingest(conninfo=database_url, paths=[tmp_path / "a.md"], collection="t-col-1",
           embedder=embedder)
    (tmp_path / "b.md").write_text(DOC_B)
    ingest(conninfo=database_url, paths=[tmp_path / "b.md"], collection="t-col-2",
           embedder=embedder)

    async def run(collection: str) -> list[str]:
        q = "should weekly changing pricing be fine-tuned"
        async with connect(database_url) as conn:
            found = await hybrid_search(conn, text=q, embedding=embedder.encode_one(text=q),
                                        collection=collection, k=5)
        return [p.path for p in found]

    assert set(asyncio.run(run("t-col-1"))) == {"a.md"}
    assert set(asyncio.run(run("t-col-2"))) == {"b.md"}


@pytest.mark.parametrize("name", ["notes.html", "notes.txt"])
def test_html_and_text_are_accepted(
    tmp_path: Path, database_url: str, embedder: Any, name: str
) -> None:
    body = f"<h1>Gains</h1><p>{GAINS}</p>" if name.endswith(".html") else f"Gains\n\n{GAINS}\n"
    (tmp_path / name).write_text(body)
    report = ingest(conninfo=database_url, paths=[tmp_path], collection=f"t-{name}",
                    embedder=embedder)
    assert report.added == [name] and report.chunks_written == 1
