"""success_metric_defined: a named metric with a test set or tracked baseline, or none yet.

true: test/eval/golden sets, benchmarks, a tracked metric with a baseline, a measured score on
a named set; false: "no eval set yet", "by vibes", "haven't decided how to measure", "TBD". A
negated true phrase ("we don't have a test set") reads as false.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.reading.cueing import FIRM, HINT, Hit, Rule, rules_of
from models.reading.quantity import Quantity
from models.reading.text import HEDGE

FIELD = "success_metric_defined"
_SET = (r"(?:test|eval|evaluation|golden|gold|validation|held[- ]out|benchmark|regression|"
        r"acceptance) (?:set|sets|suite|sample|batch|data|cases|questions)|labell?ed "
        r"(?:sample|test set|cases)")

TABLE: tuple[tuple[str, float, str], ...] = (
    ("true", FIRM,
     _SET + r"|(?:\d[\d,.]*k?|a|our|the)[- ](?:\w+[- ])?(?:question|ticket|email|document|doc|"
     r"case|item|example|call|query|sample)s? (?:test|eval|benchmark|validation|golden)"
     r"(?: set)?|benchmark(?:s|ed|ing)?|"
     r"(?:we|they|ops|qa) (?:measure|track|score|benchmark|monitor|evaluate) (?:it |the |our |"
     r"\w+ )?(?:\w+ )?(?:rate|accuracy|precision|recall|f1|score|resolution|containment|csat|"
     r"ctr|agreement|pass rate|exact match|against|on|with|per|weekly|daily)|"
     r"(?:accuracy|precision|recall|f1|macro-f1|exact match|bleu|comet|rouge|pass rate|"
     # (agreement between labellers is about the data, not a measure of the assistant)
     r"csat|fcr|ctr|containment rate|resolution rate|sensitivity|"
     r"specificity) "
     r"(?:on|against|of|is|sits|sitting|measured|tracked|with)|"
     r"(?:is|are) (?:tracked|measured|scored)|tracked (?:weekly|daily|monthly)|"
     r"(?:have|has|with|from) (?:a |our )?baseline|baseline (?:from|of|is|numbers)|"
     r"(?:agreed|defined|clear|named|fixed) (?:metric|measure|rubric|success criteri\w*|kpi)|"
     r"(?:our|the) (?:agreed |main |key )?(?:metric|kpi|measure) is|is (?:our|the) "
     r"(?:agreed )?(?:metric|kpi|measure)|a rubric|target (?:of )?\d"),
    ("true", HINT, r"metric|kpi|measured|accuracy|rubric|gold standard"),
    ("false", FIRM,
     r"no (?:eval(?:uation)?|test|golden|gold|validation|benchmark)(?: set| sets| suite| data|"
     r" criteria)?|no (?:hard |clear |real |agreed )?(?:metrics?|kpis?|baseline|benchmark|"
     r"numbers?|ground truth|way to (?:measure|score|evaluate|assess|tell))|"
     r"(?:haven'?t|have not|hasn'?t|has not|not yet|never|didn'?t|did not|don'?t|do not) "
     r"(?:yet )?(?:really )?(?:decided|agreed|defined|settled|established|set up|figured out)"
     r"(?: \w+){0,3}? (?:how|on|any|a way|metric|the quality|success|what (?:good|success|a good "
     r"\w+|counts|to measure|we(?:'d| would)? measure|metric))|"
     # not knowing how to judge it, not "we don't know yet what is possible"
     r"(?:don'?t|do not|not) (?:yet )?(?:really )?know (?:yet )?(?:how (?:to |we(?:'d| would| "
     r"will| can)? )?(?:measure|score|evaluate|tell|judge|assess)|(?:whether|if) (?:it|the \w+) "
     r"(?:works|is good|is right|helps)|what (?:good|success|a good \w+) (?:looks|would look) "
     r"like|the quality)|"
     r"(?:haven'?t|havent|have not|hasn'?t|has not|don'?t|dont|do not) (?:yet )?(?:got|have|"
     r"found) (?:a|any) (?:way|method|metric|test)s? to (?:measure|score|evaluate|assess|know|"
     r"tell|check)|(?:never|not|don'?t|dont|do not|didn'?t|didnt|haven'?t|havent|hasn'?t|hasnt) "
     r"(?:yet )?(?:really )?(?:measure|"
     r"mesure|measured|mesured|evaluate|evaluated|track|tracked|benchmark|benchmarked)|"
     r"(?:n'?t|not) (?:\w+ ){0,4}anything in place to (?:measure|score|evaluate)|"
     r"(?:intend|plan|want|going|hope) to (?:define|agree|set|decide) (?:\w+ )?(?:acceptance|"
     r"success) (?:criteria|metrics?)|"
     r"(?:nobody|no one|no-one) (?:has |have )?(?:yet )?(?:really )?(?:decided|agreed|defined|"
     r"settled|figured out)(?: \w+){0,3}? (?:how|what|whether)|(?:not sure|no idea|unsure|"
     r"no clue) (?:yet )?how (?:to |we(?:'d| would| will| can| should)? )?(?:measure|judge|"
     r"evaluate|tell|assess|score)|"
     r"by vibes|vibes|eyeball(?:s|ed|ing)?(?: it)?|gut feel(?:ing)?|tbd|"
     r"(?:we'?ll|will) know it when we see it|nothing in place to measure|"
     r"(?:success|acceptance) criteria (?:are |is )?(?:tbd|still|not yet|to be)|"
     r"(?:success|quality) (?:has|have) not (?:yet )?been defined|no number we track|"
     r"(?:can'?t|cannot) (?:really )?(?:score|measure|evaluate) it|none so far"),
)


# A measured score next to these words is a prompt's measured result: a metric exists. Agreement
# between people who labelled the data is about the data, not a measure of the assistant.
MEASURED = re.compile(
    r"(?<![\w])(?:prompt\w*|accuracy|acc|correct(?:ly)?|right|pass(?:es)?|"
    r"accept(?:s|ed)?|hits|scores?|gets|reaches|f1|precision|recall|sensitivity|"
    r"rated|perfect|without edits|on (?:the|our)|in (?:the|our)|rate|baseline|currently|"
    r"misses)(?![\w])")


def score_hits(*, low: str, found: Iterable[Quantity],
               sentences: Iterable[tuple[int, int]]) -> list[Hit]:
    """A measured score in a sentence about the prompt or a metric implies a metric exists."""
    spans = list(sentences)
    out = []
    for quantity in found:
        if quantity.kind != "score":
            continue
        start, end = next(((s, e) for s, e in spans if s <= quantity.start < e),
                          (quantity.start, quantity.end))
        # a guessed score ("maybe 70%?", "I think it gets around 70%") names no metric
        if MEASURED.search(low, start, end) and not HEDGE.search(low, start, end):
            out.append(Hit(FIELD, "true", quantity.start, quantity.end, FIRM))
    return out


def rules() -> list[Rule]:
    """The success_metric_defined rules; a negated test set or metric reads as false."""
    positive = [r for r in rules_of(field=FIELD, table=TABLE, negated={"true": "false"})
                if r.value == "true"]
    negative = [r for r in rules_of(field=FIELD, table=TABLE, negatable=False)
                if r.value == "false"]
    return [*positive, *negative]
