"""Named features of one unit of text: words, word pairs, character 4-grams and pattern flags.

Names are readable in the artifact: `w:labelled`, `b:every thursday`, `c:abel`, and pattern
flags `p:rate` (a per-time quantity), `p:f_weekly` (a named weekly frequency), `p:owner`,
`p:neg`. Digits become `0` so "3k" and "12k" share features. Lexical features are binary and
scaled to unit length together; pattern flags stay at 1 so their weights read directly.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from models.reading.cueing import ascii_needs
from models.reading.cues import OWNERS, SOURCES, TOPIC_PATTERNS, Cue
from models.reading.quantity import Quantity
from models.reading.text import HEDGE, VAGUE

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[%~?/]")
_DIGITS = re.compile(r"\d+")
NEGATION = re.compile(r"\b(?:no|not|never|nobody|none|nothing|without|zero|n't|cannot)\b|n't\b",
                      re.IGNORECASE)
CHAR_N = 4


def words(*, text: str) -> list[str]:
    """Lower-case word tokens with digits folded to 0."""
    return [_DIGITS.sub("0", w) for w in _WORD.findall(text.lower())]


def lexical(*, text: str) -> set[str]:
    """Word, word-pair and character 4-gram features of a text."""
    tokens = words(text=text)
    out = {f"w:{t}" for t in tokens}
    out.update(f"b:{a} {b}" for a, b in itertools.pairwise(tokens))
    for token in tokens:
        padded = f" {token} "
        out.update(f"c:{padded[i:i + CHAR_N]}" for i in range(len(padded) - CHAR_N + 1))
    return out


_SCANS = [(f"p:t_{name}", pattern) for name, pattern in TOPIC_PATTERNS] + [
    ("p:owner", OWNERS), ("p:source", SOURCES), ("p:neg", NEGATION), ("p:hedge", HEDGE),
    ("p:vague", VAGUE)]
# Up to this many substring tests cost less than one scan of these patterns (measured on
# 60-word descriptions: 0.33 ms for all marks instead of 0.5).
MOST_NEEDS = 60
_NEEDS = [ascii_needs(regex=pattern, most=MOST_NEEDS) for _, pattern in _SCANS]


def marks(*, text: str) -> list[tuple[str, int, int]]:
    """Every word-pattern flag in the whole text with its span, found once per text; in an
    ASCII text a pattern none of whose required words occur is not scanned."""
    low = text.lower() if text.isascii() else None
    found = []
    for (flag, pattern), needs in zip(_SCANS, _NEEDS, strict=True):
        if low is not None and needs is not None and not any(n in low for n in needs):
            continue
        found += [(flag, m.start(), m.end()) for m in pattern.finditer(text)]
    return found


def patterns(*, start: int, end: int, quantities: Iterable[Quantity], cues: Iterable[Cue],
             found: Iterable[tuple[str, int, int]]) -> set[str]:
    """Pattern flags of the unit [start, end): its quantities, cues and word patterns."""
    out = {f"p:{q.kind}" for q in quantities}
    out.update(f"p:f_{c.period}" for c in cues)
    out.update(flag for flag, s, e in found if start <= s and e <= end)
    return out
