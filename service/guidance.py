"""Guidance for an assessment: passages for each fired rule, warning and the description."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from psycopg import AsyncConnection

from knowledge.embeddings import TextEncoder
from knowledge.search import Passage, Query
from models.advisor import Advisor
from models.result import ModelResult
from service.db import documents
from service.db.search import multi_search
from service.searcher import EmbedOne, Searcher

log = logging.getLogger(__name__)
PER_QUERY = 3
MAX_PASSAGES = 6
MIN_PASSAGES = 3
DESCRIPTION_ID = "description"

_RECOMMENDATION_TOPICS = {
    "prompt_engineering": "start with prompt engineering: system prompt, few-shot examples and an "
    "output schema before any training",
    "rag": "use retrieval-augmented generation for fresh, private or document-grounded knowledge",
    "fine_tuning": "fine-tune for a narrow, stable, high-volume task with strict output format",
    "rag_and_fine_tuning": "combine retrieval for current knowledge with fine-tuning for "
    "consistent format and behaviour",
}


# Warnings whose message is written per request (it quotes the team's text or its budget): their
# passages are searched for one fixed topic, never for the first team's wording.
_WARNING_TOPICS = {
    "W-CONFLICT": "the team's own description contradicts an answer in the questionnaire; "
    "settle which is true before choosing between prompting, retrieval and fine-tuning",
    "W-LATENCY-INFEASIBLE": "latency budget too tight for any approach: retrieval and model "
    "inference time, smaller models, caching",
    "W-LATENCY-OVER-BUDGET": "the recommended approach may exceed the latency budget: measure "
    "retrieval and generation latency before committing",
}


def rule_topics(*, advisor: Advisor) -> Iterable[tuple[str, str]]:
    """(id, message) of every rule and warning the model can fire, for query precomputation."""
    for key in ("rules", "warnings"):
        for item in advisor.artifact.get(key, []):
            if isinstance(item, dict) and item.get("id") and item.get("message"):
                yield str(item["id"]), str(item["message"])


@dataclass(frozen=True)
class TopicQuery:
    """A rule-derived query whose embedding is computed once, at start."""

    qid: str
    text: str
    embedding: np.ndarray


class GuidanceFinder:
    """Builds retrieval queries from an assessment and picks deduplicated supporting passages."""

    def __init__(
        self, *, embedder: TextEncoder, searcher: Searcher, collections: Sequence[str],
        describe: EmbedOne | None,
    ) -> None:
        self.embedder = embedder
        self.searcher = searcher
        # Every named collection is searched at once; its passages compete on one ranking.
        self.collections = tuple(dict.fromkeys(collections))
        # The description's dense side, when the benchmark allows it: MiniLM costs ~15-20 ms of
        # CPU per request, so by default (None) the description, rewritten with the first
        # collection's vocabulary and the synonym map, goes to BM25 only; the rule topics keep
        # a dense side.
        self.describe = describe
        self._topics: dict[str, TopicQuery] = {}
        # Topic queries never change, so their passages are fetched once per corpus version
        # (the versions of every named collection, so re-ingesting any one refreshes them).
        self._hits: dict[str, list[Passage]] = {}
        self._version: tuple[Any, ...] | None = None

    async def refresh(self, conn: AsyncConnection[Any]) -> bool:
        """Re-fetch every topic's passages when any named collection changed; True if one did."""
        version = tuple([await documents.version(conn, collection=name)
                         for name in self.collections])
        if version == self._version:
            return False
        for name, (count, *_rest) in zip(self.collections, version, strict=True):
            if not count:
                log.warning("guidance collection %r has no documents yet; index it with "
                            "`advisor ingest PATH --collection %s`", name, name)
        queries = [
            Query(qid=t.qid, text=t.text, embedding=t.embedding) for t in self._topics.values()
        ]
        self._hits = await multi_search(
            conn, queries=queries, collection=self.collections, k=PER_QUERY
        )
        self._version = version
        return True

    def precompute(self, *, topics: Iterable[tuple[str, str]]) -> int:
        """Embed every rule, warning and recommendation topic once; returns how many."""
        pairs = list(dict(topics).items())
        pairs += [(f"recommendation:{k}", v) for k, v in _RECOMMENDATION_TOPICS.items()]
        todo = [(qid, text) for qid, text in pairs if qid not in self._topics]
        if todo:
            vectors = self.embedder.encode(texts=[text for _, text in todo])
            for (qid, text), vec in zip(todo, vectors, strict=True):
                self._topics[qid] = TopicQuery(qid=qid, text=text, embedding=vec)
        return len(self._topics)

    def _topic(self, *, qid: str, text: str) -> TopicQuery:
        """A precomputed topic; an unknown one (e.g. a new rule) is embedded once and kept."""
        if qid not in self._topics:
            self.precompute(topics=[(qid, text)])
        return self._topics[qid]

    def queries(self, *, result: ModelResult) -> list[Query]:
        """Queries for the fired rules and warnings and the recommendation."""
        items = [(r.id, r.message) for r in result.rules] + [
            (w.id, w.message) for w in result.warnings
        ]
        items.append((f"recommendation:{result.recommendation.value}", ""))
        out: list[Query] = []
        for qid, message in items:
            text = _RECOMMENDATION_TOPICS.get(qid.removeprefix("recommendation:")) or (
                _WARNING_TOPICS.get(qid, message))
            topic = self._topic(qid=qid, text=text)
            out.append(Query(qid=qid, text=topic.text, embedding=topic.embedding))
        return out

    async def search_description(
        self, conn: AsyncConnection[Any], *, description: str | None
    ) -> list[Passage] | None:
        """The description's own passages (None without one); it needs no score, so /assess
        runs this SQL while the description is read and the advice computed."""
        if not description or not description.strip():
            return None
        query = await self.searcher.query(
            conn, qid=DESCRIPTION_ID, text=description, collection=self.collections[0],
            embed=self.describe,
        )
        found = await multi_search(conn, queries=[query], collection=self.collections,
                                   k=PER_QUERY)
        return found.get(DESCRIPTION_ID, [])

    async def find(
        self,
        conn: AsyncConnection[Any],
        *,
        result: ModelResult,
        described: list[Passage] | None,
    ) -> list[dict[str, Any]]:
        """Deduplicated passages, best first, each saying which rules or warnings it supports."""
        queries = self.queries(result=result)
        found = {q.qid: self._hits[q.qid] for q in queries if q.qid in self._hits}
        todo = [q for q in queries if q.qid not in found]
        if todo:
            version = self._version
            fetched = await multi_search(conn, queries=todo, collection=self.collections,
                                         k=PER_QUERY)
            found.update(fetched)
            # A topic first seen now (a warning the artifact does not list) is kept like the
            # others, unless the corpus changed while it was being fetched.
            if version is not None and version == self._version:
                self._hits.update(fetched)
        if described is not None:
            found[DESCRIPTION_ID] = described
        order = [q.qid for q in queries] + ([DESCRIPTION_ID] if DESCRIPTION_ID in found else [])
        return select_passages(found=found, order=order)


