"""Facts taken from outside the seeds carry their public source and the month they were checked."""

from __future__ import annotations

import re

from knowledge.blocks import split_front_matter
from tests.conftest import REPO

CORPUS = REPO / "knowledge" / "corpus"
EXTERNAL = re.compile(r"^https://\S+ \(.+; checked \d{4}-(0[1-9]|1[0-2])\)$")


def test_every_corpus_file_names_its_sources() -> None:
    for path in sorted(CORPUS.glob("*.md")):
        meta, body = split_front_matter(raw=path.read_text(encoding="utf-8"))
        assert meta.title and meta.sources and body.strip(), path.name


def test_vendor_and_paper_facts_are_dated() -> None:
    meta, _ = split_front_matter(raw=(CORPUS / "fine-tuning-methods.md").read_text("utf-8"))
    assert len(meta.sources) == 5
    for source in meta.sources:
        assert EXTERNAL.match(source), source
