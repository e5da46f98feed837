"""Use what was read: fill unknown answers, confirm given ones, and flag the contradicted ones.

Rules (README of models/reading):
- an absent answer that a confident reading implies is filled (`filled`) and scored, hedged or
  not: the team's own estimate beats "unknown";
- a reading that matches the given answer is listed as `agrees` (numbers within a factor of 2,
  `prompt_baseline_score` within 0.1);
- a firm reading (specific, unhedged) that contradicts a given answer is a conflict: the
  specific statement outweighs the coarse form answer, so the recommendation uses the reading,
  and a `W-CONFLICT` warning quotes both and says what the form's answer would recommend. One
  exception keeps the safe side: when the form names a high-stakes domain and the text reads as
  general, the recommendation keeps the high-stakes answer;
- a vague or hedged reading that contradicts a given answer changes nothing and is not listed
  (it is not a fact, and the contract has no status for it), except an unhedged vague number
  that misses the form's by more than `VAGUE_FACTOR` ("a few hundred a day" against 50,000):
  no reading of the vague words comes near the form's;
- a confident high-stakes reading of `risk_domain` always counts as firm, so evidence of a
  high-stakes domain brings the guardrail warnings whatever the form says;
- overruling a given answer takes a named fact: a reading below `OVERRULE_CONFIDENCE` (the
  learned classifier's guess about a whole sentence, not a cue that names the fact) can fill a
  blank but never overrides the form;
- one frequency statement is one fact: when the same words are read for both
  `knowledge_freshness` and `workflow_stability` and the form already placed them under one of
  the two (that reading agrees), the other is not a conflict; and when the same words are read
  for both and no cue placed them (confidence below `PLACED_CONFIDENCE`: the classifier's guess,
  with no fact or process noun deciding which they are about), neither overrules the form.
Readings come from any source (the description, a dataset audit), one per field; the most
confident wins, so an audit's measurement (confidence 1) outweighs the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from models.asking import Answer
from models.questionnaire import BY_NAME, Questionnaire
from models.reading.reader import Reading
from models.reading.values import NUMERIC
from models.result import InferredItem, Warning
from models.seeds import cite, mistake
from models.vocabulary import APPROACH_NAMES, HIGH_STAKES, Recommendation

CONFLICT_SOURCE = cite(mistake(1))
DESCRIPTION = "description"
SCORE_TOLERANCE = 0.1
OVERRULE_CONFIDENCE = 0.5  # more likely than not; below it a reading only fills blanks
# Words read for both freshness and stability overrule the form only when a cue placed them
# (a fact or process noun next to the frequency gives the cue layer's confidence, 0.9 or more).
PLACED_CONFIDENCE = 0.9
FREQUENCY_FIELDS = ("knowledge_freshness", "workflow_stability")
# A vague number ("a few hundred a day") is still a fact when the form is off by more than this
# factor: far beyond what the vagueness covers (a few hundred is 200 to 900, not 50,000).
VAGUE_FACTOR = 10
COUNTS = tuple(f for f in NUMERIC if f != "prompt_baseline_score")
HIGH = {d.value for d in HIGH_STAKES}


class Decider(Protocol):
    """Anything that recommends for a questionnaire the way `Advisor.decide` does."""

    def decide(self, *, questionnaire: Questionnaire) -> Any:
        """An object with a `recommendation`."""
        ...


@dataclass(frozen=True)
class Understanding:
    """The questionnaire the model scores, what was read, and one warning per conflict."""

    effective: Questionnaire
    inferred: list[InferredItem]
    warnings: list[Warning]


def _plain(value: object) -> Answer:
    return value.value if isinstance(value, StrEnum) else value  # type: ignore[return-value]


def agrees(*, field: str, said: Answer, read: Answer) -> bool:
    """Numbers within a factor of 2 (scores within 0.1); everything else equal."""
    if field == "prompt_baseline_score":
        return abs(float(said) - float(read)) <= SCORE_TOLERANCE  # type: ignore[arg-type]
    if isinstance(said, bool | str) or isinstance(read, bool | str):
        return said == read
    a, b = float(said), float(read)  # type: ignore[arg-type]
    return a == b or (min(a, b) > 0 and max(a, b) <= 2 * min(a, b))


def firm(*, reading: Reading) -> bool:
    """Specific, unhedged and named; a high-stakes domain read from the text always counts."""
    if reading.field == "risk_domain" and reading.value in HIGH:
        return True
    return reading.specific and not reading.hedged and reading.confidence >= OVERRULE_CONFIDENCE


def far_off(*, reading: Reading, said: Answer) -> bool:
    """An unhedged number, vague or not, that misses the form's by more than `VAGUE_FACTOR`."""
    if reading.field not in COUNTS or reading.hedged or reading.confidence < OVERRULE_CONFIDENCE:
        return False
    a, b = float(said), float(reading.value)  # type: ignore[arg-type]
    return min(a, b) > 0 and max(a, b) >= VAGUE_FACTOR * min(a, b)


