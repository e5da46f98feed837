"""Counts of examples that already exist, named as such: a number tied to work already done.

The labelling README counts for `labeled_examples` the clean input→output pairs a team has now.
Teams rarely say "labelled pairs"; they name past work: "80k titles already mapped", "7k past
tickets", "checked 35k estimates", "1,200 specs that an engineer fixed by hand", "3k letters
with gold redactions", "our agents' old replies (maybe 50k)". A count with such a phrase next to
it names the fact, so it is read without the classifier's second opinion. Raw or unlabelled
material ("50k unlabelled emails", "raw logs") is not an example.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.reading.quantity import Quantity

IC = re.IGNORECASE
# Participles of work that turns an input into a checked output.
_DONE = (r"(?:labell?ed|annotated|tagged|coded|classified|categori[sz]ed|mapped|redacted|"
         r"adjudicated|finali[sz]ed|"
         r"translated|corrected|approved|reviewed|graded|scored|checked|fixed|verified|"
         r"resolved|answered|processed|transcribed|rewritten|edited|signed off|hand-\w+|by hand|"
         r"abstracted|assigned|decided|routed|closed|labled|triaged|keyed)")
# Work a person did to those items: "that a senior engineer fixed", "our copywriters wrote".
_WROTE = (r"(?:wrote|written|fixed|labell?ed|annotated|approved|corrected|reviewed|checked|"
          r"liked|translated|redacted|coded|tagged|graded|rewrote|edited|signed off|marked|"
          r"answered|resolved|filled (?:out|in)|abstracted|mapped|categori[sz]ed|classified|"
          r"triaged|decided|scored)")
_PAST = r"(?:past|old|previous|historical|historic|archived|existing|prior|gold|legacy)"
_RAW = r"(?!(?:[\w'’-]+\s+){0,3}?(?:unlabell?ed|unannotated|raw|unreviewed|uncleaned)\b)"
_HEDGE = r"(?:about|roughly|around|some|over|nearly|almost|approximately|approx\.?|maybe|~|≈)"
_AFTER = re.compile(
    rf"{_RAW}(?:\s+(?:[\w'’-]+\s+){{0,3}}?(?:already\s+|previously\s+|historically\s+|all\s+)?"
    rf"(?:\w+-)?{_DONE}\b|\s+(?:[\w-]+\s+)?{_PAST}\s+[\w-]+|"
    r"\s+(?:such|similar|comparable)\s+[\w-]+|"
    r"\s+(?:[\w-]+\s+){0,2}with\s+(?:gold|reference|correct|approved|verified|expert|human)\b|"
    # items that carry a person's decision: "8 thousand closed claims with adjuster decision"
    r"\s+(?:[\w-]+\s+){0,3}(?:with|w/)\s+(?:the\s+|a\s+|an\s+|their\s+)?(?:[\w-]+\s+)?"
    r"(?:decisions?|labels?|queues?|levels?|dispositions?|verdicts?|outcomes?|categor(?:y|ies))\b|"
    rf"\s+(?:[\w-]+\s+){{1,2}}(?:that\s+|which\s+)?(?:(?:a|an|the|our|their|we|they|someone|"
    r"somebody|people|humans?)\s+)?"
    rf"(?:[\w'’-]+\s+){{0,3}}{_WROTE}\b|"
    # pairs named as such, or items paired with their output: "700 question-answer pairs"
    r"\s+(?:[\w&/-]+\s+){0,2}pairs\b|\s+(?:[\w-]+\s+){0,2}paired with\b|"
    # people's past calls counted as such: "40k human decisions", "12k analyst verdicts"
    r"\s+(?:[\w-]+\s+)?(?:human|past|analyst|expert|manual|reviewer|adjuster|agent|officer)s?['’]?"
    r"\s+(?:decisions|verdicts|labels|rulings|determinations|dispositions|judg(?:e)?ments))", IC)
_BEFORE = re.compile(
    rf"(?:\b(?:{_DONE}|wrote|rewrote|have written|had written)\s+(?:{_HEDGE}\s*|more than\s+|"
    r"at least\s+)?|"
    # past decisions counted beside them: "4 yrs of SOC verdicts (~45k)", "decisions exist (400k"
    rf"\b(?:verdicts|decisions|dispositions|rulings|determinations|labels)(?:\s+\w+){{0,3}}\s*"
    r"[,(:]"
    rf"\s*(?:{_HEDGE}\s*)?|"
    rf"\b{_PAST}\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+\((?:{_HEDGE}\s*)?)$", IC)
# A count of people or of kinds ("two officers labelled", "nine codes mapped") is not examples.
_NOT_ITEMS = re.compile(
    r"\s*(?:(?!(?:last|this|next|per|a|an|each|every)\s)[\w-]+\s+)?(?:people|persons|officers|"
    r"annotators|reviewers|assessors|inspectors|"
    r"engineers|analysts|agents|lawyers|linguists|editors|writers|copywriters|staff|teams?|"
    r"categories|labels|classes|codes|fields|columns|sections|attributes|countries|"
    r"languages|years?|months?|weeks?|days?|hours?|times|steps|rules|versions|minutes|seconds|"
    r"percent|%)\b", IC)
# A count a score was measured on is a test set, not training examples ("0.76 on 1k labelled").
_MEASURED = re.compile(r"(?:(?:accuracy|score|f1|precision|recall|correct|%|percent|\d)\s+"
                       r"(?:[\w-]+\s+)?(?:on|over|against)|(?:test|eval(?:uation)?|validation|"
                       r"held-?out|holdout|golden|gold) set (?:of|with)|(?:tried|tested|ran|"
                       r"evaluated|measured|checked) (?:[\w-]+\s+){0,3}on|frozen set of)\s+"
                       r"(?:a\s+|the\s+|our\s+)?"
                       rf"(?:{_HEDGE}\s+)?$", IC)
# Material named as unlabelled right after its count: no examples ("300 chats, none labelled").
_UNLABELLED = re.compile(
    r"[^.;:!?]{0,60}?(?:\bnone (?:of (?:them|these|those|it) )?(?:are |is |has been |have been )?"
    r"(?:labell?ed|annotated|reviewed|checked)|\bunlabell?ed|\bunannotated|\bnot (?:yet )?"
    r"(?:labell?ed|annotated)|\bwithout (?:any )?(?:labels|annotations|answers))", IC)
_TAKEN = ("rate", "duration", "size", "score")
FEWEST = 20  # below this a count is more often things than a training set ("3 old systems")


def example_counts(*, text: str, found: Sequence[Quantity]) -> list[Quantity]:
    """The counts in `found` that a phrase of past, checked work names as examples."""
    taken = [q for q in found if q.kind in _TAKEN]
    out = []
    for q in found:
        if q.kind != "count" or q.value < FEWEST or any(t.start <= q.start < t.end
                                                         for t in taken):
            continue
        if _NOT_ITEMS.match(text, q.end) or _MEASURED.search(text, max(0, q.start - 40),
                                                               q.start):
            continue
        after = _AFTER.match(text, q.end, min(len(text), q.end + 80))
        before = _BEFORE.search(text, max(0, q.start - 60), q.start)
        if after is None and before is None:
            continue
        start = before.start() if before is not None else q.start
        end = after.end() if after is not None else q.end
        out.append(Quantity("count", q.value, start, end, q.vague))
    return out


def unlabelled(*, text: str, quantity: Quantity) -> bool:
    """The count is of material the text says is not labelled."""
    return _UNLABELLED.match(text, quantity.end) is not None
