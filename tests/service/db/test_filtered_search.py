"""A small collection among large ones still gets its full k from the HNSW index (pgvector 0.8)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import numpy as np
import psycopg
import pytest
from pgvector.psycopg import register_vector
from psycopg import AsyncConnection
from psycopg.conninfo import make_conninfo

from knowledge.search import Query
from service.db.database import connect
from service.db.migrate import apply_migrations
from service.db.search import multi_search

SCRATCH = "advisor_filtered_search"
BIG, SMALL, K = 1500, 12, 10
DIM = 384


@pytest.fixture(scope="module")
def scratch_url(database_url: str) -> str:
    """A database of its own in the session's cluster, so these rows touch no other test."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        conn.execute(f"CREATE DATABASE {SCRATCH}")
    url = make_conninfo(database_url, dbname=SCRATCH)
    apply_migrations(conninfo=url)
    fill(url=url)
    return url


def around(*, axis: int, n: int, rng: np.random.Generator) -> list[np.ndarray]:
    """n unit vectors close to one axis."""
    base = np.zeros(DIM, dtype=np.float32)
    base[axis] = 1.0
    vectors = base + 0.05 * rng.standard_normal((n, DIM)).astype(np.float32)
    return list(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))


def fill(*, url: str) -> None:
    """Two large collections near axis 0, a small one near axis 1, all in one HNSW index."""
    rng = np.random.default_rng(19)
    with psycopg.connect(url, autocommit=True) as conn:
        register_vector(conn)
        for name, axis, n in (("big-a", 0, BIG), ("big-b", 0, BIG), ("small", 1, SMALL)):
            doc_id = conn.execute(
                "INSERT INTO documents (collection, path, title, content_hash)"
                " VALUES (%s, 'gen.md', 'generated', 'h') RETURNING id",
                (name,),
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO chunks (document_id, collection, ordinal, text, embedding)"
                " SELECT %s, %s, o, 'generated passage', e"
                " FROM unnest(%s::vector[]) WITH ORDINALITY AS u(e, o)",
                (doc_id, name, around(axis=axis, n=n, rng=rng)),
            )
        conn.execute("ANALYZE chunks")


@pytest.fixture
async def conn(scratch_url: str) -> AsyncIterator[AsyncConnection[Any]]:
    """The service's connection settings, and a planner that walks the graph.

    With accurate statistics the planner sorts a small collection exactly; it walks the HNSW
    graph when the collection is large or misestimated. Sorting is disabled to take that path.
    """
    async with connect(scratch_url) as connection:
        await connection.execute("SET enable_sort = off")
        yield connection


def query_towards_the_big_collections() -> Query:
    vector = np.zeros(DIM, dtype=np.float32)
    vector[0] = 1.0
    return Query(qid="q", embedding=vector)


async def small_collection_hits(conn: AsyncConnection[Any]) -> list[str]:
    found = await multi_search(
        conn, queries=[query_towards_the_big_collections()], collection="small", k=K
    )
    return [p.collection for p in found["q"]]


async def test_the_search_walks_the_hnsw_graph(conn: AsyncConnection[Any]) -> None:
    """The case under test: the index, not an exact sort, picks the small collection's rows."""
    cur = await conn.execute(
        "EXPLAIN SELECT id FROM chunks WHERE collection = 'small'"
        " ORDER BY embedding <=> %s LIMIT 40",
        (query_towards_the_big_collections().embedding,),
    )
    plan = "\n".join(row[0] for row in await cur.fetchall())
    assert "chunks_embedding_hnsw" in plan


async def test_a_small_collection_among_large_ones_returns_its_full_k(
    conn: AsyncConnection[Any],
) -> None:
    assert (await (await conn.execute("SHOW hnsw.iterative_scan")).fetchone()) == (
        "relaxed_order",
    )
    assert await small_collection_hits(conn) == ["small"] * K


async def test_without_iterative_scans_the_same_search_comes_back_short(
    conn: AsyncConnection[Any],
) -> None:
    """The control: pgvector 0.6's behaviour, filtering only the graph's first candidates."""
    await conn.execute("SET hnsw.iterative_scan = off")
    assert len(await small_collection_hits(conn)) < K
