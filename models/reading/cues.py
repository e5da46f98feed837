"""Named facts that make a statement specific: frequencies, team sizes and owners, data sources.

The learned classifiers decide *which* field a clause speaks about and its value; these patterns
say whether the clause names something concrete (a frequency, who owns the model, where the data
comes from) and, for frequencies, which period it names, so "every Thursday" reads as weekly even
in words the sentence bank never used. A cue preceded by a negation ("not daily") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

IC = re.IGNORECASE
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_NUM = r"(?:\d+|two|three|four|five|six|a few|few|couple of|a couple of|several)"
# Period names, shortest first; each maps to one of PERIODS.
FREQUENCIES: tuple[tuple[str, str], ...] = (
    ("realtime", r"real[- ]?time|live|up[- ]to[- ]the[- ](?:minute|second)|by the (?:minute|hour)|"
                 r"(?:every|each) (?:few |couple of |\d+ )?(?:minutes?|seconds?|hours?|block)|"
                 r"(?:every|each) \d+ ?(?:s|secs?|m|h|hrs?)\b|"
                 r"hourly|intraday|streaming|per request|at request time|"
                 r"(?<!^)(?<![.!?;:,(-] )right now"
                 r"(?! (?:it|they|we|the|our|its|their|\w+s (?:the|a|an|our|its|it|them)\b))|"
                 r"(?:all the time|constantly|continuously) (?:during|through(?:out)?) the day|"
                 r"minute[- ]by[- ]minute|(?:many|several|multiple) times an hour|tick"),
    ("daily", r"daily|nightly|every (?:day|night|morning|evening|weekday)|"
              r"each (?:day|night|morning)|"
              r"(?:several|multiple|many|a few) times (?:a|per) (?:day|week)|per day|once a day|"
              r"day[- ]to[- ]day|overnight refresh|each business day"),
    ("weekly", rf"weekly|bi-?weekly|fortnightly|every (?:week|other week|sprint|{_DAYS}|{_NUM} "
               rf"(?:days|weeks))|each (?:week|sprint|{_DAYS})|once a week|per week|"
               rf"on {_DAYS}|week to week|every release"),
    ("monthly", rf"monthly|quarterly|every (?:month|quarter|term|semester|season|{_NUM} months)|"
                r"each (?:month|quarter|term|semester)|once a month|per month|"
                r"(?:a few|several|\d|two|three|four) times a year|month[- ]end"),
    ("twice_yearly", r"(?:once or twice|twice|two times|2 ?x) (?:a|per) year|every six months|"
                     r"semi-?annual(?:ly)?"),
    ("yearly", r"yearly|annual(?:ly)?|once a year|every (?:year|january|few years|\d+ years)|"
               r"each year|(?:never|rarely|hardly ever|seldom) (?:change|changes|changed|updated)|"
               r"(?:haven'?t|hasn'?t|have not|has not) changed (?:in|for) "
               r"(?:years|decades|a decade)|"
               r"in (?:years|decades)|frozen|archived|repealed|since (?:19|20)\d\d|"
               r"(?:last|was) (?:amended|updated|changed|revised) in (?:19|20)\d\d|static|"
               r"fixed by (?:law|statute|regulation|the standard)|set in stone"),
)
PERIODS = ("realtime", "daily", "weekly", "monthly", "twice_yearly", "yearly")
FRESHNESS_OF = {"realtime": "realtime", "daily": "daily", "weekly": "weekly",
                "monthly": "monthly", "twice_yearly": "monthly", "yearly": "static"}
STABILITY_OF = {"realtime": "changes_weekly", "daily": "changes_weekly",
                "weekly": "changes_weekly", "monthly": "evolving", "twice_yearly": "stable",
                "yearly": "stable"}
_FREQUENCY = [(period, re.compile(rf"\b(?:{pattern})\b", IC)) for period, pattern in FREQUENCIES]
# "annual report", "yearly yield": an adjective, not how often anything changes.
ADJECTIVE = re.compile(r"(?:annual|yearly) (?!basis|cycle|review|update|refresh|revision|"
                       r"change|and|or)[a-z]", IC)
# "nobody waits on it in real time": about response time, not live facts.
WAITING = re.compile(r"\bwait(?:s|ing|ed)? (?:on|for) (?:it|them|this|that|the \w+)(?: \w+)?\s*$",
                     IC)
NEGATED = re.compile(r"(?:\b(?:not|never|no longer|isn'?t|aren'?t|rather than|instead of)|n['’]t)"
                     r"\s+(?:\w+\s+){0,2}$", IC)
OWNERS = re.compile(
    r"\b(?:just me|only me|i'?m the only|me and my|myself|nobody|no one|no-one|none of us|"
    r"no (?:ml|mlops|data|technical|engineering|dev|it)?\s?(?:engineers?|staff|people|team|devs?|"
    r"capacity|owner)|(?:one|two|three|a single|\d+) (?:\w+ ){0,2}(?:engineers?|devs?|developers?|"
    r"scientists?|people|person|colleagues?|guys?|contractors?)|contractor|part[- ]time|"
    r"day job|\d+ ?% of (?:his|her|their|my|our) time|(?:friday )?afternoons?|hours? a week|"
    r"(?:ml|mlops|data science|platform|infra(?:structure)?|ai|machine learning) "
    r"(?:team|unit|group|platform|engineers?)|team of \d+|training pipelines?|retrain\w*|"
    r"owns?|fully booked|(?:could|can) help)\b", IC)
SOURCES = re.compile(
    r"\b(?:their|his|her|the (?:customer|user|employee|patient|applicant|player|member|client|"
    r"caller|borrower|student)'?s?'?|customers?'|users?'|each (?:customer|user|employee)'?s?)"
    r"(?:\s+own)?\s+\w+|\b(?:our|internal|private|confidential|proprietary|in-house|unpublished|"
    r"public(?:ly)?|open|per-user|account|crm|erp|confluence|sharepoint|notion|jira|database|"
    r"repo(?:sitory)?|wiki|intranet|records?|files?|history|balances?|orders?|bookings?|"
    r"transactions?|holdings|contracts?|tickets?|personal data|pii|the input|it gets|"
    r"pasted|provided|attached|look(?:s|ed)? up)\b", IC)


@dataclass(frozen=True)
class Cue:
    """A named frequency found in the text: its period and where it is."""

    period: str
    start: int
    end: int


def _scanned(*, text: str) -> Iterator[tuple[Cue, bool]]:
    """Every named frequency that is a cadence, and whether a negation stands before it."""
    for period, pattern in _FREQUENCY:
        for match in pattern.finditer(text):
            start = match.start()
            if (period == "realtime" and WAITING.search(text, max(0, start - 30), start)) \
                    or ADJECTIVE.match(text, start):
                continue
            # "not since 2019" is how a frozen thing is told, so yearly ones are never negated
            negated = period != "yearly" and NEGATED.search(text[max(0, start - 40):start])
            yield Cue(period, start, match.end()), bool(negated)


def frequencies(*, text: str) -> list[Cue]:
    """Every un-negated named frequency, longest first where two overlap."""
    found = sorted((cue for cue, negated in _scanned(text=text) if not negated),
                   key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cue] = []
    for cue in found:
        if not any(k.start <= cue.start < k.end for k in kept):
            kept.append(cue)
    return kept


def negates_period(*, text: str) -> bool:
    """A named frequency in the text is negated ("it doesn't change daily") and none stands."""
    scanned = list(_scanned(text=text))
    return any(negated for _, negated in scanned) and all(negated for _, negated in scanned)


# Who can own a model, by capacity level: checked in this order, the first that matches wins.
OWNER_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("none", re.compile(
        r"\b(?:nobody|no one|no-one|none of us|no (?:ml|mlops|tech(?:nical)?|it|data|engineering|"
        r"dev(?:elopment)?)?\s?(?:engineers?|staff|people|team|devs?|developers?|capacity|owner|"
        r"expertise)|(?:contractor|agency|vendor) (?:leaves|is leaving|left|built)|"
        r"(?:no(?:body)?|neither(?: of (?:us|them))?) (?:has|have) (?:the )?time|"
        r"can'?t (?:own|maintain|take on))\b", IC)),
    ("dedicated", re.compile(
        r"\b(?:(?:ml|mlops|data science|machine learning|ai|ml platform) (?:team|unit|group|"
        r"platform|department)|team of \d+ (?:ml|data)|training pipelines?|(?:runs?|own|operate) "
        r"(?:a |our )?(?:model|ml|training) (?:platform|pipelines?)|retraining and monitoring)\b",
        IC)),
    ("limited", re.compile(
        r"\b(?:just me|only me|i'?m the only|the only (?:dev|developer|engineer|it person)|"
        r"me and my|part[- ]time|day job|alongside|on top of|in between|a few hours|"
        r"\d+ ?% of (?:his|her|their|my|our) time|(?:one|a single|a|our one) (?:\w+ )?"
        r"(?:engineer|dev|developer|data scientist|volunteer|person)|(?:could|can) help|"
        r"fridays?|afternoons?|when (?:he|she|they|we) (?:has|have) time)\b", IC)),
)


def owner_level(*, text: str) -> str | None:
    """The capacity level a named owner or team implies ('nobody' none, 'just me' limited)."""
    return next((level for level, pattern in OWNER_LEVELS if pattern.search(text)), None)


def names_owner(*, text: str) -> bool:
    """A team size or owner is named ('just me', 'one engineer 20%', 'our ML platform team')."""
    return OWNERS.search(text) is not None


def names_source(*, text: str) -> bool:
    """A data source is named ('their orders', 'our Confluence', 'public docs', 'the input')."""
    return SOURCES.search(text) is not None


# Topic words per field value, as pattern flags for the classifiers (which learn how far to
# trust them); they carry world knowledge the sentence bank is too small to teach.
TOPICS: dict[str, str] = {
    "health": r"patients?|clinic(?:al|ian)s?|medic(?:al|ation|ine)s?|dos(?:e|age)s?|diagnos\w*|"
              r"triage|nurses?|doctors?|gps?|symptoms?|drugs?|prescri\w*|nhs|care plans?|"
              r"hospital|side effects?|therap\w*|health",
    "finance": r"loans?|credit|mortgages?|payments?|invest\w*|portfolios?|tax(?:es)?|fees?|"
               r"premiums?|bank(?:ing)?|cards?|transactions?|fraud|aml|kyc|sanctions|ledger|"
               r"trading|lending|underwrit\w*|claims? (?:pay|decline)|financ\w*|refunds?",
    "legal": r"contracts?|clauses?|statut\w*|laws?|legal|courts?|regulat\w*|complian\w*|gdpr|"
             r"counsel|lawyers?|attorneys?|litigation|entitle\w*|appeals?|eligib\w*|rights",
    "security": r"vulnerab\w*|cves?|phishing|malware|incidents?|iam|firewall|access (?:control|"
                r"decision)s?|credentials?|passwords?|soc|threats?|exploits?|account takeover|"
                r"identity|attack\w*|security",
    "web3": r"wallets?|tokens?|smart[- ]contracts?|on-?chain|defi|nfts?|crypto\w*|blockchain|"
            r"gas fees?|seed phrases?|bridges?|staking|liquidat\w*|dao|solidity",
    "low_stakes": r"nothing (?:serious|regulated|sensitive|clinical|critical)|low[- ]stakes|"
                  r"zero stakes|harmless|worst case|no real (?:risk|harm)|not (?:a )?big deal",
    "machine": r"json|schema|xml|csv|api|payload|import format|edi|columns?|parse[sd]?|"
               r"function[- ]call|diff|labels?|one of|enum|categor(?:y|ies)|fields?",
    "layout": r"templates?|headings?|bullets?|tables?|layout|sections?|format(?:ted)?|"
              r"structure[d]?|order",
    "prose": r"prose|chat|repl(?:y|ies)|spoken|voice|conversation\w*|free[- ]text|tone|emails?",
    "metric": r"metrics?|eval(?:uation)?s?|test sets?|benchmarks?|accuracy|f1|baselines?|kpis?|"
              r"golden sets?|measur\w*|scor(?:e|ed|ing)|success criteri\w*|rubric",
    "only": r"only|just|single|one (?:job|thing|task)|classif\w*|extract\w*|tag\w*|rout\w*|"
            r"yes/no|redact\w*|label\w*",
    "anything": r"anything|any question|open[- ]ended|general[- ]purpose|whatever|all sorts|"
                r"companion|partner|sidekick|everything",
    "consistency": r"consisten\w*|inconsisten\w*|contradict\w*|agree\w*|disagree\w*|outdated|"
                   r"double[- ]annotated|reviewed|checked|guideline|synthetic|junk|messy|noisy|"
                   r"clean",
    "annotation": r"labell?ed|annotat\w*|(?:hand-?)?coded|hand-(?:fixed|checked|labell?ed|written)|"
                  r"gold|verified|graded|tagged|curated|corrected|marked up|keyed|approved|"
                  r"ground[- ]truth|examples?|pairs",
    "wrong": r"wrong|breaks?|fails?|misses|invent\w*|made up|makes up|hallucinat\w*|"
             r"doesn'?t know|outdated|forgets?|mix(?:es)? up|sounds?|reads? like|too (?:long|"
             r"formal|stiff)|ignores?",
}
TOPIC_PATTERNS = [(name, re.compile(rf"\b(?:{pattern})\b", IC)) for name, pattern in TOPICS.items()]


def topics(*, text: str) -> list[str]:
    """The topic groups whose words occur in the text."""
    return [name for name, pattern in TOPIC_PATTERNS if pattern.search(text)]
