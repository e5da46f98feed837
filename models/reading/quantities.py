"""Number phrases with their units, converted to the questionnaire's units.

Each `Quantity` has a kind and a value in the field's unit: `rate` (per day), `duration` (ms),
`size` (tokens), `score` (a fraction), `count` (things), `zero_labels` (0 labelled examples) or
`batch` (no response-time constraint: 600,000 ms). Its span is the whole phrase the value is
computed from, an exact slice of the text. Conversions follow the labelling README.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.reading.cueing import ascii_needs
from models.reading.numbers import NUMBER, RANGE, SMALL, is_vague, is_year, parse_number
from models.reading.shares import DECIMAL, FRACTION, FRACTIONS, MISSES, OUT_OF, PERCENT, WRONG_AFTER

IC = re.IGNORECASE
DAY_MS = 86_400_000
MAX_LATENCY_MS = 600_000
PER_DAY = {"second": 86_400, "minute": 1_440, "hour": 24, "day": 1, "night": 1,
           "week": 1 / 7, "month": 1 / 30, "quarter": 1 / 90, "year": 1 / 365}
UNIT_WORDS = {
    "second": r"seconds?|secs?|s", "minute": r"minutes?|mins?", "hour": r"hours?|hrs?|h",
    "day": r"(?:working |business |calendar )?days?|d", "night": r"nights?",
    "week": r"weeks?|wks?|w", "month": r"months?|mos?|mths?", "quarter": r"quarters?",
    "year": r"years?|yrs?",
}
ADVERBS = {"daily": "day", "nightly": "night", "weekly": "week", "monthly": "month",
           "hourly": "hour", "yearly": "year", "annually": "year", "quarterly": "quarter"}
_UNIT = "|".join(f"(?P<{k}>{v})" for k, v in UNIT_WORDS.items())
# Words between a number and its period; never another number ("two analysts use it ten times
# a day": the rate is ten a day, times two people).
_NUM_WORD = "|".join(sorted(SMALL, key=len, reverse=True))
_GAP = (rf"(?P<gap>(?:\s+(?!(?:a|an|per|each|every)\s)(?!\d)(?!(?:{_NUM_WORD})\b)"
        r"[\w'’&+.-]+){0,7}?)")
RATE = re.compile(
    rf"(?P<num>{RANGE})(?P<times>\s+times?)?{_GAP}\s*(?:(?:\beach\s+)?(?:\b(?:a|an|per|each|every|"
    rf"a single|in(?: a| the| one)?)\s+|/\s*)(?:{_UNIT})\b|"
    rf"\b(?P<adverb>{'|'.join(ADVERBS)})\b)", IC)
# "50k times a day" is a volume; "five times a day" alone is how often someone does something.
VOLUME_TIMES = 50
EVERY = re.compile(rf"(?P<num>{NUMBER})\s+(?:[\w-]+\s+){{0,3}}?every\s+(?:(?P<n2>{NUMBER})\s+)?"
                   r"(?P<unit>seconds?|minutes?|hours?)\b", IC)
PEOPLE = re.compile(
    rf"(?P<num>{NUMBER})\s+(?:[\w-]+\s+){{0,1}}?(?:people|persons?|users?|employees|staff|agents|"
    r"reps|representatives|devs|developers|engineers|analysts|students|nurses|controllers|buyers|"
    r"lawyers|teachers|clinicians|members|colleagues|managers|officers|advisers|advisors|"
    r"planners|auditors|recruiters|writers|editors|drivers|doctors|customers|players|"
    r"partners|traders|accountants|adjusters|researchers|scientists|designers|dispatchers|"
    r"clerks|coordinators|operators|paralegals|tutors|pharmacists|technicians|inspectors|"
    r"cashiers|moderators|reviewers|underwriters|brokers|caseworkers|marketers|marketeers|"
    r"supervisors|translators|sellers|merchants|vendors|couriers|pilots|guards|"
    r"[a-z]{3,}(?:ists|ians|ators|ants))\b", IC)
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
    r"(?:response time|latency|speed) (?:is not|isn'?t) (?:a concern|important|critical))\b", IC)
SIZE_UNITS = {  # unit pattern -> tokens per unit
    r"pages?|pgs?|pg": 500, r"words?": 4 / 3,
    r"(?:help[- ]cent(?:re|er) |kb )?articles?|arts": 1000,
    r"slides?": 100, r"paragraphs?|listings?": 150, r"lines? of code|loc": 10,
    r"(?:research )?papers?": 10_000, r"tokens?": 1, r"(?:markdown |md |text )?files?": 1000,
}
_SIZE = "|".join(f"(?:{k})" for k in SIZE_UNITS)
SIZE = re.compile(rf"(?P<num>{RANGE})(?:\s?-?\s?)(?:[a-z-]+\s+){{0,1}}?(?P<unit>{_SIZE})\b", IC)
BYTES = re.compile(rf"(?P<num>{RANGE})\s?(?P<unit>[KMGT]B)\b(?P<what>(?:\s+[\w-]+){{0,4}})", IC)
FAQ = re.compile(rf"\bfaq\b[^.]{{0,30}}?(?P<num>{RANGE})\s+(?:questions|entries|q&as?)", IC)
EACH = re.compile(r"\b(?:each|apiece|avg|average|averaging|on average|per (?:doc|document|file))\b",
                  IC)
_NEG = (r"(?:no|zero|not any|none of the|don'?t have(?: any)?|do not(?: yet)? have(?: any)?|"
        r"haven'?t got(?: any)?|without(?: any)?|lack(?:ing)?(?: any)?|nothing)")
_LABEL = (r"(?:labels?|labell?ed|annotat(?:ed|ions?)|training (?:data|examples|set)|"
          r"examples?|gold|ground[- ]truth|(?:input|training)[- ]output pairs|pairs)")
ZERO_LABELS = re.compile(
    rf"\b{_NEG}\s+(?:[\w-]+\s+){{0,2}}?{_LABEL}\b(?!\s+(?:set|sets)\s+(?:to|for)\s+eval)"
    r"|\b(?:haven'?t|have not|hasn'?t|never)\s+(?:yet\s+)?(?:labell?ed|annotated)\s+anything\b"
    r"|\bnothing (?:is |has been )?(?:labell?ed|annotated)\b", IC)


# Patterns that need a word rarely in a text ("every", "%", "faq", people nouns, ...): an ASCII
# text holding none of their words is not scanned (the same matches, fewer scans).
_NEEDS = {regex: ascii_needs(regex=regex, most=100)
          for regex in (EVERY, PEOPLE, BATCH, FAQ, PERCENT, OUT_OF, FRACTION, ZERO_LABELS)}


def _scan(*, regex: re.Pattern[str], text: str, start: int = 0, end: int | None = None
          ) -> Iterator[re.Match[str]]:
    """regex.finditer over text[start:end], or nothing when no word the regex needs is there."""
    needs = _NEEDS.get(regex)
    if needs is not None and text.isascii():
        low = text.lower()
        if not any(n in low for n in needs):
            return iter(())
    return regex.finditer(text, start, len(text) if end is None else end)


@dataclass(frozen=True)
class Quantity:
    """A number phrase, its kind, and its value in the questionnaire's unit."""

    kind: str
    value: float
    start: int
    end: int
    vague: bool = False
    named: bool = False  # it says what it counts: people using it, a batch run (not "overnight")


