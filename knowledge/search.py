"""Hybrid retrieval: pgvector cosine rank + full-text rank, fused by Reciprocal Rank Fusion."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from psycopg import AsyncConnection
from psycopg.rows import dict_row

RRF_K = 60
WEIGHTS = {"dense": 1.0, "keyword": 1.0}
CANDIDATES = 40
_TOKEN = re.compile(r"[a-z0-9]+")

# One round trip for any number of queries: each row of q carries a query id, an optional
# embedding (as pgvector text) and an OR-of-terms tsquery; ranks are fused per query.
HYBRID_SQL = """
WITH q AS (
    SELECT * FROM unnest(%(qids)s::text[], %(embeddings)s::text[], %(tsqueries)s::text[])
        AS q(qid, emb, tsq)
),
semantic AS (
    SELECT q.qid, s.id, s.rank
    FROM q CROSS JOIN LATERAL (
        SELECT c.id, row_number() OVER (ORDER BY c.embedding <=> q.emb::vector) AS rank
        FROM chunks c
        WHERE c.collection = %(collection)s
        ORDER BY c.embedding <=> q.emb::vector
        LIMIT %(candidates)s
    ) s
    WHERE q.emb IS NOT NULL
),
keyword AS (
    SELECT q.qid, kw.id, kw.rank
    FROM q CROSS JOIN LATERAL (
        SELECT c.id,
               row_number() OVER (ORDER BY ts_rank_cd(c.tsv, tq.query, 1) DESC, c.id) AS rank
        FROM chunks c, to_tsquery('english', q.tsq) AS tq(query)
        WHERE c.collection = %(collection)s AND c.tsv @@ tq.query
        ORDER BY ts_rank_cd(c.tsv, tq.query, 1) DESC, c.id
        LIMIT %(candidates)s
    ) kw
    WHERE q.tsq <> ''
),
fused AS (
    SELECT COALESCE(s.qid, k.qid) AS qid,
           COALESCE(s.id, k.id) AS id,
           COALESCE(%(w_dense)s / (%(rrf_k)s + s.rank), 0.0)
             + COALESCE(%(w_keyword)s / (%(rrf_k)s + k.rank), 0.0) AS rrf,
           s.rank AS dense_rank,
           k.rank AS keyword_rank
    FROM semantic s FULL OUTER JOIN keyword k ON s.qid = k.qid AND s.id = k.id
),
ranked AS (
    SELECT f.*, row_number() OVER (PARTITION BY f.qid ORDER BY f.rrf DESC, f.id) AS pos
    FROM fused f
)
SELECT r.qid, r.pos, r.rrf, r.dense_rank, r.keyword_rank,
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


def or_tsquery(*, text: str | None) -> str:
    """An OR of the query's words: natural questions rarely contain every word of a passage."""
    if not text:
        return ""
    words = dict.fromkeys(_TOKEN.findall(text.lower()))
    return " | ".join(w for w in words if len(w) > 1)[:4000]


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
        "tsqueries": [or_tsquery(text=q.text) for q in queries],
        "collection": collection,
        "candidates": max(CANDIDATES, k),
        "rrf_k": RRF_K,
        "w_dense": WEIGHTS["dense"],
        "w_keyword": WEIGHTS["keyword"],
        "k": k,
    }
    best = (WEIGHTS["dense"] + WEIGHTS["keyword"]) / (RRF_K + 1)
    out: dict[str, list[Passage]] = {q.qid: [] for q in queries}
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(HYBRID_SQL, params)
        for row in await cur.fetchall():
            rrf = float(row["rrf"])
            out[row["qid"]].append(
                Passage(
                    chunk_id=row["chunk_id"], text=row["text"], path=row["path"],
                    section=row["section"], title=row["title"], collection=row["collection"],
                    score=min(1.0, rrf / best), rrf=rrf, dense_rank=row["dense_rank"],
                    keyword_rank=row["keyword_rank"], cites=list(row["cites"] or []),
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
