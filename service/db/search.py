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

from knowledge.search import RANKING, Passage, Query, Ranking

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
                        (SELECT avg(length(c.body_tsv)) FROM chunks c
                         WHERE c.collection = k.name),
                        1.0) AS avglen
    ) x
),
terms AS (
    -- Words are whitespace-separated (knowledge.query); a word's alternatives, joined by "|"
    -- (a synonym, a spelling fix, a hyphenated word's parts), share its word_no and count once.
    SELECT DISTINCT ON (q.qid, u.lexeme) q.qid, w.word_no, u.lexeme AS term,
           ts.ndoc IS NOT NULL AS known,
           ln(1 + (greatest(st.n, ts.ndoc, 0) - coalesce(ts.ndoc, 0) + 0.5)
                  / (coalesce(ts.ndoc, 0) + 0.5)) AS idf
    FROM q
    CROSS JOIN LATERAL regexp_split_to_table(q.txt, '\s+') WITH ORDINALITY AS w(word, word_no)
    CROSS JOIN LATERAL unnest(string_to_array(w.word, '|')) AS a(alt)
    CROSS JOIN LATERAL unnest(to_tsvector('english', a.alt)
                              || to_tsvector('english', replace(a.alt, '-', ''))) u
    CROSS JOIN stats st
    LEFT JOIN LATERAL (SELECT sum(t.ndoc) AS ndoc FROM term_stats t
                       WHERE t.collection = ANY(%(collections)s) AND t.term = u.lexeme) ts ON true
    WHERE q.txt IS NOT NULL
    ORDER BY q.qid, u.lexeme, w.word_no
),
wanted AS (
    -- Every query's lexemes as one OR tsquery (each quoted), so the GIN indexes pick the chunks,
    -- and as an array, so only those lexemes are unpacked from each chunk.
    SELECT string_agg(DISTINCT '''' || replace(replace(t.term, '\', '\\'), '''', '''''') || '''',
                      ' | ')::tsquery AS tsq,
           array_agg(DISTINCT t.term) AS lexemes
    FROM terms t
),
matching AS (
    SELECT c.id, c.head_tsv, c.body_tsv
    FROM chunks c
    WHERE c.collection = ANY(%(collections)s)
      AND (c.body_tsv @@ (SELECT tsq FROM wanted) OR c.head_tsv @@ (SELECT tsq FROM wanted))
),
postings AS MATERIALIZED (
    -- BM25F's pseudo-frequency per chunk and lexeme: body occurrences normalised by body
    -- length; in the heading path, the passage's own heading (weight A) at head_weight and
    -- the headings above it (B, shared with sibling passages) at path_weight. Body positions
    -- carry no weight, so setweight marks the query's lexemes and ts_filter keeps just those.
    SELECT x.id, x.term, sum(x.tf) AS tf
    FROM (
        SELECT m.id, u.lexeme AS term,
               cardinality(u.positions)
                 / (1 - %(b)s + %(b)s * length(m.body_tsv) / st.avglen) AS tf
        FROM matching m
        CROSS JOIN stats st
        CROSS JOIN LATERAL unnest(ts_filter(
            setweight(m.body_tsv, 'A', (SELECT lexemes FROM wanted)), '{a}')) u
        UNION ALL
        SELECT m.id, u.lexeme,
               %(head_weight)s * cardinality(array_positions(u.weights, 'A'))
                 + %(path_weight)s * cardinality(array_positions(u.weights, 'B'))
        FROM matching m
        CROSS JOIN LATERAL unnest(m.head_tsv) u
        WHERE u.lexeme = ANY ((SELECT lexemes FROM wanted)::text[])
    ) x
    GROUP BY x.id, x.term
),
bm25 AS (
    -- Okapi BM25 saturation; each query word counts once, by its best alternative.
    SELECT x.qid, x.id, sum(x.best) AS score
    FROM (
        SELECT t.qid, p.id, t.word_no, max(t.idf * p.tf * (%(k1)s + 1) / (p.tf + %(k1)s)) AS best
        FROM terms t
        JOIN postings p ON p.term = t.term
        GROUP BY t.qid, p.id, t.word_no
    ) x
    GROUP BY x.qid, x.id
),
ceiling AS (
    -- What a passage of average length holding each known query word once scores: a partial
    -- match stays partial instead of being stretched to 1 as the best hit would be.
    SELECT x.qid, sum(x.idf) AS top
    FROM (SELECT t.qid, t.word_no, max(t.idf) AS idf FROM terms t WHERE t.known
          GROUP BY t.qid, t.word_no) x
    GROUP BY x.qid
),
keyword AS (
    -- Each score over the larger of the query's best hit and a share of its ceiling; the top
    -- candidates only.
    SELECT r.qid, r.id, r.rank,
           r.score / nullif(greatest(r.best, %(ceiling)s * coalesce(c.top, 0)), 0) AS norm
    FROM (
        SELECT b.qid, b.id, b.score, max(b.score) OVER (PARTITION BY b.qid) AS best,
               row_number() OVER (PARTITION BY b.qid ORDER BY b.score DESC, b.id) AS rank
        FROM bm25 b
    ) r
    LEFT JOIN ceiling c ON c.qid = r.qid
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
    conn: AsyncConnection[Any],
    *,
    queries: Sequence[Query],
    collection: str | Sequence[str],
    k: int,
    ranking: Ranking = RANKING,
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
        "candidates": max(ranking.candidates, k),
        "w_dense": ranking.dense,
        "w_keyword": ranking.keyword,
        "k1": ranking.k1,
        "b": ranking.b,
        "head_weight": ranking.head_weight,
        "path_weight": ranking.path_weight,
        "ceiling": ranking.ceiling,
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
                    score=ranking.fused_score(fused=float(row["fused"])),
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