def _unit_of(match: re.Match[str]) -> str:
    if match["adverb"]:
        return ADVERBS[match["adverb"].lower()]
    return next(k for k in UNIT_WORDS if match[k])


def rates(*, text: str) -> Iterator[Quantity]:
    """'3k tickets a day', '1.2M docs/mo', 'twice a day', with 'N people each ...' multiplied."""
    for match in RATE.finditer(text):
        count = parse_number(text=match["num"])
        if count is None or is_year(text=match["num"]) or "24/7" in match.group(0):
            continue
        unit = _unit_of(match)
        per_day = count * (_hours_worked(text=text, end=match.end()) if unit == "hour"
                           else PER_DAY[unit])
        start = match.start()
        people = _people_before(text=text, end=start, gap=match["gap"] or "")
        if people is not None:
            per_day *= people[0]
            start = people[1]
        elif _how_often(match=match, count=count, before=text[max(0, start - 30):start]) or \
                _CHANGED.search(match["gap"] or ""):
            continue  # "a couple of times a year", "180 articles we update weekly": how often
        yield Quantity("rate", per_day, start, match.end(), is_vague(text=match["num"]),
                       named=people is not None)
    for match in _scan(regex=EVERY, text=text):
        count, every = parse_number(text=match["num"]), parse_number(text=match["n2"] or "one")
        unit = match["unit"].lower().rstrip("s")
        if count is not None and every:
            yield Quantity("rate", count * PER_DAY[unit] / every, match.start(), match.end())


_CHANGED = re.compile(r"\b(?:updat|refresh|revis|chang|edit|rewrit|amend)\w*\s*$", IC)
_NAMED_BATCH = re.compile(r"batch|offline|run|process|generat|done|latency|response time|"
                          r"time-critical|rush", IC)
_RUNS = re.compile(r"\b(?:run|runs|ran|used|called|triggered|invoked|fires?|fired)\s+"
                   r"(?:about |around |roughly |maybe |approx\.? |~)?$", IC)
