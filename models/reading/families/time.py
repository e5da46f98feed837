"""knowledge_freshness and workflow_stability: how often what changes, changes.

A named frequency ("every Thursday", "multiple times a day", "live", "never changes") is read
for the thing it is attached to, the way a careful reader does:
- facts the answers quote (prices, menu, timetable, catalogue, docs, stock, rates, scores,
  listings) → knowledge_freshness;
- how the job is done (process, policy, playbook, workflow, rules, templates) →
  workflow_stability; a sentence naming both moves both;
- neither named: a hint for both, which the classifier settles.
A frequency only counts next to a change ("updated", "published", "changes", "new ... every
week") or right before a fact or process noun ("the weekly promo list"), so "we get 3,000
tickets a day" and "three people use it twice a day" are volumes, not freshness. Stability also
has its own words without a frequency: "still figuring it out" (evolving), "fixed by law"
(stable).
"""

from __future__ import annotations

import re

from models.reading.cueing import FIRM, HINT, NAMED, Hit, negated_before
from models.reading.cues import ADJECTIVE, FRESHNESS_OF, STABILITY_OF, WAITING
from models.reading.families.subjects import CHANGE, FACTS, PROCESS, subjects
from models.reading.rates import UPDATED_BEFORE

FRESHNESS, STABILITY = "knowledge_freshness", "workflow_stability"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday)s?"
_NUM = r"(?:\d+|two|three|four|five|six|a few|few|couple of|a couple of|several|couple)"
# Period names; each maps to one of cues.PERIODS. Lower case, word-start checked by the caller.
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december)")
FREQUENCIES: tuple[tuple[str, str], ...] = (
    ("realtime", r"real[- ]?time|up[- ]to[- ]the[- ](?:minute|second)|(?:by|to) the (?:minute|"
                 r"second|hour)|(?:every|evry|each) (?:few |couple of |\d+ |half an? |half |"
                 r"other |two |three |five |ten |fifteen |twenty |thirty )?"
                 r"(?:minutes?|seconds?|hours?|block|min|mins)|"
                 r"(?:every|evry|each) \d+ ?(?:s|secs?|m|h|hrs?)\b|"
                 r"hourly|intraday|streaming|"
                 r"at (?:query|request) time|nothing cached|at the time of (?:the )?(?:request|"
                 r"query|question|call)|(?:a|one) block behind|(?:at|as of) the latest block|"
                 r"(?:per|on every|on each|at the moment of the) "
                 r"request|on (?:every|each) request|as it happens|"
                 r"(?:minute|second)[- ](?:by|to)[- ](?:minute|second)|"
                 r"(?:many|several|multiple) times (?:an|per) hour|live|with (?:every|each) "
                 r"(?:new )?(?:payment|transaction|trade|order|block|sale|booking|deposit)|"
                 # at the start of a sentence or clause "right now" means "currently"
                 r"(?<!^)(?<![.!?;:,(-] )right now"
                 r"(?! (?:it|they|we|the|our|its|their|\w+s (?:the|a|an|our|its|it|them)\b))"),
    ("daily", r"daily|nightly|every (?:day|night|morning|evening|weekday|business day|"
              r"working day|work day|workday)|"
              r"each (?:day|night|morning|evening|business day|working day)|"
              r"(?:several|multiple|many|a few|dozens of) "
              r"times (?:a|per) (?:day|week)|per day|once a day|day[- ]to[- ]day|overnight|"
              r"twice a day|most days|(?:several|multiple|many|a few) (?:times )?(?:a|per) "
              r"week|(?:dozens|hundreds|a few dozen|several|many) (?:of )?(?:new )?(?:edits|"
              r"changes|updates|revisions) (?:a|per|each) day"),
    ("weekly", rf"weekly|bi-?weekly|fortnightly|(?:every|evry) (?:week|other week|sprint|{_DAYS}|"
               rf"{_NUM} days|(?:2|3|two|three|a few|few|couple of|a couple of|several|couple) "
               rf"(?:weeks|wks))|each (?:week|sprint|{_DAYS})|once a week|"
               rf"per week|on {_DAYS}|week to week|most (?:weeks|{_DAYS})|every other sprint"),
    ("monthly", rf"monthly|quarterly|every (?:month|quarter|term|semester|season|"
                rf"{_NUM} months|month or (?:two|so)|"
                rf"(?:[4-9]|1[0-2]|four|five|six|eight|ten|twelve) "
                rf"(?:weeks|wks))|each (?:month|quarter|term|semester|"
                r"season)|once a month|per month|(?:a few|several|[3-9]|three|four) times "
                r"(?:a|per) year|month[- ]end|once (?:a|per) quarter"),
    ("twice_yearly", r"(?:once or twice|twice|two times|2 ?x|(?:a )?couple (?:of )?times) "
                     r"(?:a|per|in|in a) year|every six months|"
                     r"semi-?annual(?:ly)?|twice yearly"),
    ("yearly", rf"yearly|annual(?:ly)?|(?:once|one time|one change) (?:a|per|in a) year|"
               rf"every (?:year|{_MONTHS}|(?:few|two|three|\d+(?: ?- ?\d+)?) (?:years?|yrs?)|"
               r"spring|summer|autumn|fall|winter)|(?:only )?changed once (?:since|in)|"
               rf"each (?:year|{_MONTHS}|spring|summer|autumn|fall|winter)|"
               r"(?:never|rarely|hardly ever|seldom) (?:change|changes|changed|"
               r"updated|moves?|revised)|(?:doesn'?t|does not|don'?t|won'?t|will not) "
               r"(?:really )?(?:change|move)(?! (?:often|much|that often|very often|weekly|daily|"
               r"monthly|hourly|every|each|all that|so|too|as|more|by the))|"
               r"(?:haven'?t|hasn'?t|have not|has not|havnt|"
               r"not) (?:been )?(?:chang(?:ed|ing)|revised|updated|amended) (?:in|for|since) "
               r"(?:over |more than )?\w+|(?:the )?same (?:since|for) "
               r"(?:\w+ ){0,2}\w+|(?:unchanged|untouched|fixed|frozen|locked) (?:for|since)|"
               r"(?:(?:is|are) not|isn'?t|aren'?t) changing(?! (?:much|often|that|so|as|every|each|"
               r"weekly|daily|monthly))|"
               r"frozen|archived|repealed|set in stone|(?:last|was|were) "
               r"(?:amended|updated|changed|revised) in (?:19|20)\d\d|closed set|"
               r"nothing (?:is )?(?:ever )?(?:added|new)|otherwise untouched|static|"
               r"nothing changes|(?:did not|didn'?t|didnt) change (?:since|in|for)|"
               r"(?:not|n't) been touched since|last (?:amended|updated|changed|revised) "
               r"(?:[\w-]+ ){0,3}(?:\w+|\d+) years ago|(?:essentially|basically|pretty much) "
               r"(?:fixed|frozen)|"
               r"last (?:big |major )?update was (?:in )?(?:19|20)\d\d|"
               r"(?:archive|collection|corpus|back catalogue) (?:is |are )?(?:complete|closed)|"
               # frozen told in other words: "none of it has changed since", "will not revise"
               r"(?:none|nothing) of (?:it|them|this|that) (?:has|have) (?:been )?chang(?:ed|es)|"
               r"(?:has|have)(?:n'?t| not) changed since(?! \w+ (?:month|week|day)s? ago)|froze|"
               r"(?:will|would) (?:not|never) (?:be )?(?:revis|chang|updat)(?:e|ed)|won'?t "
               r"(?:ever )?(?:be )?(?:revised|changed|updated|change)|nothing (?:in (?:it|them|"
               r"this|that) )?(?:will|would) (?:ever )?change|(?:do|does)(?:n'?t| not) (?:really )?"
               r"(?:move|change) at all"),
)
EVOLVING = re.compile(
    r"(?<![\w])(?:still being (?:designed|reworked|defined|refined|built|figured|changed|"
    r"debated|discussed|negotiated|decided|worked out)|still exploring|nothing is decided|"
    r"(?:not|hasn'?t been|haven'?t been) (?:yet )?decided|(?:scope|process|flow|rules) "
    r"(?:\w+ ){0,3}(?:become|get) clearer|"
    r"still (?:figuring|working|changing|evolving|moving|shifting|settling|"
    r"in flux|in progress|experimenting|iterating|deciding|defining|designing)|in flux|"
    r"(?:is|are|being|under|currently) (?:being )?redesign\w*|redesigning|"
    r"being (?:re)?(?:designed|worked|defined|refined|rewritten)|"
    r"keeps? (?:adjusting|changing|tweaking|iterating|revising|moving)|pre[- ]?launch|"
    r"pivot(?:ed|ing|s)?|not (?:yet )?settled|"
    r"early days|expected to (?:keep )?(?:change|shift|evolve)|"
    r"(?:will|would) (?:probably |likely )?change (?:a few|several|again)|"
    r"not frozen|work in progress|under (?:redesign|construction)|(?:isn'?t|isnt|is not) "
    r"(?:out|launched|live|released) yet|"
    # a process still being tried out or reorganised, steps still being added
    r"(?:still |currently )?(?:being )?(?:piloted|trialled|trialed)|(?:in|during) (?:the |a )?"
    r"(?:pilot|beta|trial) (?:phase|stage|period)|(?:reorgani[sz]|restructur)(?:ing|ed)|"
    r"(?:new|more) (?:categories|stages|steps|rules|intents|queues) (?:get|are|keep getting|"
    r"keep being) added|(?:keep|are|we'?re) (?:still )?adding (?:new )?(?:categories|stages|"
    r"steps|rules|intents|queues)|still learning what works)(?![\w])")
