"""Search as callers use it: rewrite the question for the collection, embed it, rank hybrid."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from psycopg import AsyncConnection

from knowledge.query import Rewrite, Synonym, Vocabulary, load_synonyms, rewrite
from knowledge.search import RANKING, Passage, Query, Ranking
from knowledge.tokenizer import english_words
from service.db import documents, keyword_stats
from service.db.search import multi_search

# Text in, unit vector out, in the space the chunks were embedded in: the bundled MiniLM by
# default; a cheaper embedder aligned with it may stand in (e.g. for /assess descriptions).
EmbedOne = Callable[[str], np.ndarray]
# Collections whose vocabulary is kept in memory at once (a collection is any name a caller sends).
MAX_VOCABULARIES = 32
# How often a cached vocabulary asks whether its collection changed (one small query).
VERSION_CHECK_S = 1.0


@dataclass
class _Cached:
    """A collection's vocabulary, the version it was read at, and when that was last checked."""

    version: tuple[Any, ...]
    words: Vocabulary
    checked: float = 0.0


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
        self._vocabularies: dict[str, _Cached] = {}

    async def vocabulary(self, conn: AsyncConnection[Any], *, collection: str) -> Vocabulary:
        """The collection's words, re-read when its files changed (checked once a second)."""
        now = time.monotonic()
        cached = self._vocabularies.get(collection)
        if cached is not None and now - cached.checked < VERSION_CHECK_S:
            return cached.words
        version = await documents.version(conn, collection=collection)
        if cached is None or cached.version != version:
            words = await keyword_stats.words(conn, collection=collection)
            cached = _Cached(version=version, words=Vocabulary(counts=words, keep=english_words()))
            if len(self._vocabularies) >= MAX_VOCABULARIES:
                self._vocabularies.pop(next(iter(self._vocabularies)))
            self._vocabularies[collection] = cached
        cached.checked = now
        return cached.words

    async def rewrite(self, conn: AsyncConnection[Any], *, text: str, collection: str) -> Rewrite:
        """The question as keyword search and the embedding should read it."""
        return (await self.rewrite_many(conn, texts=[text], collection=collection))[0]

    async def rewrite_many(
        self, conn: AsyncConnection[Any], *, texts: Sequence[str], collection: str
    ) -> list[Rewrite]:
        """Several questions against one collection (evaluation embeds them in one batch)."""
        vocabulary = await self.vocabulary(conn, collection=collection)
        return [rewrite(text=t, synonyms=self.synonyms, vocabulary=vocabulary) for t in texts]

    async def query(
        self, conn: AsyncConnection[Any], *, qid: str, text: str, collection: str,
        embed: EmbedOne | None,
    ) -> Query:
        """One rewritten query, embedded by `embed` (None: keyword side only)."""
        rewritten = await self.rewrite(conn, text=text, collection=collection)
        vector = await asyncio.to_thread(embed, rewritten.dense) if embed is not None else None
        return Query(qid=qid, text=rewritten.keyword, embedding=vector)

    async def search(
        self, conn: AsyncConnection[Any], *, text: str, collection: str, k: int
    ) -> list[Passage]:
        """Best-first passages for one question."""
        query = await self.query(conn, qid="q", text=text, collection=collection,
                                 embed=self.embed)
        found = await multi_search(conn, queries=[query], collection=collection, k=k,
                                   ranking=self.ranking)
        return found["q"]