_HOURS = re.compile(r"(?P<hours>\d{1,2}|eight|ten|twelve)[- ]?(?:h|hrs?|hours?)[- ](?:shifts?|"
                    r"days?|working days?|workdays?|a day|per day)\b", IC)


def _hours_worked(*, text: str, end: int) -> float:
    """Hours a per-hour rate runs a day: "~10/hr over an 8h shift" counts 8, else 24."""
    match = _HOURS.search(text, end, min(len(text), end + 60))
    hours = parse_number(text=match["hours"]) if match else None
    return hours if hours and 0 < hours <= 24 else PER_DAY["hour"]


def _how_often(*, match: re.Match[str], count: float, before: str) -> bool:
    """'Five times a day' is how often someone does it; 'it runs 40 times a year' is volume."""
    times = match["times"] or re.fullmatch(r"\s+(?:of\s+)?times?", match["gap"] or "")
    once = match["num"].lower() in ("once", "twice", "thrice")
    return not _RUNS.search(before) and (once or (bool(times) and count < VOLUME_TIMES))


def _people_before(*, text: str, end: int, gap: str) -> tuple[float, int] | None:
    """'three people use it' / '120 reps each' just before a rate: (how many, where it starts)."""
    window_start = max(0, text.rfind(".", 0, end) + 1, end - 70)
    best = None
    for match in _scan(regex=PEOPLE, text=text, start=window_start, end=end):
        best = match
    if best is None:
        return None
    between = text[best.end():end] + gap
    joined = re.search(r"\b(?:each|x|×|use it|open it|ask it|per (?:person|user|head)|talks?|"
                       r"asking|ask|using|use)\b|"
                       r"\bx\b|\s×\s", between + " " + text[end:end + 40], IC)
    people = parse_number(text=best["num"])
    if joined is None or people is None:
        return None
    return people, best.start()


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
    for match in _scan(regex=BATCH, text=text):
        yield Quantity("batch", MAX_LATENCY_MS, match.start(), match.end(),
                       named=_NAMED_BATCH.search(match.group(0)) is not None)


def sizes(*, text: str) -> Iterator[Quantity]:
    """Pages, words, articles, files, MB/GB, with 'N things, M pages each' multiplied."""
    found: list[Quantity] = []
    for match in SIZE.finditer(text):
        number = parse_number(text=match["num"])
        unit = match["unit"].lower()
        per = next(v for k, v in SIZE_UNITS.items() if re.fullmatch(k, unit, IC))
        if number is not None and not is_year(text=match["num"]):
            found.append(Quantity("size", number * per, match.start(), match.end()))
    for match in BYTES.finditer(text):
        number = parse_number(text=match["num"])
        what = (match["what"] or "").lower()
        per_mb = 125_000 if "html" in what else 50_000 if re.search(r"pdf|word|docx?", what) \
            else 250_000
        scale = {"kb": 1e-3, "mb": 1.0, "gb": 1e3, "tb": 1e6}[match["unit"].lower()]
        if number is not None:
            found.append(Quantity("size", number * scale * per_mb, match.start(),
                                  match.start() + len(match.group(0).rstrip())))
    for match in _scan(regex=FAQ, text=text):
        number = parse_number(text=match["num"])
        if number is not None:
            found.append(Quantity("size", number * 200, match.start(), match.end()))
    yield from (_times_count(text=text, size=q) for q in found)


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
    return Quantity("size", count * size.value, window_start + first.start(), size.end)


def scores(*, text: str) -> Iterator[Quantity]:
    """'71%', '0.82 accuracy', '4 out of 5', 'about half'; 'misses a third' is 0.67."""
    found: list[tuple[float, int, int]] = []
    for match in _scan(regex=PERCENT, text=text):
        value = parse_number(text=match["num"])
        if value is not None and value <= 100:
            found.append((value / 100, match.start(), match.end()))
    for match in DECIMAL.finditer(text):
        found.append((float(match["num"]), match.start(), match.end()))
    for match in _scan(regex=OUT_OF, text=text):
        a, b = parse_number(text=match["a"]), parse_number(text=match["b"])
        if a is not None and b and 0 <= a <= b and b <= 1000:
            found.append((a / b, match.start(), match.end()))
    for match in _scan(regex=FRACTION, text=text):
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
    for match in _scan(regex=ZERO_LABELS, text=text):
        yield Quantity("zero_labels", 0.0, match.start(), match.end())


def quantities(*, text: str) -> list[Quantity]:
    """Every quantity in the text, in order of position."""
    found = [*rates(text=text), *durations(text=text), *sizes(text=text), *scores(text=text),
             *counts(text=text)]
    return sorted(found, key=lambda q: (q.start, q.end, q.kind))
