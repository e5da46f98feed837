"""The cue engine: rule tables of (field, value, pattern) compiled once, applied with scope rules.

A `Rule` says "this phrase is evidence that `field` has `value`". Tables live in
`models/reading/families/` (one module per family, readable as data); this module compiles them
and finds every hit in a text in one pass per rule group. Scope rules, as a careful reader
applies them:
- negation: a negator ("not", "no", "never", "n't", "without", "nothing", ...) up to
  `NEGATION_WORDS` words before the hit, inside the same clause, drops the hit, or turns it into
  the rule's `negated` value ("our CRM" → private; "not our CRM" → not private);
- rules whose phrase carries its own negation ("no eval set", "nobody") set `negatable=False`;
- `weight` 1.0 marks a firm cue, lower weights mark hints that need the classifier's support;
  `NAMED` (above firm) marks a phrase that states the fact itself ("into one of 9 codes",
  "valid JSON", "any question they have"), which needs no second opinion even in a topic field.
Patterns are written in lower case, match the lower-cased text, and must start at a word start
(checked here, so patterns can begin with a literal, which the regex engine scans fast).
A rule whose pattern cannot match without one of its required literals ("clinic", "patient",
...) is not scanned in a text that holds none of them: the same hits, about half the scans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _constants as sre_constants  # type: ignore[attr-defined]  # parsed patterns
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

FIRM = 1.0
NAMED = 1.25
HINT = 0.5
NEGATION_WORDS = 5
MAX_NEEDS = 12
_NEGATOR = re.compile(
    r"(?<![\w'’])(?:not|no|never|nobody|none|nothing|neither|nor|without|zero|cannot|"
    r"rather than|instead of|no longer|hardly|lacks?|lacking|"
    # contractions typed without the apostrophe, as in Slack: "dont", "havent", "isnt"
    r"(?:do|does|did|have|has|had|is|are|was|were|ca|wo|would|could|should)nt)(?:['’]s)?"
    r"(?![\w'’])|n['’]t(?![\w'’])")
# A negation does not reach past these: "no SLA, but our CRM is private" keeps "our CRM".
_SCOPE_BREAK = re.compile(r"[.;:!?()\n]|,\s|\s[-–—]\s|\b(?:but|although|though|while|whereas|"
                          r"however|yet|so|because|and then|which|that|who|where)\b")
_WORD = re.compile(r"[\w'’]+")
_ITEM = r"[\w'’/-]+(?:\s[\w'’/-]+){0,3}"
# A list whose head is negated, up to the hit: "no customer record, order history or ".
_NEGATED_LIST = re.compile(rf"(?<![\w'’])(?:no|not|without|neither|never|(?:don['’]?t|do not|"
                           rf"doesn['’]?t|does not) have)\s+(?:any\s+)?{_ITEM}"
                           rf"(?:,\s{_ITEM}){{0,5}}(?:,\s|(?P<last>,?\s(?:or|nor|and)\s))"
                           r"(?:(?:an?|the|any)\s)?$")
# The hit is a middle item when the list goes on after it: "..., order history or ...".
_LIST_GOES_ON = re.compile(rf"(?!(?:our|the|their|we|it|they|a|an|this|that|its|my)\s){_ITEM}"
                           rf"(?:,\s{_ITEM})*,?\s(?:or|nor|and)\s")
_GAP = re.compile(r"\s*(?:yet\s+|really\s+|even\s+)?(?:know|understand|recogni[sz]e)\b")


def firmness(*, weight: float) -> float:
    """How firm a cue ranks against others: naming the fact skips the second opinion but does
    not outrank a firm cue for another value (ties still go to the field's priority)."""
    return FIRM if weight == NAMED else weight


@dataclass(frozen=True)
class Rule:
    """One phrase pattern and the (field, value) it is evidence for."""

    field: str
    value: str
    pattern: str
    weight: float = FIRM
    negatable: bool = True
    negated: str | None = None  # the value a negated hit gives (None: the hit is dropped)


@dataclass(frozen=True)
class Hit:
    """A rule's match in the text: where, which value (after negation), how firm."""

    field: str
    value: str
    start: int
    end: int
    weight: float
    negated: bool = False


@dataclass(frozen=True)
class _Group:
    regex: re.Pattern[str]
    rules: tuple[Rule, ...]
    needs: frozenset[str] | None  # one of these is in every match (None: not worth checking)


def lower(*, text: str) -> str:
    """Lower-cased text with the same length as `text`, so offsets carry over."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class CueBook:
    """Compiled rule tables: one regex per rule, scanned over the lower-cased text."""

    def __init__(self, *, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._groups = [_Group(re.compile(rf"(?<![\w])(?:{r.pattern})(?![\w])"), (r,),
                               _worth(needs=required_literals(pattern=r.pattern)))
                        for r in self.rules]

    def hits(self, *, text: str, low: str | None = None) -> list[Hit]:
        """Every rule hit in the text, negation applied, in order of position."""
        low = lower(text=text) if low is None else low
        out: list[Hit] = []
        for group in self._groups:
            if group.needs is not None and not any(n in low for n in group.needs):
                continue
            for match in group.regex.finditer(low):
                start = match.start()
                if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
                    continue
                rule = group.rules[0]
                hit = _scoped(rule=rule, low=low, start=start, end=match.end())
                if hit is not None:
                    out.append(hit)
        out.sort(key=lambda h: (h.start, -h.end, h.field, h.value))
        return out

    def denies(self, *, field: str, value: str, text: str) -> bool:
        """Whether the text names this value only to negate it ("not a general assistant")."""
        low = lower(text=text)
        for group in self._groups:
            rule = group.rules[0]
            if rule.field != field or rule.value != value or not rule.negatable:
                continue
            if any(negated_before(low=low, start=m.start()) for m in group.regex.finditer(low)):
                return True
        return False


def required_literals(*, pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of a case-sensitive `pattern` contains, or None."""
    parsed = sre_parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _required(items=list(parsed))


def ascii_needs(*, regex: re.Pattern[str], most: int) -> frozenset[str] | None:
    """For a case-insensitive regex: lower-case ASCII strings one of which the lower-cased
    text holds wherever the regex matches an ASCII text (None: none, or more than `most`)."""
    if regex.flags & re.VERBOSE:
        return None
    needs = _required(items=list(sre_parser.parse(regex.pattern)))
    if needs is None or len(needs) > most or not all(n.isascii() for n in needs):
        return None  # non-ASCII letters fold in ways a lower-cased substring test misses
    return frozenset(n.lower() for n in needs)


def _required(*, items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective required set of a sequence: a run of literals, or a part that must
    match (a group, an alternation all of whose branches have one, a repeat of at least one)."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        found = frozenset(["".join(run)]) if run else None
        run = []
        if op is sre_constants.SUBPATTERN and not av[1] & re.IGNORECASE:
            found = _pick(found, _required(items=list(av[3])))
        elif op is sre_constants.BRANCH:
            branches = [_required(items=list(branch)) for branch in av[1]]
            if all(b is not None for b in branches):
                found = _pick(found, frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            found = _pick(found, _required(items=list(av[2])))
        best = _pick(best, found)
    return best


def _worth(*, needs: frozenset[str] | None) -> frozenset[str] | None:
    """A dozen substring tests cost about one scan of the rule; more would cost more than they
    save (measured on 60-word descriptions)."""
    return needs if needs is not None and len(needs) <= MAX_NEEDS else None


def _pick(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The set whose shortest literal is longer (rarer in text); either is correct."""
    if a is None or b is None:
        return a if b is None else b
    return a if min(map(len, a)) >= min(map(len, b)) else b


def negated_before(*, low: str, start: int, words: int = NEGATION_WORDS) -> bool:
    """A negator within `words` words before `start`, with no clause break in between, or at
    the head of a list the hit is an item of ("no customer record, order history or ...")."""
    listed = _NEGATED_LIST.search(low, max(0, start - 160), start)
    if listed and (listed["last"] or _LIST_GOES_ON.match(low, start)):
        return True
    window = low[max(0, start - 12 * words):start]
    cuts = [m.end() for m in _SCOPE_BREAK.finditer(window)]
    if cuts:
        window = window[cuts[-1]:]
    tokens = list(_WORD.finditer(window))[-words:]
    if not tokens:
        return False
    found = _NEGATOR.search(window, tokens[0].start())
    # "doesn't know our internal names" states a gap in what it knows, not that none is needed
    return found is not None and _GAP.match(window, found.end()) is None


def _scoped(*, rule: Rule, low: str, start: int, end: int) -> Hit | None:
    if not rule.negatable or not negated_before(low=low, start=start):
        return Hit(rule.field, rule.value, start, end, rule.weight)
    if rule.negated is None:
        return None
    return Hit(rule.field, rule.negated, start, end, rule.weight, negated=True)


def rules_of(*, field: str, table: Sequence[tuple[str, float, str]], negatable: bool = True,
             negated: dict[str, str] | None = None) -> list[Rule]:
    """Rules from a table of (value, weight, pattern) rows for one field."""
    flips = negated or {}
    return [Rule(field, value, pattern, weight, negatable, flips.get(value))
            for value, weight, pattern in table]