def _placed_elsewhere(*, reading: Reading, agreed: Sequence[Reading],
                      read: Sequence[Reading] = ()) -> bool:
    """The form already placed these frequency words under the sibling field, or the same words
    were read for both fields and no cue said which of the two they are about."""
    if reading.field not in FREQUENCY_FIELDS:
        return False
    def overlaps(*, other: Reading) -> bool:
        return (other.field in FREQUENCY_FIELDS and other.field != reading.field
                and other.start < reading.end and reading.start < other.end)
    return any(overlaps(other=o) for o in agreed) or (
        reading.confidence < PLACED_CONFIDENCE and any(overlaps(other=o) for o in read))


def _item(*, reading: Reading, status: str) -> InferredItem:
    assert reading.value is not None
    from_text = reading.source == DESCRIPTION
    return InferredItem(field=reading.field, value=reading.value, evidence=reading.evidence,
                        status=status, confidence=reading.confidence,  # type: ignore[arg-type]
                        specific=reading.specific, hedged=reading.hedged,
                        start=reading.start if from_text else None,
                        end=reading.end if from_text else None, source=reading.source)


def _form_wins(*, field: str, said: Answer, read: Answer) -> bool:
    """The high-stakes exception: the text cannot talk a high-stakes answer down to general."""
    return field == "risk_domain" and said in HIGH and read not in HIGH


def understand(*, questionnaire: Questionnaire, readings: Sequence[Reading],
               decider: Decider) -> Understanding:
    """Apply readings (one per field, most confident kept) to the given answers."""
    best: dict[str, Reading] = {}
    for reading in readings:
        if reading.field in BY_NAME and (reading.field not in best
                                          or reading.confidence > best[reading.field].confidence):
            best[reading.field] = reading
    answers = questionnaire.model_dump()
    changes: dict[str, Answer] = {}
    items: list[InferredItem] = []
    conflicts: list[tuple[Reading, Answer, Answer]] = []
    agreed = [r for f, r in best.items() if answers.get(f) is not None
              and agrees(field=f, said=_plain(answers[f]), read=r.value)]
    for field, reading in best.items():
        said = _plain(answers.get(field))
        if said is None:
            changes[field] = reading.value
            items.append(_item(reading=reading, status="filled"))
        elif agrees(field=field, said=said, read=reading.value):
            items.append(_item(reading=reading, status="agrees"))
        elif (firm(reading=reading) or far_off(reading=reading, said=said)) \
                and not _placed_elsewhere(reading=reading, agreed=agreed,
                                                             read=list(best.values())):
            used = said if _form_wins(field=field, said=said, read=reading.value) \
                else reading.value
            changes[field] = used
            items.append(_item(reading=reading, status="conflicts"))
            conflicts.append((reading, said, used))
    effective = Questionnaire.model_validate({**answers, **changes}) if changes else questionnaire
    warnings = [_conflict(reading=r, said=s, used=u, effective=effective, decider=decider)
                for r, s, u in conflicts]
    order = {"conflicts": 0, "filled": 1, "agrees": 2}
    items.sort(key=lambda i: (order[i.status], -i.confidence, i.field))
    return Understanding(effective=effective, inferred=items, warnings=warnings)


def _conflict(*, reading: Reading, said: Answer, used: Answer, effective: Questionnaire,
              decider: Decider) -> Warning:
    """The W-CONFLICT warning: both readings quoted, the one used, and the other's outcome."""
    spec = BY_NAME[reading.field]
    other = said if used == reading.value else reading.value
    now = decider.decide(questionnaire=effective).recommendation
    alternative = Questionnaire.model_validate({**effective.model_dump(), reading.field: other})
    then = decider.decide(questionnaire=alternative).recommendation
    said_where = ("the description says" if reading.source == DESCRIPTION
                  else f"the {reading.source} measured")
    which = (("your description" if reading.source == DESCRIPTION else "the measurement")
             if used == reading.value else "your form answer")
    why = ("a high-stakes answer is kept on the safe side" if used != reading.value
           else "a specific statement outweighs a coarse form answer"
           if reading.source == DESCRIPTION else "a measurement of the data outweighs an estimate")
    outcome = (f"would also recommend {_name(then)}" if then == now
               else f"would recommend {_name(then)} instead")
    message = (f'For {spec.ask.topic}, the form says "{spec.say(value=said)}", but {said_where} '
               f'"{reading.evidence}" ({spec.say(value=reading.value)}). The recommendation '
               f"({_name(now)}) uses {which}, because {why}. With the other reading "
               f"({spec.phrase(value=other)}), the advisor {outcome}.")
    return Warning(id="W-CONFLICT", field=reading.field, message=message, severity="caution",
                   mistake=1, source=CONFLICT_SOURCE)


def _name(recommendation: Recommendation | str) -> str:
    return APPROACH_NAMES[str(recommendation.value if isinstance(recommendation, StrEnum)
                              else recommendation)]
