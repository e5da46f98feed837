"""Hybrid retrieval: pgvector cosine and BM25 full-text scores, fused in one SQL statement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import psycopg
from psycopg import AsyncConnection
from psycopg.rows import dict_row

# Convex fusion: each side's score is divided by that side's best score for the query, then
# weighted. Unlike min-max it does not depend on how many candidates are fetched, and it ranks
# better than RRF on every labelled set (any dense weight from 0.5 to 0.65 does about as well).
# The RRF score (k=60) is still reported with each passage.
WEIGHTS = {"dense": 0.55, "keyword": 0.45}
RRF_K = 60
CANDIDATES = 40
# Okapi BM25 over the chunk tsvectors; a query word in the heading path counts SECTION_TF times.
BM25_K1 = 1.2
BM25_B = 0.75
SECTION_TF = 2.0

# A lexeme as tsquery text: backslashes and quotes doubled, the whole lexeme quoted.
_QUOTED = r"'''' || replace(replace({col}, '\', '\\'), '''', '''''') || ''''"

# Document frequencies per term and the collection's size and mean chunk length, for BM25.
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

# One round trip for any number of queries: each row of q carries a query id, an optional
# embedding (as pgvector text) and optional query text; ranks are fused per query.
HYBRID_SQL = r"""
WITH q AS (
    SELECT * FROM unnest(%(qids)s::text[], %(embeddings)s::text[], %(texts)s::text[])
        AS q(qid, emb, txt)
),
semantic_hits AS (
    SELECT q.qid, s.id, s.rank, s.sim
    FROM q CROSS JOIN LATERAL (
        SELECT c.id, 1 - (c.embedding <=> q.emb::vector) AS sim,
               row_number() OVER (ORDER BY c.embedding <=> q.emb::vector) AS rank
        FROM chunks c
        WHERE c.collection = %(collection)s
        ORDER BY c.embedding <=> q.emb::vector
        LIMIT %(candidates)s
    ) s
    WHERE q.emb IS NOT NULL
),
semantic AS (
    SELECT h.qid, h.id, h.rank,
           CASE WHEN max(h.sim) OVER w > 0 THEN greatest(h.sim, 0) / max(h.sim) OVER w
                ELSE 0 END AS norm
    FROM semantic_hits h
    WINDOW w AS (PARTITION BY h.qid)
),
stats AS (
    -- Figures saved at ingest; counted live for a collection that has none yet.
    SELECT coalesce((SELECT s.chunks FROM collection_stats s WHERE s.collection = %(collection)s),
                    (SELECT count(*) FROM chunks c WHERE c.collection = %(collection)s)) AS n,
           coalesce((SELECT s.avg_length FROM collection_stats s
                     WHERE s.collection = %(collection)s),
                    (SELECT avg(length(c.tsv)) FROM chunks c WHERE c.collection = %(collection)s),
                    1.0) AS avglen
),
terms AS (
    -- A query word yields several lexemes when hyphenated ("fine-tuning": the whole, the parts
    -- and, as indexed by migration 0004, the joined form); word_no lets it count only once.
    SELECT DISTINCT ON (q.qid, u.lexeme) q.qid, w.word_no, u.lexeme AS term,
           ln(1 + (greatest(st.n, ts.ndoc, 0) - coalesce(ts.ndoc, 0) + 0.5)
                  / (coalesce(ts.ndoc, 0) + 0.5)) AS idf
    FROM q
    CROSS JOIN LATERAL regexp_split_to_table(q.txt, '[^\w''-]+') WITH ORDINALITY
        AS w(word, word_no)
    CROSS JOIN LATERAL unnest(to_tsvector('english', w.word)
                              || to_tsvector('english', replace(w.word, '-', ''))) u
    CROSS JOIN stats st
    LEFT JOIN term_stats ts ON ts.collection = %(collection)s AND ts.term = u.lexeme
    WHERE q.txt IS NOT NULL
    ORDER BY q.qid, u.lexeme, w.word_no
),
postings AS MATERIALIZED (
    -- Each matching chunk's tsvector is unpacked once, whatever the number of queries.
    SELECT c.id, u.lexeme AS term, length(c.tsv) AS len,
           cardinality(u.positions)
             + (%(section_tf)s - 1) * cardinality(array_positions(u.weights, 'A')) AS tf
    FROM chunks c CROSS JOIN LATERAL unnest(c.tsv) u
    WHERE c.collection = %(collection)s
      AND c.tsv @@ (SELECT string_agg(DISTINCT """ + _QUOTED.format(col="t.term") + r""", ' | ')
                    ::tsquery FROM terms t)
      AND u.lexeme IN (SELECT t.term FROM terms t)
),
bm25 AS (
    SELECT x.qid, x.id, sum(x.best) AS score
    FROM (
        SELECT t.qid, p.id, t.word_no,
               max(t.idf * p.tf * (%(k1)s + 1)
                   / (p.tf + %(k1)s * (1 - %(b)s + %(b)s * p.len / st.avglen))) AS best
        FROM terms t
        JOIN postings p ON p.term = t.term
        CROSS JOIN stats st
        GROUP BY t.qid, p.id, t.word_no
    ) x
    GROUP BY x.qid, x.id
),
keyword AS (
    SELECT r.qid, r.id, r.rank, r.score / nullif(r.top, 0) AS norm
    FROM (
        SELECT b.qid, b.id, b.score, max(b.score) OVER (PARTITION BY b.qid) AS top,
               row_number() OVER (PARTITION BY b.qid ORDER BY b.score DESC, b.id) AS rank
        FROM bm25 b
    ) r
    WHERE r.rank <= %(candidates)s
),
fused AS (
    SELECT COALESCE(s.qid, k.qid) AS qid,
           COALESCE(s.id, k.id) AS id,
           %(w_dense)s * COALESCE(s.norm, 0.0) + %(w_keyword)s * COALESCE(k.norm, 0.0) AS fused,
           COALESCE(1.0 / (%(rrf_k)s + s.rank), 0.0) + COALESCE(1.0 / (%(rrf_k)s + k.rank), 0.0)
               AS rrf,
           s.rank AS dense_rank,
           k.rank AS keyword_rank
    FROM semantic s FULL OUTER JOIN keyword k ON s.qid = k.qid AND s.id = k.id
),
ranked AS (
    SELECT f.*, row_number() OVER (PARTITION BY f.qid ORDER BY f.fused DESC, f.id) AS pos
    FROM fused f
)
SELECT r.qid, r.pos, r.fused, r.rrf, r.dense_rank, r.keyword_rank,
       c.id AS chunk_id, c.section, c.text, d.path, d.title, d.collection, d.cites
