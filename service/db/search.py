"""Hybrid retrieval in one SQL statement: pgvector cosine and BM25, fused per query.

The ranking knobs (fusion weights, BM25 constants, candidate count) live in knowledge.search;
this module only carries them to the database. Each CTE is one step, so a change to ranking
(heading weights, synonyms, ...) touches one named step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from psycopg import AsyncConnection
from psycopg.rows import dict_row

from knowledge.search import (
    BM25_B,
    BM25_K1,
    CANDIDATES,
    SECTION_TF,
    WEIGHTS,
    Passage,
    Query,
    fused_score,
)

# Any number of queries in one round trip: row i of q is query i (id, optional embedding,
# optional text); every later step is partitioned by qid.
HYBRID_SQL = r"""
WITH q AS (
    SELECT * FROM unnest(%(qids)s::text[], %(embeddings)s::vector[], %(texts)s::text[])
        AS q(qid, emb, txt)
),
semantic_hits AS (
    SELECT q.qid, s.id, s.rank, s.sim
    FROM q CROSS JOIN LATERAL (
        SELECT c.id, 1 - (c.embedding <=> q.emb) AS sim,
               row_number() OVER (ORDER BY c.embedding <=> q.emb) AS rank
        FROM chunks c
        WHERE c.collection = ANY(%(collections)s)
        ORDER BY c.embedding <=> q.emb
        LIMIT %(candidates)s
    ) s
    WHERE q.emb IS NOT NULL
),
semantic AS (
    -- Each similarity divided by the query's best one.
    SELECT h.qid, h.id, h.rank,
           CASE WHEN max(h.sim) OVER w > 0 THEN greatest(h.sim, 0) / max(h.sim) OVER w
                ELSE 0 END AS norm
    FROM semantic_hits h
    WINDOW w AS (PARTITION BY h.qid)
),
stats AS (
    -- Figures saved at ingest; counted live for a collection that has none yet. Several
    -- collections rank as one: chunk counts add up, lengths average weighted by chunk count
    -- (one collection keeps its own figure exactly).
    SELECT sum(x.n) AS n,
           coalesce(CASE WHEN count(*) = 1 THEN min(x.avglen) END,
                    sum(x.n * x.avglen) / nullif(sum(x.n), 0), 1.0) AS avglen
    FROM unnest(%(collections)s::text[]) AS k(name)
    CROSS JOIN LATERAL (
        SELECT coalesce((SELECT s.chunks FROM collection_stats s WHERE s.collection = k.name),
                        (SELECT count(*) FROM chunks c WHERE c.collection = k.name)) AS n,
               coalesce((SELECT s.avg_length FROM collection_stats s
                         WHERE s.collection = k.name),
                        (SELECT avg(length(c.tsv)) FROM chunks c WHERE c.collection = k.name),
                        1.0) AS avglen
    ) x
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
    LEFT JOIN LATERAL (SELECT sum(t.ndoc) AS ndoc FROM term_stats t
                       WHERE t.collection = ANY(%(collections)s) AND t.term = u.lexeme) ts ON true
    WHERE q.txt IS NOT NULL
    ORDER BY q.qid, u.lexeme, w.word_no
),
wanted AS (
    -- Every query's lexemes as one OR tsquery (each quoted), so the GIN index picks the chunks.
    SELECT string_agg(DISTINCT '''' || replace(replace(t.term, '\', '\\'), '''', '''''') || '''',
                      ' | ')::tsquery AS tsq
    FROM terms t
),
postings AS MATERIALIZED (
    -- Each matching chunk's tsvector is unpacked once, whatever the number of queries.
    SELECT c.id, u.lexeme AS term, length(c.tsv) AS len,
           cardinality(u.positions)
             + (%(section_tf)s - 1) * cardinality(array_positions(u.weights, 'A')) AS tf
    FROM chunks c CROSS JOIN LATERAL unnest(c.tsv) u
    WHERE c.collection = ANY(%(collections)s)
      AND c.tsv @@ (SELECT tsq FROM wanted)
      AND u.lexeme IN (SELECT t.term FROM terms t)
),
bm25 AS (
    -- Okapi BM25; a hyphenated word's lexemes share one word_no and count once (its best).
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
    -- Each score divided by the query's best one; the top candidates only.
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
           s.rank AS dense_rank,
           k.rank AS keyword_rank
    FROM semantic s FULL OUTER JOIN keyword k ON s.qid = k.qid AND s.id = k.id
),
ranked AS (
    SELECT f.*, row_number() OVER (PARTITION BY f.qid ORDER BY f.fused DESC, f.id) AS pos
    FROM fused f
)
SELECT r.qid, r.fused, r.dense_rank, r.keyword_rank,
       c.id AS chunk_id, c.section, c.text, d.path, d.title, d.collection, d.cites
FROM ranked r
JOIN chunks c ON c.id = r.id
JOIN documents d ON d.id = c.document_id
WHERE r.pos <= %(k)s
ORDER BY r.qid, r.pos
"""


async def multi_search(
    conn: AsyncConnection[Any], *, queries: Sequence[Query], collection: str | Sequence[str],
    k: int,
) -> dict[str, list[Passage]]:
    """Top-k fused passages for each query, all in one SQL statement.

    `collection` names one collection or several, whose passages then compete on one ranking.
    The connection must have pgvector's types registered (the pool's configure does it).
    """
    if not queries:
        return {}
    params = {
        "qids": [q.qid for q in queries],
        "embeddings": [q.embedding for q in queries],
        "texts": [q.text if q.text and q.text.strip() else None for q in queries],
        "collections": [collection] if isinstance(collection, str) else list(dict.fromkeys(
            collection)),
        "candidates": max(CANDIDATES, k),
        "w_dense": WEIGHTS["dense"],
        "w_keyword": WEIGHTS["keyword"],
        "k1": BM25_K1,
        "b": BM25_B,
        "section_tf": SECTION_TF,
        "k": k,
    }
    out: dict[str, list[Passage]] = {q.qid: [] for q in queries}
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(HYBRID_SQL, params)
        for row in await cur.fetchall():
            out[row["qid"]].append(
                Passage(
                    chunk_id=row["chunk_id"],
                    text=row["text"],
                    path=row["path"],
                    section=row["section"],
                    title=row["title"],
                    collection=row["collection"],
                    score=fused_score(fused=float(row["fused"])),
                    dense_rank=row["dense_rank"],
                    keyword_rank=row["keyword_rank"],
                    cites=list(row["cites"] or []),
                )
            )
    return out


async def hybrid_search(
    conn: AsyncConnection[Any],
    *,
    text: str,
    embedding: np.ndarray | None,
    collection: str | Sequence[str],
    k: int = 5,
) -> list[Passage]:
    """Best-first passages for one question."""
    found = await multi_search(
        conn, queries=[Query(qid="q", text=text, embedding=embedding)], collection=collection, k=k
    )
    return found["q"]
