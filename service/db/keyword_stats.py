"""Per-collection keyword statistics: term frequencies and body length (BM25), words (spelling)."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import AsyncConnection

REFRESH_STATS_SQL = (
    # Two ingests of one collection at once take turns rather than collide on the primary key.
    "SELECT pg_advisory_xact_lock(hashtext('term_stats:' || %(collection)s))",
    "DELETE FROM term_stats WHERE collection = %(collection)s",
    """
    INSERT INTO term_stats (collection, term, ndoc)
    SELECT %(collection)s, s.word, s.ndoc
    FROM ts_stat(format('SELECT head_tsv || body_tsv FROM chunks WHERE collection = %%L',
                        %(collection)s::text)) s
    """,
    """
    INSERT INTO collection_stats (collection, chunks, avg_length, refreshed_at)
    SELECT %(collection)s, count(*), coalesce(avg(length(c.body_tsv)), 1.0), now()
    FROM chunks c WHERE c.collection = %(collection)s
    ON CONFLICT (collection) DO UPDATE
        SET chunks = EXCLUDED.chunks, avg_length = EXCLUDED.avg_length,
            refreshed_at = EXCLUDED.refreshed_at
    """,
    "DELETE FROM collection_words WHERE collection = %(collection)s",
    """
    -- Words as written, hyphenated compounds also joined up ("finetuning"), 3 letters or more.
    INSERT INTO collection_words (collection, word, chunks)
    SELECT %(collection)s, w.word, count(DISTINCT c.id)
    FROM chunks c
    CROSS JOIN LATERAL (
        SELECT regexp_split_to_table(lower(c.section || ' ' || c.text), '[^a-z]+')
        UNION ALL
        SELECT replace(m[1], '-', '')
        FROM regexp_matches(lower(c.section || ' ' || c.text), '([a-z]+(-[a-z]+)+)', 'g') m
    ) w(word)
    WHERE c.collection = %(collection)s AND length(w.word) >= 3
    GROUP BY w.word
    """,
)


def refresh(conn: psycopg.Connection[Any], *, collection: str) -> None:
    """Recount terms and words, so ranking discounts common words and typos find our spelling."""
    with conn.transaction():
        for statement in REFRESH_STATS_SQL:
            conn.execute(statement, {"collection": collection})


def stale(conn: psycopg.Connection[Any], *, collection: str) -> bool:
    """Statistics missing or counted over a different set of chunks (an interrupted run)."""
    row = conn.execute(
        """
        SELECT (SELECT chunks FROM collection_stats WHERE collection = %(c)s)
               IS DISTINCT FROM (SELECT count(*) FROM chunks WHERE collection = %(c)s)
        """,
        {"c": collection},
    ).fetchone()
    return bool(row and row[0])


async def words(conn: AsyncConnection[Any], *, collection: str) -> dict[str, int]:
    """word -> number of passages holding it, for one collection."""
    cur = await conn.execute(
        "SELECT word, chunks FROM collection_words WHERE collection = %(c)s", {"c": collection}
    )
    return {row[0]: int(row[1]) for row in await cur.fetchall()}
