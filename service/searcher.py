"""Search as callers use it: rewrite the question for the collection, embed it, rank hybrid."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from psycopg import AsyncConnection

from knowledge.query import Rewrite, Synonym, Vocabulary, load_synonyms, rewrite
from knowledge.search import RANKING, Passage, Query, Ranking
from knowledge.tokenizer import english_words
from service.db import documents, keyword_stats
from service.db.search import multi_search

# Text in, unit vector out: the ONNX MiniLM by default; any cheaper embedder may stand in.
EmbedOne = Callable[[str], np.ndarray]


class Searcher:
    """Rewrites questions with each collection's own vocabulary (cached per collection version)."""

    def __init__(
        self,
        *,
        embed: EmbedOne,
        synonyms: Sequence[Synonym] | None = None,
        ranking: Ranking = RANKING,
    ) -> None:
        self.embed = embed
        self.synonyms = list(load_synonyms() if synonyms is None else synonyms)
        self.ranking = ranking
        self._vocabularies: dict[str, tuple[tuple[Any, ...], Vocabulary]] = {}

    async def vocabulary(self, conn: AsyncConnection[Any], *, collection: str) -> Vocabulary:
        """The collection's words, re-read only when its files changed."""
        version = await documents.version(conn, collection=collection)
        cached = self._vocabularies.get(collection)
        if cached is None or cached[0] != version:
            words = await keyword_stats.words(conn, collection=collection)
            cached = (version, Vocabulary(counts=words, keep=english_words()))
            self._vocabularies[collection] = cached
        return cached[1]

    async def rewrite(self, conn: AsyncConnection[Any], *, text: str, collection: str) -> Rewrite:
        """The question as keyword search and the embedding should read it."""
        vocabulary = await self.vocabulary(conn, collection=collection)
        return rewrite(text=text, synonyms=self.synonyms, vocabulary=vocabulary)

    async def query(
        self, conn: AsyncConnection[Any], *, qid: str, text: str, collection: str, dense: bool
    ) -> Query:
        """One rewritten query, embedded when the dense side is wanted."""
        rewritten = await self.rewrite(conn, text=text, collection=collection)
        vector = await asyncio.to_thread(self.embed, rewritten.dense) if dense else None
        return Query(qid=qid, text=rewritten.keyword, embedding=vector)

    async def search(
        self, conn: AsyncConnection[Any], *, text: str, collection: str, k: int
    ) -> list[Passage]:
        """Best-first passages for one question."""
        query = await self.query(conn, qid="q", text=text, collection=collection, dense=True)
        found = await multi_search(conn, queries=[query], collection=collection, k=k,
                                   ranking=self.ranking)
        return found["q"]

    async def search_many(
        self, conn: AsyncConnection[Any], *, texts: Mapping[str, str], collection: str, k: int,
        vectors: Mapping[str, np.ndarray | None],
    ) -> dict[str, list[Passage]]:
        """Several questions in one statement; vectors (embedded by the caller) may be None."""
        vocabulary = await self.vocabulary(conn, collection=collection)
        queries = [
            Query(qid=qid, embedding=vectors.get(qid),
                  text=rewrite(text=text, synonyms=self.synonyms, vocabulary=vocabulary).keyword)
            for qid, text in texts.items()
        ]
        return await multi_search(conn, queries=queries, collection=collection, k=k,
                                  ranking=self.ranking)