STABLE = re.compile(
    r"(?<![\w])(?:stable|settled|locked|unchanged|mature|well[- ]established|"
    r"fixed by (?:law|statute|regulation|the \w+|a \w+|national)|set (?:in|by) (?:law|"
    r"statute|the regulator)|defined by (?:the )?(?:authority|regulator|law|standard|statute)|"
    r"(?:the )?same (?:steps|process|rules|procedure|flow|workflow) (?:for|since|forever)|"
    r"same (?:steps forever|(?:style guide|guidelines|template|playbook|rubric) since)|"
    r"(?:nothing|never) (?:moves|changes)|don'?t touch it|changes? rarely|rarely changes?|"
    # a long-standing or externally fixed way of working
    r"(?:has|have) (?:been|stayed) the same (?:for|since)|(?:the )?same for (?:years|ages|"
    r"a decade|a long time)|(?:long[- ]standing|well[- ]worn|textbook|industry[- ]standard) "
    r"(?:process|procedure|rules|workflow|steps)|(?:set|defined|fixed|prescribed) (?:by|in) "
    r"(?:the |an |our )?(?:iso|din|standard|contract|sla|collective agreement))(?![\w])")
# A count right before "per day", "a week", ... makes the phrase a volume.
_VOLUME = re.compile(r"\d[\d,.]*\s*(?:k|m|million|thousand|hundred)?\b(?: [\w-]+){0,5} $")
# Frequency words that say when, with no change verb needed.
_SELF_ATTACHED = re.compile(r"live|up[- ]to[- ]the[- ](?:minute|second)|every block|nothing cached")
_FREQUENCY = [(period, re.compile(rf"(?:{pattern})(?![\w])")) for period, pattern in FREQUENCIES]
# "a weekly sync with product", "the monthly review meeting": a meeting's rhythm, not a change.
_MEETING = re.compile(r" (?:[\w-]+ ){0,2}(?:meetings?|meets?|standups?|stand-ups?|sync with|"
                      r"catch-?ups?|retros?|demos?|calls? with|newsletters?|all-hands|"
                      r"check-?ins?|1:1s?|one-on-ones?|batch(?:es)?|jobs?|runs?|cron|"
                      r"digests?)(?![\w])")
