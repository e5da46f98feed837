"""Number phrases with their units, converted to the questionnaire's units.

Each `Quantity` has a kind and a value in the field's unit: `rate` (per day), `duration` (ms),
`size` (tokens), `score` (a fraction), `count` (things), `zero_labels` (0 labelled examples) or
`batch` (no response-time constraint: 600,000 ms). Its span is the whole phrase the value is
computed from, an exact slice of the text. Conversions follow the labelling README.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.reading.numbers import NUMBER, RANGE, is_vague, is_year, parse_number
from models.reading.quantity import Quantity, rarely_needed, scan
from models.reading.rates import rates
from models.reading.shares import (
    DECIMAL,
    FRACTION,
    FRACTIONS,
    MISSES,
    ONE_OF_SET,
    OUT_OF,
    PERCENT,
    WRONG_AFTER,
)

IC = re.IGNORECASE
DAY_MS = 86_400_000
MAX_LATENCY_MS = 600_000
DURATION = re.compile(
    rf"(?P<num>{RANGE}|half an?|an?)\s?-?(?P<unit>ms|msec|millis[ei]conds?|mil+is[ei]conds?|"
    r"seconds?|secs?|s|minutes?|mins?|hours?|hrs?)\b"
    r"(?!\s+(?:ago|old|long|of\s+(?:audio|video)))", IC)
DURATION_MS = {"ms": 1, "msec": 1, "mil": 1, "second": 1000, "sec": 1000, "s": 1000,
               "minute": 60_000, "min": 60_000, "hour": 3_600_000, "hr": 3_600_000}
BATCH = re.compile(
    r"\b(?:nightly batch|(?:in |as an? )?(?:offline|overnight) (?:batch|job|run)|"
    r"(?:generated|run|runs|processed|done) (?:offline|overnight)|overnight|next (?:morning|day)|"
    r"within (?:the hour|24 hours|a day)|latency (?:doesn't|does not|won't) matter|"
    r"no rush|response time is not a constraint|not time[- ]critical|over night|"
    r"(?:response time|latency|speed) (?:does not|doesn'?t|won'?t|will not) matter|"
    r"(?:response time|latency|speed) (?:is not|isn'?t) (?:a concern|important|critical)|"
    # nobody waits for the answer: a next-day or same-day turnaround, a job run ahead of time
    r"next (?:business|working) day|same[- ]day (?:turnaround|response|reply)|"
    r"(?:nobody|no one|no-one) (?:is )?wait(?:s|ing)? (?:on|for) (?:it|the \w+)|"
    r"at build time|(?:as )?a (?:nightly |night-?time )?batch job|"
    r"(?:once|runs?) (?:a|each|every|per) night)\b", IC)
SIZE_UNITS = {  # unit pattern -> tokens per unit
    r"pages?|pgs?|pg": 500, r"words?": 4 / 3,
    r"(?:help[- ]cent(?:re|er) |kb )?articles?|arts": 1000,
    r"slides?": 100, r"paragraphs?|listings?": 150, r"lines? of code|loc": 10,
    r"(?:research )?papers?": 10_000, r"tokens?": 1, r"(?:markdown |md |text )?files?": 1000,
}
_SIZE = "|".join(f"(?:{k})" for k in SIZE_UNITS)
SIZE = re.compile(rf"(?P<num>{RANGE})(?:\s?-?\s?)(?:[a-z-]+\s+){{0,1}}?(?P<unit>{_SIZE})\b", IC)
# A length the output must keep to ("80 words at most", "max 200 words") is not knowledge.
_LIMIT = re.compile(r"(?:max(?:imum)?|at most|up to|no more than|under|below|within|less than|"
                    r"fewer than|limited to|limit of|cap of)\s*$", IC)
_LIMIT_AFTER = re.compile(r"\s*(?:at most|max(?:imum)?|tops|or (?:less|fewer))\b", IC)
# A size said of a body of knowledge ("the manual is 300 pages", "400 pages of policy") names it.
_SOURCE = (r"(?:manuals?|handbooks?|polic(?:y|ies)|wiki|library|docs|documentation|knowledge ?base|"
           r"kb|catalog(?:ue)?|guides?|guidelines|corpus|archive|rulebook|playbook|sops?|faq|"
           r"help ?cent(?:re|er)|intranet|confluence|sharepoint|specs?|specifications?|codebase|"
           r"repo(?:sitory)?|regulations?|standards?)")
_SOURCE_BEFORE = re.compile(rf"\b{_SOURCE}\b[^.;:!?\d]{{0,25}}$", IC)
_SOURCE_AFTER = re.compile(rf"\s+(?:of|in)\s+(?:[\w-]+\s+){{0,2}}?{_SOURCE}\b", IC)
BYTES = re.compile(rf"(?P<num>{RANGE})\s?(?P<unit>[KMGT]B)\b(?P<what>(?:\s+[\w-]+){{0,4}})", IC)
FAQ = re.compile(rf"\bfaq\b[^.]{{0,30}}?(?P<num>{RANGE})\s+(?:questions|entries|q&as?)", IC)
EACH = re.compile(r"\b(?:each|apiece|avg|average|averaging|on average|per (?:doc|document|file))\b",
                  IC)
_NEG = (r"(?:no|zero|not any|none of the|don'?t have(?: any)?|do not(?: yet)? have(?: any)?|"
        r"haven'?t got(?: any)?|without(?: any)?|lack(?:ing)?(?: any)?|nothing)")
_LABEL = (r"(?:labels?|labell?ed|annotat(?:ed|ions?)|training (?:data|examples|set)|"
          r"examples?|gold|ground[- ]truth|(?:input|training)[- ]output pairs|pairs)")
ZERO_LABELS = re.compile(
    rf"\b{_NEG}\s+(?:[\w&/-]+\s+){{0,2}}?{_LABEL}\b(?!\s+(?:set|sets)\s+(?:to|for)\s+eval)"
    r"|\b(?:haven'?t|have not|hasn'?t|never)\s+(?:yet\s+)?(?:labell?ed|annotated)\s+anything\b"
    r"|\bnothing (?:is |has been )?(?:labell?ed|annotated)\b", IC)


_NAMED_BATCH = re.compile(r"batch|offline|run|process|generat|done|latency|response time|"
                          r"time-critical|rush", IC)
rarely_needed(BATCH, FAQ, PERCENT, OUT_OF, FRACTION, ZERO_LABELS)


def durations(*, text: str) -> Iterator[Quantity]:
    """'p95 under 300ms', 'within two minutes', 'half a second'; hours and up mean batch."""
    for match in DURATION.finditer(text):
        before = text[max(0, match.start() - 7):match.start()].lower()
        if "every" in before or re.search(r"/\s*$", before):
            continue
        num = match["num"].lower()
        value = 0.5 if num.startswith("half") else 1.0 if num in ("a", "an") else \
            parse_number(text=match["num"])
        unit = match["unit"].lower()
        scale = next((ms for key, ms in DURATION_MS.items() if unit.startswith(key)), None)
        if value is None or scale is None or (unit == "s" and num in ("a", "an")):
            continue
        yield Quantity("duration", min(value * scale, MAX_LATENCY_MS), match.start(), match.end())
    for match in scan(regex=BATCH, text=text):
        yield Quantity("batch", MAX_LATENCY_MS, match.start(), match.end(),
                       named=_NAMED_BATCH.search(match.group(0)) is not None)


def sizes(*, text: str) -> Iterator[Quantity]:
    """Pages, words, articles, files, MB/GB, with 'N things, M pages each' multiplied."""
    found: list[Quantity] = []
    for match in SIZE.finditer(text):
        number = parse_number(text=match["num"])
        unit = match["unit"].lower()
        per = next(v for k, v in SIZE_UNITS.items() if re.fullmatch(k, unit, IC))
        if number is not None and not is_year(text=match["num"]) and not _LIMIT.search(
                text, max(0, match.start() - 16), match.start()) and not _LIMIT_AFTER.match(
                text, match.end()):
            found.append(Quantity("size", number * per, match.start(), match.end(),
                                  named=_names_source(text=text, match=match)))
    for match in BYTES.finditer(text):
        number = parse_number(text=match["num"])
        what = (match["what"] or "").lower()
        per_mb = 125_000 if "html" in what else 50_000 if re.search(r"pdf|word|docx?", what) \
            else 250_000
        scale = {"kb": 1e-3, "mb": 1.0, "gb": 1e3, "tb": 1e6}[match["unit"].lower()]
        if number is not None:
            found.append(Quantity("size", number * scale * per_mb, match.start(),
                                  match.start() + len(match.group(0).rstrip())))
    for match in scan(regex=FAQ, text=text):
        number = parse_number(text=match["num"])
        if number is not None:
            found.append(Quantity("size", number * 200, match.start(), match.end()))
    yield from (_times_count(text=text, size=q) for q in found)


def _names_source(*, text: str, match: re.Match[str]) -> bool:
    return bool(_SOURCE_BEFORE.search(text, max(0, match.start() - 45), match.start())
                or _SOURCE_AFTER.match(text, match.end(), min(len(text), match.end() + 40)))


def _times_count(*, text: str, size: Quantity) -> Quantity:
    """'40 machines, 300 pages each' or '50k documents, avg 10 pages': count x size."""
    window_start = max(0, text.rfind(".", 0, size.start) + 1, size.start - 70)
    counts = [m for m in re.finditer(NUMBER, text[window_start:size.start], IC)
              if parse_number(text=m.group(0))]
    if not counts:
        return size
    if not EACH.search(text[window_start + counts[0].end():min(len(text), size.end + 8)]):
        return size
    first = counts[0]
    count = parse_number(text=first.group(0)) or 1.0
    if count <= 1:
        return size
    return Quantity("size", count * size.value, window_start + first.start(), size.end,
                    named=size.named)


def scores(*, text: str) -> Iterator[Quantity]:
    """'71%', '0.82 accuracy', '4 out of 5', 'about half'; 'misses a third' is 0.67."""
    found: list[tuple[float, int, int]] = []
    for match in scan(regex=PERCENT, text=text):
        value = parse_number(text=match["num"])
        if value is not None and value <= 100:
            found.append((value / 100, match.start(), match.end()))
    for match in DECIMAL.finditer(text):
        found.append((float(match["num"]), match.start(), match.end()))
    for match in scan(regex=OUT_OF, text=text):
        a, b = parse_number(text=match["a"]), parse_number(text=match["b"])
        picks = a == 1 and "out" not in match.group(0).lower() and ONE_OF_SET.match(
            text, match.end()) is not None
        if a is not None and b and 0 <= a <= b and b <= 1000 and not picks:
            found.append((a / b, match.start(), match.end()))
    for match in scan(regex=FRACTION, text=text):
        key = re.sub(r"^(?:about|roughly|around|nearly) ", "", match["f"].lower())
        found.append((FRACTIONS[key], match.start(), match.end()))
    for value, start, end in found:
        missed = MISSES.search(text[max(0, start - 30):start])
        if missed:
            value, start = 1 - value, max(0, start - 30) + missed.start()
        elif WRONG_AFTER.match(text, end):
            value = 1 - value
        yield Quantity("score", round(value, 4), start, end)


def counts(*, text: str) -> Iterator[Quantity]:
    """Plain counts ('5k labelled pairs'), and 'no labels yet' as zero."""
    for match in re.finditer(RANGE, text, IC):
        raw = match.group(0)
        value = parse_number(text=raw)
        follows = text[match.end():match.end() + 12].lower()
        if value is None or is_year(text=raw) or re.match(r"\s?(?:%|percent|x\b|×)", follows):
            continue
        yield Quantity("count", value, match.start(), match.end(), is_vague(text=raw))
    for match in scan(regex=ZERO_LABELS, text=text):
        yield Quantity("zero_labels", 0.0, match.start(), match.end())


def quantities(*, text: str) -> list[Quantity]:
    """Every quantity in the text, in order of position."""
    found = [*rates(text=text), *durations(text=text), *sizes(text=text), *scores(text=text),
             *counts(text=text)]
    return sorted(found, key=lambda q: (q.start, q.end, q.kind))