def select_passages(*, found: dict[str, list[Passage]], order: list[str]) -> list[dict[str, Any]]:
    """Each query's best passage first (in rule order), then the strongest of the rest."""
    supports: dict[int, list[str]] = {}
    best: dict[int, Passage] = {}
    for qid in order:
        for passage in found.get(qid, []):
            label = (
                qid.removeprefix("recommendation:") if qid.startswith("recommendation:") else qid
            )
            supports.setdefault(passage.chunk_id, [])
            if label not in supports[passage.chunk_id]:
                supports[passage.chunk_id].append(label)
            if passage.chunk_id not in best or passage.score > best[passage.chunk_id].score:
                best[passage.chunk_id] = passage
    chosen: list[int] = []
    for qid in order:
        top = found.get(qid) or []
        if top and top[0].chunk_id not in chosen:
            chosen.append(top[0].chunk_id)
    rest = sorted(
        (cid for cid in best if cid not in chosen),
        key=lambda cid: (len(supports[cid]), best[cid].score),
        reverse=True,
    )
    chosen.extend(rest[: max(0, MIN_PASSAGES - len(chosen))])
    chosen = chosen[:MAX_PASSAGES]
    chosen.sort(key=lambda cid: (len(supports[cid]), best[cid].score), reverse=True)
    out = []
    for cid in chosen:
        item = best[cid].as_dict()
        item["supports"] = supports[cid]
        out.append(item)
    return out
