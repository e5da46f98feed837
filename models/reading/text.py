"""Cut a description into the pieces that are classified, with their offsets in the text.

Every piece is a `Unit` whose `text` is exactly `source[start:end]`, so any evidence quoted from a
unit is an exact substring of the description. Units are sentences and the clauses inside them
(cut at commas, semicolons, dashes, brackets and a few conjunctions): the classifier scores
them all and the evidence is the narrowest one that carries the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? or a line break, except inside numbers (0.79) and common abbreviations.
_SENTENCE_END = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bapprox)(?<!\bavg)(?<!\bno)"
    r"(?:[.!?]+(?=\s|$)|\n+)"
)
_CLAUSE_CUT = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:()]|\s[-–—]\s|"
    r"\s(?=(?:but|so|because|while|although|though|whereas|and then|"
    r"which|since|otherwise|or else)\s))\s*",
    re.IGNORECASE,
)
_TRIM = re.compile(r"^(?:[\s\"'“”‘’*\-–—>/]|and\s|but\s|so\s|or\s|also\s)+|[\s\"'“”‘’*,;:\-–—]+$",
                   re.IGNORECASE)
MIN_CHARS = 3

HEDGE = re.compile(
    r"\b(?:maybe|perhaps|probably|possibly|i think|i guess|i believe|i suppose|i'd guess|"
    r"idk|guesstimate|could be|might be)\b|(?:-|\d)ish\b|\?",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(?:now and (?:then|again)|from time to time|every so often|occasionally|sometimes|"
    r"here and there|kind of|sort of|somewhat|a bit|some point)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """A piece of the description: a sentence or a clause of one."""

    start: int
    end: int
    text: str
    kind: str  # "sentence" | "clause"
    sentence: int  # index of the sentence it belongs to


def trimmed(*, source: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past leading conjunctions and trailing punctuation."""
    piece = source[start:end]
    lead = _TRIM.match(piece)
    if lead:
        start += lead.end()
        piece = source[start:end]
    tail = _TRIM.search(piece)
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


def sentence_spans(*, text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed, empty ones dropped."""
    spans, begin = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((begin, match.start() + (1 if text[match.start()] == "?" else 0)))
        begin = match.end()
    spans.append((begin, len(text)))
    out = []
    for start, end in spans:
        start, end = trimmed(source=text, start=start, end=end)
        if end - start >= MIN_CHARS:
            out.append((start, end))
    return out


def clause_spans(*, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of one sentence."""
    out, begin = [], start
    for match in _CLAUSE_CUT.finditer(text, start, end):
        out.append((begin, match.start()))
        begin = match.end()
    out.append((begin, end))
    spans = [trimmed(source=text, start=s, end=e) for s, e in out]
    return [(s, e) for s, e in spans if e - s >= MIN_CHARS]


def units(*, text: str) -> list[Unit]:
    """Every sentence and its clauses, in reading order."""
    found: list[Unit] = []
    for index, (start, end) in enumerate(sentence_spans(text=text)):
        found.append(Unit(start, end, text[start:end], "sentence", index))
        clauses = clause_spans(text=text, start=start, end=end)
        if len(clauses) < 2:
            continue
        for s, e in clauses:
            found.append(Unit(s, e, text[s:e], "clause", index))
    return found


def hedged(*, text: str) -> bool:
    """The speaker's own uncertainty (maybe, I think, -ish, a question); '~'/'about' are not."""
    return HEDGE.search(text) is not None


def vague(*, text: str) -> bool:
    """Words that blur a statement (now and then, sometimes, kind of)."""
    return VAGUE.search(text) is not None
