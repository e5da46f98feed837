"""The cue engine's literal pre-check: it may only skip rules that cannot match."""

from __future__ import annotations

import json
import re

from models.reading.cueing import CueBook, ascii_needs, lower, required_literals
from models.reading.families import BOOK
from tests.conftest import REPO


def test_required_literals_of_small_patterns() -> None:
    assert required_literals(pattern="ab(?:c|d)e") == {"ab"}
    assert required_literals(pattern="foo+bar") == {"bar"}
    assert required_literals(pattern="(?:patients?|clinic(?:al|s))") == {"patient", "clinic"}
    assert required_literals(pattern="(?<!no )health(?! check)") == {"health"}
    for pattern in ("x?", "(?:a|)", "(?i)abc", r"\w+", "[ab]"):
        assert required_literals(pattern=pattern) is None


def _texts() -> list[str]:
    folder = REPO / "models" / "reading" / "data"
    rows = [json.loads(line) for name in ("sentences.jsonl", "descriptions.jsonl")
            for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]
    return [row["text"] for row in rows]


def test_every_match_of_every_rule_holds_one_of_its_literals() -> None:
    matched = 0
    for rule in BOOK.rules:
        needs = required_literals(pattern=rule.pattern)
        if needs is None:
            continue
        regex = re.compile(rf"(?<![\w])(?:{rule.pattern})(?![\w])")
        for text in _texts():
            for match in regex.finditer(lower(text=text)):
                matched += 1
                assert any(n in match.group(0) for n in needs), (rule.pattern[:60], match)
    assert matched > 100


def test_the_pre_check_changes_no_hit() -> None:
    unchecked = CueBook(rules=BOOK.rules)
    for group in unchecked._groups:
        object.__setattr__(group, "needs", None)
    texts = _texts()
    assert sum(len(BOOK.hits(text=t)) for t in texts) > 100
    assert all(BOOK.hits(text=t) == unchecked.hits(text=t) for t in texts)


def test_ascii_needs_fold_case_and_refuse_what_folding_could_miss() -> None:
    assert ascii_needs(regex=re.compile(r"\b(?:Maybe|perhaps)\b", re.I), most=5) == {
        "maybe", "perhaps"}
    assert ascii_needs(regex=re.compile("caf\u00e9|bar", re.I), most=5) is None
    assert ascii_needs(regex=re.compile("a|b|c", re.I), most=2) is None
    assert ascii_needs(regex=re.compile("x y", re.I | re.X), most=5) is None