FROM ranked r
JOIN chunks c ON c.id = r.id
JOIN documents d ON d.id = c.document_id
WHERE r.pos <= %(k)s
ORDER BY r.qid, r.pos
"""


@dataclass(frozen=True)
class Query:
    """One retrieval query: dense side (embedding), keyword side (text), or both."""

    qid: str
    text: str | None = None
    embedding: np.ndarray | None = None


@dataclass
class Passage:
    """A retrieved chunk with where it comes from and why it ranked."""

    chunk_id: int
    text: str
    path: str
    section: str
    title: str
    collection: str
    score: float
    rrf: float
    dense_rank: int | None
    keyword_rank: int | None
    cites: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        """File and section, the way the advisor cites a passage."""
        return f"{self.path} § {self.section}" if self.section else self.path

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of a guidance passage."""
        return {
            "text": self.text,
            "source": self.source,
            "score": round(self.score, 4),
            "title": self.title,
            "file": self.path,
            "section": self.section,
            "collection": self.collection,
            "cites": list(self.cites),
            "dense_rank": self.dense_rank,
            "keyword_rank": self.keyword_rank,
        }


def vector_literal(*, embedding: np.ndarray | None) -> str | None:
    """pgvector's text form, so many vectors travel as one text[] parameter."""
    if embedding is None:
        return None
    return "[" + ",".join(f"{x:.6f}" for x in embedding.tolist()) + "]"


async def multi_search(
    conn: AsyncConnection[Any], *, queries: Sequence[Query], collection: str, k: int,
) -> dict[str, list[Passage]]:
    """Top-k fused passages for each query, all in one SQL statement."""
    if not queries:
        return {}
    params = {
        "qids": [q.qid for q in queries],
        "embeddings": [vector_literal(embedding=q.embedding) for q in queries],
        "texts": [q.text if q.text and q.text.strip() else None for q in queries],
        "collection": collection,
        "candidates": max(CANDIDATES, k),
        "rrf_k": RRF_K,
        "w_dense": WEIGHTS["dense"],
        "w_keyword": WEIGHTS["keyword"],
        "k1": BM25_K1,
        "b": BM25_B,
        "section_tf": SECTION_TF,
        "k": k,
    }
    best = WEIGHTS["dense"] + WEIGHTS["keyword"]
    out: dict[str, list[Passage]] = {q.qid: [] for q in queries}
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(HYBRID_SQL, params)
        for row in await cur.fetchall():
            fused = float(row["fused"])
            out[row["qid"]].append(
                Passage(
                    chunk_id=row["chunk_id"], text=row["text"], path=row["path"],
                    section=row["section"], title=row["title"], collection=row["collection"],
                    score=min(1.0, fused / best), rrf=float(row["rrf"]),
                    dense_rank=row["dense_rank"], keyword_rank=row["keyword_rank"],
                    cites=list(row["cites"] or []),
                )
            )
    return out


async def hybrid_search(
    conn: AsyncConnection[Any], *, text: str, embedding: np.ndarray | None, collection: str,
    k: int = 5,
) -> list[Passage]:
    """Best-first passages for one question."""
    found = await multi_search(
        conn, queries=[Query(qid="q", text=text, embedding=embedding)], collection=collection, k=k
    )
    return found["q"]


def refresh_term_stats(*, conn: psycopg.Connection[Any], collection: str) -> None:
    """Recount how many chunks hold each term, so keyword ranking can discount common words."""
    with conn.transaction():
        for statement in REFRESH_STATS_SQL:
            conn.execute(statement, {"collection": collection})
