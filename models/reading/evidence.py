"""From cue hits to one candidate reading per field and sentence (the cue layer's verdict).

Per sentence and field, the value with the firmest hit wins, ties broken by the field's
priority (the most restrictive reading: "an ML team, but only occasionally" is limited).
Two fields look wider: `risk_domain` weighs every hit in the text (a domain is a property of the
whole project; a high-stakes domain outranks a "low stakes" remark) and `data_quality` only
counts in sentences about the examples, and not in a wish ("we want consistent answers").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from models.reading.cueing import FIRM, NAMED, Hit, firmness
from models.reading.families import BOOK, PRIORITY
from models.reading.families.metrics import score_hits
from models.reading.families.quality import DATA_WORDS
from models.reading.families.time import time_hits
from models.reading.quantity import Quantity
from models.reading.text import Unit

_DATA = re.compile(rf"(?<![\w])(?:{DATA_WORDS})(?![\w])")
_WISH = re.compile(r"(?<![\w])(?:want|wants|need|needs|should|must|expect|would like|'d like|"
                   r"has to|have to|goal|aim|hope|ideally)(?![\w])")
# "questions about medicines are handed to a pharmacist": the topic is passed on, not answered.
_DEFLECT = re.compile(
    r"(?<![\w])(?:questions?|queries|requests?|topics?|anything|cases|messages)(?: [\w'’-]+){0,6}"
    r" (?:are |is |get |gets )?(?:hand(?:s|ed)?|pass(?:es|ed)?|rout(?:e|es|ed)|refer(?:s|red)?|"
    r"escalat(?:e|es|ed)|forward(?:s|ed)?|go(?:es)?|redirect(?:s|ed)?)(?: on| over| off)?"
    r"(?: straight| directly| immediately)? to (?:a |an |the |our )?(?:human|person|pharmacist|"
    r"doctor|clinician|nurse|lawyer|solicitor|adviser|advisor|specialist|professional|gp)"
    r"(?![\w])")
HIGH_STAKES = ("health", "finance", "legal", "security", "web3")
# Fields whose hints add up within a sentence: "classifies" + "22 intents" is a firm narrow job.
ADDITIVE = ("task_narrowness",)
# Fields whose sentences often hold a topic cue and a cue naming the fact for other values ("a
# pricing helper that suggests a listing price based on model, condition and market prices"):
# each value's firm cue stays a candidate, so a vetoed topic cue does not hide the named fact.
# Tried for every field: data_quality lost precision (the sentence's priority was right there).
RUNNERS_UP = ("task_narrowness",)
CONTRAST = re.compile(r"\b(?:but|however|though|although|except that|apart from that)\b")


@dataclass(frozen=True)
class Candidate:
    """The cue layer's reading of one field in one sentence: value, firmness, where."""

    field: str
    value: str
    weight: float
    start: int
    end: int
    sentence: int


def clause_table(*, pieces: Sequence[Unit]) -> list[tuple[int, int, int, int]]:
    """(clause start, clause end, sentence start, sentence end) for every clause."""
    sentences = {u.sentence: u for u in pieces if u.kind == "sentence"}
    clauses = [u for u in pieces if u.kind == "clause"]
    out = [(c.start, c.end, sentences[c.sentence].start, sentences[c.sentence].end)
           for c in clauses]
    split = {c.sentence for c in clauses}
    out += [(s.start, s.end, s.start, s.end) for i, s in sentences.items() if i not in split]
    return sorted(out)


def hits_of(*, text: str, low: str, pieces: Sequence[Unit], found: Sequence[Quantity] = ()
            ) -> list[Hit]:
    """Every cue hit: the rule tables, the frequency composition and measured scores."""
    sentences = [(u.start, u.end) for u in pieces if u.kind == "sentence"]
    return [*BOOK.hits(text=text, low=low),
            *time_hits(low=low, clauses=clause_table(pieces=pieces)),
            *score_hits(low=low, found=found, sentences=sentences)]


