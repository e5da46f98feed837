"""The documents and chunks tables: what ingest writes, and how readers see it changed."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import psycopg
from pgvector.psycopg import register_vector
from psycopg import AsyncConnection

from knowledge.chunking import ParsedDocument

COPY_CHUNKS = (
    "COPY chunks (document_id, collection, ordinal, section, text, embedding)"
    " FROM STDIN WITH (FORMAT BINARY)"
)
COPY_TYPES = ["int8", "text", "int4", "text", "text", "vector"]


@contextmanager
def writer(conninfo: str) -> Iterator[psycopg.Connection[Any]]:
    """An autocommit connection for ingest, with pgvector's types and relaxed commit waits."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        register_vector(conn)
        # A crash may lose the last commits, never half a file; the content hash re-indexes them.
        conn.execute("SET synchronous_commit = off")
        yield conn


@contextmanager
def index_lock(conninfo: str, *, name: str) -> Iterator[None]:
    """A session advisory lock, so processes starting together index one after another."""
    with psycopg.connect(conninfo, autocommit=True) as lock:
        lock.execute("SELECT pg_advisory_lock(hashtext(%(name)s))", {"name": name})
        yield


def content_hashes(conn: psycopg.Connection[Any], *, collection: str) -> dict[str, str]:
    """path -> content hash of every file already in a collection."""
    rows = conn.execute(
        "SELECT path, content_hash FROM documents WHERE collection = %(c)s", {"c": collection}
    ).fetchall()
    return {row[0]: row[1] for row in rows}


def replace(
    conn: psycopg.Connection[Any],
    *,
    collection: str,
    name: str,
    digest: str,
    doc: ParsedDocument,
    vectors: Sequence[np.ndarray],
) -> None:
    """Replace one file's document and chunks atomically."""
    with conn.transaction():
        conn.execute(
            "DELETE FROM documents WHERE collection = %(c)s AND path = %(p)s",
            {"c": collection, "p": name},
        )
        row = conn.execute(
            """
            INSERT INTO documents (collection, path, title, content_hash, cites)
            VALUES (%(c)s, %(p)s, %(t)s, %(h)s, %(cites)s::jsonb)
            RETURNING id
            """,
            {"c": collection, "p": name, "t": doc.title, "h": digest,
             "cites": json.dumps(doc.cites)},
        ).fetchone()
        assert row is not None
        # Binary COPY: one round trip per file, no per-row statement parsing or text vectors.
        with conn.cursor() as cur, cur.copy(COPY_CHUNKS) as copy:
            copy.set_types(COPY_TYPES)
            for chunk, vector in zip(doc.chunks, vectors, strict=True):
                copy.write_row((row[0], collection, chunk.ordinal, chunk.section, chunk.text,
                                vector))


async def version(conn: AsyncConnection[Any], *, collection: str) -> tuple[Any, ...]:
    """Changes whenever a collection's files do (count, newest id, newest ingest time).

    Chunks only change with their document row (replaced: new id and time), so the small
    documents table tells; the supervisor asks this every second.
    """
    cur = await conn.execute(
        "SELECT count(*), max(id), max(ingested_at) FROM documents WHERE collection = %(c)s",
        {"c": collection},
    )
    return tuple(await cur.fetchone() or ())


async def paths(conn: AsyncConnection[Any], *, collection: str) -> list[str]:
    """The relative paths of a collection's files."""
    cur = await conn.execute(
        "SELECT path FROM documents WHERE collection = %(c)s ORDER BY path", {"c": collection}
    )
    return [row[0] for row in await cur.fetchall()]
