"""Per-collection term statistics (document frequencies, mean chunk length) for BM25."""

from __future__ import annotations

from typing import Any

import psycopg

REFRESH_STATS_SQL = (
    # Two ingests of one collection at once take turns rather than collide on the primary key.
    "SELECT pg_advisory_xact_lock(hashtext('term_stats:' || %(collection)s))",
    "DELETE FROM term_stats WHERE collection = %(collection)s",
    """
    INSERT INTO term_stats (collection, term, ndoc)
    SELECT %(collection)s, s.word, s.ndoc
    FROM ts_stat(format('SELECT tsv FROM chunks WHERE collection = %%L', %(collection)s::text)) s
    """,
    """
    INSERT INTO collection_stats (collection, chunks, avg_length, refreshed_at)
    SELECT %(collection)s, count(*), coalesce(avg(length(c.tsv)), 1.0), now()
    FROM chunks c WHERE c.collection = %(collection)s
    ON CONFLICT (collection) DO UPDATE
        SET chunks = EXCLUDED.chunks, avg_length = EXCLUDED.avg_length,
            refreshed_at = EXCLUDED.refreshed_at
    """,
)


def refresh(conn: psycopg.Connection[Any], *, collection: str) -> None:
    """Recount how many chunks hold each term, so keyword ranking can discount common words."""
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
