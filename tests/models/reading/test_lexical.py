"""Word-pattern flags: the substring pre-check in `marks` skips only patterns that cannot match."""

from __future__ import annotations

import json

from models.reading import lexical
from tests.conftest import REPO


def _scanned(text: str) -> list[tuple[str, int, int]]:
    """Every pattern scanned, in the same order: what `marks` gave before the pre-check."""
    return [(flag, m.start(), m.end()) for flag, pattern in lexical._SCANS
            for m in pattern.finditer(text)]


def test_marks_equal_a_scan_of_every_pattern() -> None:
    folder = REPO / "models" / "reading" / "data"
    texts = [json.loads(line)["text"] for name in ("sentences.jsonl", "descriptions.jsonl")
             for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]
    texts += ["MAYBE we ROUTE Tickets, SOMETIMES; it is NOT hard.", "Stra\u00dfe caf\u00e9 "
              "maybe", "\u212aind of a ta\u017fk", ""]
    assert sum(len(lexical.marks(text=t)) for t in texts) > 100
    assert any(n is not None for n in lexical._NEEDS)
    for text in texts:
        assert lexical.marks(text=text) == _scanned(text), text


def test_every_match_in_an_ascii_text_holds_a_needed_word() -> None:
    folder = REPO / "models" / "reading" / "data"
    texts = [json.loads(line)["text"] for line in
             (folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for (flag, pattern), needs in zip(lexical._SCANS, lexical._NEEDS, strict=True):
        if needs is None:
            continue
        for text in filter(str.isascii, texts):
            for match in pattern.finditer(text):
                assert any(n in match.group(0).lower() for n in needs), (flag, match)
