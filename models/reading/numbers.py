"""Numbers as teams write them ("~3k/day", "half a million", "two to five", "1.2M/mo") and values.

`parse_number` turns one written number into a float; `models/reading/quantities.py` finds the
number phrases with their units. Conventions follow the labelling README: k = thousand, M =
million, ranges take the midpoint, vague counts are fixed numbers ("a few dozen" 36, "a couple
hundred" 200, "a few hundred" 300).
"""

from __future__ import annotations

import math
import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "once": 1, "twice": 2, "thrice": 3,
}
FUZZY = {"couple": 2, "few": 3, "handful": 5, "several": 5, "half": 0.5}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12,
               "mil": 1e6, "mn": 1e6, "bn": 1e9}
SUFFIXES = {"k": 1e3, "m": 1e6, "b": 1e9}
# Words that make a count vague rather than exact ("a few hundred" is a number, but a soft one).
VAGUE_WORDS = frozenset({"couple", "few", "handful", "several"})

_WORD = r"(?:" + "|".join(sorted([*SMALL, *FUZZY, "hundred", "thousand", "million", "billion",
                                   "dozen"], key=len, reverse=True)) + r")"
NUMWORDS = rf"(?:an?\s+)?{_WORD}(?:(?:\s+|-)(?:a\s+|an\s+|and\s+|of\s+)?{_WORD})*"
# Thousands grouped with dots or spaces, as many non-native writers do ("20.000", "12 000").
_GROUPED = r"[1-9]\d{0,2}(?:\.\d{3})+(?![\d.,])|[1-9]\d{1,2}(?: \d{3})+(?![\d.,])"
DIGITS = (rf"(?<![\w.$£€#/])(?:{_GROUPED}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|"
          r"\.\d+)")
SUFFIX = r"(?:\s?(?:thousands?|millions?|mil|mn|billions?|bn)\b|[kKmMbB](?![a-zA-Z]))"
NUMBER = rf"(?:{DIGITS}{SUFFIX}?|\b{NUMWORDS}\b)"
RANGE = rf"(?:{NUMBER})(?:\s?(?:-|–|to)\s?(?:{NUMBER}))?"
_SPLIT_RANGE = re.compile(rf"^(?P<a>{NUMBER})\s?(?:-|–|to)\s?(?P<b>{NUMBER})$", re.IGNORECASE)
_DIGIT_PART = re.compile(rf"({_GROUPED}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
                         r"\s?([a-zA-Z]*)")


def _words_value(*, words: list[str]) -> float | None:
    """Value of a run of number words ("half a million", "a few dozen", "twenty thousand")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in ("a", "an", "and", "of"):
            continue
        seen = True
        if word in SMALL:
            current += SMALL[word]
        elif word in FUZZY:
            current += FUZZY[word]
        elif word in MULTIPLIERS:
            current = (current or 1.0) * MULTIPLIERS[word]
            if MULTIPLIERS[word] >= 1000:
                total, current = total + current, 0.0
    return total + current if seen else None


def _single(*, text: str) -> float | None:
    """Value of one number without a range: digits with an optional suffix, or words."""
    text = text.strip().lower()
    digits = _DIGIT_PART.fullmatch(text)
    if digits:
        raw = digits.group(1)
        grouped = re.fullmatch(_GROUPED, raw) is not None
        value = float(re.sub(r"[ .]", "", raw) if grouped else raw.replace(",", ""))
        suffix = digits.group(2)
        if suffix in SUFFIXES:
            value *= SUFFIXES[suffix]
        elif suffix.rstrip("s") in MULTIPLIERS:  # "15 thousands", as non-native writers put it
            value *= MULTIPLIERS[suffix.rstrip("s")]
        return value
    words = re.split(r"[\s-]+", text)
    if words and all(w in SMALL or w in FUZZY or w in MULTIPLIERS or w in ("a", "an", "and", "of")
                     for w in words):
        return _words_value(words=words)
    return None


def parse_number(*, text: str) -> float | None:
    """A written number or range (midpoint), or None when `text` is not one."""
    ranged = _SPLIT_RANGE.match(text.strip())
    if ranged:
        low, high = _single(text=ranged["a"]), _single(text=ranged["b"])
        if low is None or high is None:
            return None
        if low < high / 100:  # "2-3k": the suffix of the second number applies to the first
            scale = 10 ** round(_magnitude(high) - _magnitude(low))
            low *= scale
        return (low + high) / 2
    return _single(text=text)


def _magnitude(value: float) -> float:
    return math.log10(max(value, 1e-9))


def is_vague(*, text: str) -> bool:
    """Whether a number is only a rough word ("a few hundred", "a handful")."""
    return any(word in VAGUE_WORDS for word in re.split(r"[\s-]+", text.lower()))


def is_year(*, text: str) -> bool:
    """A bare four-digit year (2018), which is never a count."""
    return re.fullmatch(r"(?:19|20)\d\d", text.strip()) is not None
