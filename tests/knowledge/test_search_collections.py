"""One query over several collections: passages compete on one ranking, each keeps its label."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from knowledge.search import Passage, Query
from service.db.database import connect
from service.db.search import multi_search
from service.indexing import ingest

PRICING = ("# Pricing changes\n\nOur pricing changes weekly, so answers about pricing are looked "
           "up at request time and never baked into a fine-tuned model.\n")
REFUNDS = ("# Refund escalation ladder\n\nA refund dispute over 500 euros goes to the duty "
           "manager, who answers within four hours; below that, agents decide alone.\n")


def search(database_url: str, embedder: Any, text: str, collection: Any) -> list[Passage]:
    async def run() -> list[Passage]:
        async with connect(database_url) as conn:
            query = Query(qid="q", text=text, embedding=embedder.encode_one(text=text))
            return (await multi_search(conn, queries=[query], collection=collection, k=5))["q"]

    return asyncio.run(run())


def test_passages_from_every_named_collection_compete(
    tmp_path: Path, database_url: str, embedder: Any
) -> None:
    for name, body, collection in (("pricing.md", PRICING, "t-multi-a"),
                                   ("refunds.md", REFUNDS, "t-multi-b")):
        folder = tmp_path / collection
        folder.mkdir()
        (folder / name).write_text(body)
        ingest(conninfo=database_url, paths=[folder], collection=collection, embedder=embedder)
    both = ["t-multi-a", "t-multi-b"]
    refunds = search(database_url, embedder, "who handles a refund dispute escalation", both)
    assert refunds[0].collection == "t-multi-b" and refunds[0].path == "refunds.md"
    pricing = search(database_url, embedder, "should weekly pricing be fine-tuned", both)
    assert pricing[0].collection == "t-multi-a"
    assert {p.collection for p in pricing} == set(both)  # both ranked, each labelled
    assert [p.as_dict()["collection"] for p in pricing] == [p.collection for p in pricing]


def test_one_collection_as_a_list_ranks_exactly_as_before(database_url: str, embedder: Any) -> None:
    text = "fine-tuning on noisy contradictory examples"
    alone = search(database_url, embedder, text, "builtin")
    listed = search(database_url, embedder, text, ["builtin", "builtin"])
    assert alone and [(p.chunk_id, p.score) for p in alone] == [
        (p.chunk_id, p.score) for p in listed]
    assert search(database_url, embedder, text, ["builtin", "t-no-such-collection"])[0].chunk_id \
        == alone[0].chunk_id
