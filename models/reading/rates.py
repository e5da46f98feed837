"""Volumes as teams write them: "3k tickets a day", "1.2M docs/mo", "3 planners, twice a day each".

Each rate is converted to requests per day (the labelling README's conventions); how often one
person does something ("five times a day") or how often content changes ("180 articles we update
weekly") is not a volume.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.reading.numbers import NUMBER, RANGE, SMALL, is_vague, is_year, parse_number
from models.reading.quantity import Quantity, rarely_needed, scan

IC = re.IGNORECASE
PER_DAY = {"second": 86_400, "minute": 1_440, "hour": 24, "day": 1, "night": 1,
           "week": 1 / 7, "month": 1 / 30, "quarter": 1 / 90, "year": 1 / 365}
UNIT_WORDS = {
    "second": r"seconds?|secs?|s", "minute": r"minutes?|mins?", "hour": r"hours?|hrs?|h",
    "day": r"(?:working |business |calendar )?days?|week ?days?|work ?days?|d", "night": r"nights?",
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
    rf"(?P<num>{RANGE})(?P<times>\s+times?|\s?[x×](?=\s))?{_GAP}\s*(?:(?:\beach\s+)?(?:\b(?:a|an|per|each|every|"
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
    r"supervisors|translators|sellers|merchants|vendors|couriers|pilots|guards|us|"
    r"sdrs|bdrs|csms|aes|clients|patients|tenants|residents|guests|learners|subscribers|"
    r"shoppers|citizens|households|[a-z]{3,}(?:ists|ians|ators|ants|ers))\b", IC)
# The period named first: "daily volume is approx 25,000", "monthly traffic: ~1.2M".
PERIOD_FIRST = re.compile(
    rf"\b(?P<adverb>{'|'.join(ADVERBS)}) (?:volume|traffic|load|throughput|request volume)"
    r"(?:\s+(?:is|of|at|around|sits at))?\s*[:=~≈]?(?:\s*(?:approx\.?|about|around|roughly|"
    rf"maybe|ca\.?|~|≈))?\s*(?P<num>{NUMBER})", IC)
rarely_needed(EVERY, PEOPLE, PERIOD_FIRST)


def _unit_of(match: re.Match[str]) -> str:
    if match["adverb"]:
        return ADVERBS[match["adverb"].lower()]
    return next(k for k in UNIT_WORDS if match[k])


def rates(*, text: str) -> Iterator[Quantity]:
    """'3k tickets a day', '1.2M docs/mo', 'twice a day', with 'N people each ...' multiplied."""
    for match in RATE.finditer(text):
        count = parse_number(text=match["num"])
        if count is None or is_year(text=match["num"]) or "24/7" in match.group(0) or \
                _HALF_A.match(match.group(0)):
            continue
        unit = _unit_of(match)
        per_day = count * (_hours_worked(text=text, end=match.end()) if unit == "hour"
                           else PER_DAY[unit])
        start, gap = match.start(), match["gap"] or ""
        people = _people_before(text=text, end=start, gap=gap)
        if people is not None:
            per_day *= people[0]
            start = people[1]
        elif _how_often(match=match, count=count, before=text[max(0, start - 30):start]) or \
                UPDATED_BEFORE.search(gap) or _TIME_SHARE.fullmatch(gap):
            continue  # "twice a year", "180 articles we update weekly", "1 day/week": how often
        yield Quantity("rate", per_day, start, match.end(), is_vague(text=match["num"]),
                       named=people is not None)
    for match in scan(regex=PERIOD_FIRST, text=text):
        count = parse_number(text=match["num"])
        if count is not None and not is_year(text=match["num"]):
            yield Quantity("rate", count * PER_DAY[ADVERBS[match["adverb"].lower()]],
                           match.start(), match.end(), is_vague(text=match["num"]))
    for match in scan(regex=EVERY, text=text):
        count, every = parse_number(text=match["num"]), parse_number(text=match["n2"] or "one")
        unit = match["unit"].lower().rstrip("s")
        if count is not None and every:
            yield Quantity("rate", count * PER_DAY[unit] / every, match.start(), match.end())


_HALF_A = re.compile(r"half an? (?:second|minute|hour)\b", IC)  # a duration, not a rate
_TIME_SHARE = re.compile(r"\s+(?:full |half |working )?(?:days?|hours?|hrs?|afternoons?|"
                         r"mornings?|evenings?|shifts?)", IC)
# An update verb right before a period: "180 articles we update weekly" is how often, not how many.
UPDATED_BEFORE = re.compile(r"\b(?:updat|refresh|revis|chang|edit|rewrit|amend)\w*\s*$", IC)
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
    for match in scan(regex=PEOPLE, text=text, start=window_start, end=end):
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
