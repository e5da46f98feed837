"""One number phrase found in a description, and the fast scan the quantity patterns share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.reading.cueing import ascii_needs


@dataclass(frozen=True)
class Quantity:
    """A number phrase, its kind, and its value in the questionnaire's unit."""

    kind: str
    value: float
    start: int
    end: int
    vague: bool = False
    named: bool = False  # it says what it counts: people using it, a batch run (not "overnight")


# Patterns that need a word rarely in a text ("every", "%", "faq", people nouns, ...), registered
# by the modules that own them: an ASCII text holding none of their words is not scanned (the
# same matches, fewer scans).
NEEDS: dict[re.Pattern[str], frozenset[str] | None] = {}


def rarely_needed(*regexes: re.Pattern[str]) -> None:
    """Register patterns for the scan's needed-word check."""
    NEEDS.update({regex: ascii_needs(regex=regex, most=100) for regex in regexes})


def scan(*, regex: re.Pattern[str], text: str, start: int = 0, end: int | None = None
         ) -> Iterator[re.Match[str]]:
    """regex.finditer over text[start:end], or nothing when no word the regex needs is there."""
    needs = NEEDS.get(regex)
    if needs is not None and text.isascii():
        low = text.lower()
        if not any(n in low for n in needs):
            return iter(())
    return regex.finditer(text, start, len(text) if end is None else end)
