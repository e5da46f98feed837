"""Every entry of knowledge/synonyms.json earns its place: it rewrites the questions that use it,
and where it names an example, that question's labelled passage ranks higher with it."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from knowledge.eval_kinds import first_relevant_rank
from knowledge.evaluate import LabelledQuery
from knowledge.query import Synonym, load_synonyms, rewrite, tokens
from service.config import BUILTIN_COLLECTION
from service.db.database import connect
from service.db.search import multi_search
from service.indexing import ingest
from service.searcher import Searcher
from tests.conftest import REPO, SEEDS

SYNONYMS = load_synonyms()
ENTRIES = json.loads((REPO / "knowledge" / "synonyms.json").read_text(encoding="utf-8"))["entries"]
EVAL = REPO / "knowledge" / "eval"
SEED_COLLECTION = "t-synonyms-seeds"


def entry_id(synonym: Synonym) -> str:
    return synonym.forms[0]


@pytest.mark.parametrize("synonym", SYNONYMS, ids=entry_id)
def test_each_entry_rewrites_every_form_it_lists(synonym: Synonym) -> None:
    expansion = [t.lower() for t in tokens(text=synonym.expand)]
    for form in synonym.forms:
        question = f"so, {form} here?"
        plain = rewrite(text=question, synonyms=[])
        done = rewrite(text=question, synonyms=[synonym])
        assert done.keyword != plain.keyword, form
        words = re.split(r"[\s|]+", done.keyword)
        assert all(word in words for word in expansion), (form, done.keyword)
        assert all(word in done.dense.lower() for word in expansion), (form, done.dense)
        if synonym.mode == "replace":
            assert not synonym.pattern().search(done.dense), (form, done.dense)
        else:
            assert all(t.lower() in words for t in tokens(text=form)), (form, done.keyword)


def labelled(question: str) -> tuple[LabelledQuery, str]:
    """The question's labels and split, from whichever labelled set holds it."""
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["q"] == question:
                return LabelledQuery(q=item["q"], relevant=item["relevant"]), item.get(
                    "split", "tune")
    raise AssertionError(f"example not in any labelled set: {question}")


BY_FORMS = {tuple(entry["match"]): entry for entry in ENTRIES}
EXAMPLES = [
    (synonym, BY_FORMS[synonym.forms]["example"])
    for synonym in SYNONYMS
    if "example" in BY_FORMS[synonym.forms]
]


@pytest.fixture(scope="module")
def seeds_indexed(database_url: str, embedder: Any) -> Iterator[str]:
    ingest(conninfo=database_url, paths=[SEEDS], collection=SEED_COLLECTION, embedder=embedder)
    yield SEED_COLLECTION


def rank(*, database_url: str, embedder: Any, synonyms: list[Synonym], collection: str,
         query: LabelledQuery) -> int:
    async def run() -> int:
        searcher = Searcher(embed=lambda text: embedder.encode_one(text=text), synonyms=synonyms)
        async with connect(database_url) as conn:
            built = await searcher.query(conn, qid="q", text=query.q, collection=collection,
                                         embed=searcher.embed)
            found = await multi_search(conn, queries=[built], collection=collection, k=10)
        return first_relevant_rank(passages=found["q"], query=query) or 11

    return asyncio.run(run())


@pytest.mark.parametrize(("synonym", "example"), EXAMPLES, ids=[entry_id(s) for s, _ in EXAMPLES])
def test_an_entrys_example_ranks_its_passage_higher_with_the_entry(
    synonym: Synonym, example: dict[str, str], database_url: str, embedder: Any,
    seeds_indexed: str,
) -> None:
    query, split = labelled(example["q"])
    assert split == "tune", "examples come from the tune split, never the holdout"
    assert synonym.pattern().search(query.q)
    collection = seeds_indexed if example["collection"] == "seeds" else BUILTIN_COLLECTION
    others = [s for s in SYNONYMS if s is not synonym]
    with_entry = rank(database_url=database_url, embedder=embedder, synonyms=SYNONYMS,
                      collection=collection, query=query)
    without = rank(database_url=database_url, embedder=embedder, synonyms=others,
                   collection=collection, query=query)
    assert with_entry < without, (with_entry, without)