_LIVE_OK = re.compile(r"live (?:[\w-]+ ){0,2}(?:prices?|odds|scores?|data|feeds?|inventory|stock|"
                      r"status|calendar|diary|schedules?|timetables?|locations?|queues?|"
                      r"availability|positions|balances?|rates?|tracking|market|chain|order|"
                      r"results|standings|traffic|numbers|figures|outages?|incidents?|mempool|"
                      r"state|transactions?|txs?|fares|seats|bids)|(?:updat\w*|pull\w*|fetch\w*|"
                      r"read\w*|check\w*|sync\w*|stream\w*|change\w*|come|comes|be|is|are|"
                      r"them|it|move\w*|chain|history|data|state|status|prices|balances?|"
                      r"positions) live(?![\w])|live (?:from|via|during|through)")


def _not_a_cadence(*, low: str, period: str, start: int, end: int) -> bool:
    """A frequency word that says something else: a volume, a wait, a meeting, a live show."""
    if low[start:end] == "live" and not _LIVE_OK.search(low, max(0, start - 12),
                                                         min(len(low), end + 30)):
        return True
    if period == "realtime" and WAITING.search(low, max(0, start - 30), start):
        return True  # "nobody waits on it in real time" is about response time
    adverb = low[start:end] in ("daily", "weekly", "monthly", "nightly")
    if (low.startswith("per ", start) or adverb) and _VOLUME.search(
            low, max(0, start - 40), start) and not UPDATED_BEFORE.search(
            low, max(0, start - 12), start):
        return True  # "~3k new per day", "60,000 listings arrive daily": a volume
    return bool(_MEETING.match(low, end)) and not CHANGE.search(low, max(0, start - 60), start)