def candidates(*, low: str, pieces: Sequence[Unit], hits: Sequence[Hit]) -> list[Candidate]:
    """One candidate per (field, sentence) with hits; risk_domain once for the whole text."""
    sentences = [u for u in pieces if u.kind == "sentence"]
    if not sentences:
        return []
    grouped: dict[tuple[str, int], list[tuple[Hit, int]]] = defaultdict(list)
    for hit in hits:
        index = next((s.sentence for s in sentences if s.start <= hit.start < s.end), None)
        if index is None or not _counts(hit=hit, low=low, sentence=sentences[index]):
            continue
        grouped[(hit.field, index)].append((hit, index))
    out = [c for (field, _), found in grouped.items() if field != "risk_domain"
           for c in _resolve_all(field=field, found=_uncorrected(found=found, low=low))]
    domain = [pair for (field, _), found in grouped.items() if field == "risk_domain"
              for pair in found]
    if domain:
        out += _domain(found=domain)
    return sorted(out, key=lambda c: (c.field, c.sentence))


def _counts(*, hit: Hit, low: str, sentence: Unit) -> bool:
    """data_quality words count only in sentences about the examples, and not in a wish; a
    domain topic the sentence hands on to a person is not the assistant's domain."""
    if hit.field == "risk_domain":
        return hit.value == "general" or _DEFLECT.search(low, sentence.start, sentence.end) is None
    if hit.field != "data_quality" or hit.weight >= NAMED:
        return True  # a named fact about the labelling needs no word for the data beside it
    if _DATA.search(low, sentence.start, sentence.end) is None:
        return False
    return _WISH.search(low, max(sentence.start, hit.start - 40), hit.start) is None


def _uncorrected(*, found: list[tuple[Hit, int]], low: str) -> list[tuple[Hit, int]]:
    """Drop a firm hit that a later one for another value corrects ("no ML team here, but Tomasz
    can look after it one day a week")."""
    kept = [(h, i) for h, i in found
            if not any(o.value != h.value and o.weight >= FIRM and h.weight >= FIRM
                       and o.start >= h.end and CONTRAST.search(low, h.end, o.start)
                       for o, _ in found)]
    return kept or found


def _resolve_all(*, field: str, found: list[tuple[Hit, int]]) -> list[Candidate]:
    """The sentence's verdict first, then each other value's firmest firm hit (a fallback
    when the classifier vetoes the verdict)."""
    best = _resolve(field=field, found=found)
    if field not in RUNNERS_UP:
        return [best]
    others = [_resolve(field=field, found=[p for p in found if p[0].value == value])
              for value in dict.fromkeys(h.value for h, _ in found if h.weight >= FIRM)
              if value != best.value]
    return [best, *others]


def _resolve(*, field: str, found: list[tuple[Hit, int]]) -> Candidate:
    """The firmest value, ties broken by the field's priority; its first hit is the evidence."""
    order = PRIORITY.get(field, ())
    best = max(found, key=lambda p: (firmness(weight=p[0].weight), -_rank(order, p[0].value),
                                     p[0].weight, -p[0].start))
    hit, sentence = best
    weight = hit.weight
    if field in ADDITIVE and weight < FIRM:
        spans = {(h.start, h.end) for h, _ in found if h.value == hit.value}
        weight = min(FIRM, sum(h.weight for h, _ in found if h.value == hit.value
                               and (h.start, h.end) in spans))
        weight = FIRM if len(spans) >= 2 else weight
    return Candidate(field, hit.value, weight, hit.start, hit.end, sentence)


def _rank(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def _domain(*, found: list[tuple[Hit, int]]) -> list[Candidate]:
    """The domain with the most weight in the whole text (a firm high-stakes one beats general),
    quoted at each of its hits, firmest first: a hit the classifier vetoes in its own sentence
    ("our SOC") gives way to another ("verdict: phishing, spam or benign")."""
    score: dict[str, float] = defaultdict(float)
    for hit, _ in found:
        score[hit.value] += hit.weight
    stakes = [v for v in HIGH_STAKES if score.get(v, 0.0) > 0]
    firm = [v for v in stakes if any(h.value == v and h.weight >= FIRM for h, _ in found)]
    if firm or ("general" not in score and stakes):
        pool = firm or stakes
        value = max(pool, key=lambda v: (score[v], -HIGH_STAKES.index(v)))
    else:
        value = "general"
    hits = sorted(((h, s) for h, s in found if h.value == value),
                  key=lambda p: (-p[0].weight, p[0].start))
    # the first quoted hit is the value's firmest, so a cue naming the domain keeps its NAMED mark
    return [Candidate("risk_domain", value, h.weight, h.start, h.end, s) for h, s in hits]
