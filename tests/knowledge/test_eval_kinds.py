"""Figures by kind and split, and the shape of the hard question sets they are computed on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from knowledge.blocks import split_front_matter
from knowledge.eval_kinds import (
    ALL,
    Tags,
    by_kind,
    first_relevant_rank,
    format_kind_table,
    load_tags,
    metrics,
)
from knowledge.evaluate import LabelledQuery, load_queries
from knowledge.search import Passage
from tests.conftest import REPO

EVAL = REPO / "knowledge" / "eval"
CORPUS = REPO / "knowledge" / "corpus"
KINDS = {"paraphrase": 25, "slack": 20, "subsection": 20, "nonnative": 15, "long": 10}
HARD_SETS = {"hard_seed_queries.jsonl": 100, "hard_corpus_queries.jsonl": 70}


def passage(*, path: str, section: str) -> Passage:
    return Passage(chunk_id=0, text="", path=path, section=section, title="", collection="c",
                   score=0.0, dense_rank=None, keyword_rank=None)


def test_metrics_from_first_relevant_ranks() -> None:
    figures = metrics(ranks=[1, 3, 4, None])
    mrr = pytest.approx((1 + 1 / 3 + 1 / 4) / 4)
    assert figures == {"hit@3": 0.5, "hit@5": 0.75, "mrr@10": mrr}


def test_first_relevant_rank_needs_the_labelled_sub_heading() -> None:
    label: dict[str, str | None] = {"file": "a.txt", "section": "2. Retrieval › How to fix it"}
    query = LabelledQuery(q="q", relevant=[label])
    ranked = [passage(path="a.txt", section="2. Retrieval"),
              passage(path="b.txt", section="2. Retrieval › How to fix it"),
              passage(path="a.txt", section="2. Retrieval › How to fix it")]
    assert first_relevant_rank(passages=ranked, query=query) == 3
    assert first_relevant_rank(passages=ranked[:2], query=query) is None


def test_by_kind_groups_and_filters_by_split() -> None:
    tags = [Tags("slack", "tune"), Tags("slack", "holdout"), Tags("long", "tune")]
    grouped = by_kind(ranks=[1, None, 2], tags=tags)
    assert list(grouped) == ["slack", "long", ALL]
    assert grouped["slack"] == (2, metrics(ranks=[1, None]))
    assert grouped[ALL][0] == 3
    held = by_kind(ranks=[1, None, 2], tags=tags, split="holdout")
    assert held == {"slack": (1, metrics(ranks=[None])), ALL: (1, metrics(ranks=[None]))}
    with pytest.raises(ValueError, match="2 ranks for 3"):
        by_kind(ranks=[1, 2], tags=tags)


def test_kind_table_has_a_row_per_kind_and_a_column_per_mode_and_metric() -> None:
    tags = [Tags("slack", "holdout"), Tags("long", "holdout"), Tags("slack", "holdout")]
    results = {"dense": by_kind(ranks=[1, 4, None], tags=tags),
               "hybrid": by_kind(ranks=[1, 2, 3], tags=tags)}
    lines = format_kind_table(results=results).splitlines()
    assert lines[0] == ("| kind | n | dense hit@3 | dense hit@5 | dense mrr@10 "
                        "| hybrid hit@3 | hybrid hit@5 | hybrid mrr@10 |")
    assert lines[2] == "| slack | 2 | 0.500 | 0.500 | 0.500 | 1.000 | 1.000 | 0.667 |"
    assert lines[3] == "| long | 1 | 0.000 | 1.000 | 0.250 | 1.000 | 1.000 | 0.500 |"
    assert lines[4].startswith("| **all** | 3 | 0.333 | 0.667 | 0.417 | 1.000 |")
    untagged = [Tags("any", "tune")] * 2
    single = format_kind_table(results={"hybrid": by_kind(ranks=[1, None], tags=untagged)})
    assert single.splitlines()[2:] == ["| **all** | 2 | 0.500 | 0.500 | 0.500 |"]


def test_load_tags_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"q": "a", "relevant": []}\n{"q": "b", "relevant": [], "split": "test"}\n')
    with pytest.raises(ValueError, match=r"q.jsonl:2: split must be one of"):
        load_tags(path=path)


def cited_seed_files() -> set[str]:
    """The seed file names the built-in corpus cites, i.e. the files seed labels may name."""
    names: set[str] = set()
    for doc in CORPUS.glob("*.md"):
        meta, _ = split_front_matter(raw=doc.read_text(encoding="utf-8"))
        names.update(source.split(" § ")[0] for source in meta.sources)
    return names


@pytest.mark.parametrize(("name", "minimum"), list(HARD_SETS.items()))
def test_hard_sets_cover_every_kind_with_a_stratified_holdout(name: str, minimum: int) -> None:
    path = EVAL / name
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    queries, tags = load_queries(path=path), load_tags(path=path)
    assert len(queries) == len(tags) == len(lines) >= minimum
    assert len({q.q for q in queries}) == len(queries), "duplicate question"
    per_kind = Counter(t.kind for t in tags)
    assert set(per_kind) == set(KINDS)
    for kind, least in KINDS.items():
        assert per_kind[kind] >= least * minimum // 100, (kind, per_kind[kind])
        held = sum(t.kind == kind and t.split == "holdout" for t in tags)
        assert 0.3 <= held / per_kind[kind] <= 0.5, (kind, held, per_kind[kind])
    files = {p.name for p in CORPUS.glob("*.md")} if "corpus" in name else cited_seed_files()
    for query in queries:
        assert query.relevant, query.q
        for label in query.relevant:
            assert label["file"] in files, (query.q, label)