def frequencies(*, low: str) -> list[tuple[str, int, int]]:
    """Every un-negated named frequency (period, start, end), longest first on overlaps."""
    found = []
    for period, pattern in _FREQUENCY:
        for match in pattern.finditer(low):
            start, end = match.start(), match.end()
            if start > 0 and low[start - 1].isalnum():
                continue
            if _not_a_cadence(low=low, period=period, start=start, end=end):
                continue
            negates_itself = period == "yearly" and re.match(r"(?:never|rarely|hardly|seldom|"
                                                             r"doesn|does not|don|won|will not|"
                                                             r"haven|hasn|have not|has not|"
                                                             r"havnt|not|nothing)", low[start:])
            if not negates_itself and negated_before(low=low, start=start, words=3):
                continue
            found.append((period, start, end))
    found.sort(key=lambda c: (c[1], -(c[2] - c[1])))
    kept: list[tuple[str, int, int]] = []
    for cue in found:
        if not any(k[1] <= cue[1] < k[2] for k in kept):
            kept.append(cue)
    return kept


def time_hits(*, low: str, clauses: list[tuple[int, int, int, int]]) -> list[Hit]:
    """Freshness and stability hits: (clause start, clause end, sentence start, sentence end)."""
    out: list[Hit] = []
    for period, start, end in frequencies(low=low):
        where = next(((cs, ce, ss, se) for cs, ce, ss, se in clauses if cs <= start < ce), None)
        if where is None:
            continue
        cs, ce, ss, se = where
        clause = low[cs:ce]
        near = low[end:min(ce, end + 30)].lstrip()
        adjective = period == "yearly" and ADJECTIVE.match(low, start) is not None
        attached = CHANGE.search(clause) is not None if adjective else (
            CHANGE.search(clause) is not None or period == "yearly"
            or _SELF_ATTACHED.fullmatch(low, start, end) is not None
            or CHANGE.search(low, ss, se) is not None
            or FACTS.match(near) is not None or PROCESS.match(near) is not None)
        if not attached:
            continue
        context = clause if (FACTS.search(clause) or PROCESS.search(clause)) else low[ss:se]
        fact, process = subjects(text=context)
        weight = FIRM if (fact or process) else HINT
        if fact or not process:
            # "everything has to be up to the minute": only facts move that fast
            fresh = FIRM if period == "realtime" and not process else weight
            out.append(Hit(FRESHNESS, FRESHNESS_OF[period], start, end, fresh))
        if process or not fact:
            # a rhythm attached to the rules alone names how fast the job changes
            named = NAMED if process and not fact else weight
            out.append(Hit(STABILITY, STABILITY_OF[period], start, end, named))
    for pattern, value in ((EVOLVING, "evolving"), (STABLE, "stable")):
        for match in pattern.finditer(low):
            if negated_before(low=low, start=match.start(), words=3):
                continue
            cs, ce = next(((c[0], c[1]) for c in clauses if c[0] <= match.start() < c[1]),
                          (match.start(), match.end()))
            facts_only = FACTS.search(low, cs, ce) and not PROCESS.search(low, cs, ce)
            if value == "stable" and facts_only:
                out.append(Hit(FRESHNESS, "static", match.start(), match.end(), HINT))
            else:  # "the rules are still being worked out" names the state of the process;
                # "it's early days" alone may be about the project, not how the job is done
                named = PROCESS.search(low, cs, ce) is not None
                out.append(Hit(STABILITY, value, match.start(), match.end(),
                               NAMED if named else FIRM))
    return out
