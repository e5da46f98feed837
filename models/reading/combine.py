"""How the cue layer and the learned classifier settle one categorical field together.

- A firm cue (a phrase that names the fact, see `families/`) decides the value: it is read,
  whatever the classifier's confidence, unless the classifier is sure the unit says something
  else for that field (`VETO`) or, for topic-word fields, gives the value too little
  (`AGREE`). A cue that names the fact itself (weight `NAMED` or more: "into one of 9 codes",
  "any question they have") skips the `AGREE` gate: it is not a topic word. Its confidence is
  the better of `CUE_CONFIDENCE` and the classifier's probability for that value in the quoted
  unit; it is specific unless blurred.
- Without a firm cue, the classifier decides as in round 1 (per-field thresholds chosen by
  cross-validation on the train sentences). Hint cues do not lower those thresholds: tried,
  it cost precision and made texts that imply nothing read something.
- Across sentences, the firmest cue wins, ties broken by the field's priority (the most
  restrictive reading), then the earliest.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.reading.cueing import FIRM, NAMED, firmness
from models.reading.evidence import Candidate
from models.reading.families import PRIORITY
from models.reading.text import Unit

CUE_CONFIDENCE = 0.9
# Fields whose cues are topic words (a domain's vocabulary, a system's name, a job verb, a
# complaint) rather than the named fact itself: there the classifier must give the cue's value
# at least this share in the quoted unit. Fields whose cues name the fact (a frequency, an owner, a
# format, a test set) need no second opinion, nor do `NAMED` cues in these fields.
AGREE = 0.15
TOPIC_FIELDS = ("risk_domain", "needs_private_context", "task_narrowness", "primary_gap",
                "data_quality", "workflow_stability")
VETO = 0.9  # the classifier's share for another value above which a firm cue is not read


def firm_cue(*, field: str, found: Sequence[Candidate]) -> Candidate | None:
    """The firm cue that decides `field`, if any."""
    ranked = firm_cues(field=field, found=found)
    return ranked[0] if ranked else None


def firm_cues(*, field: str, found: Sequence[Candidate]) -> list[Candidate]:
    """The firm cues for `field`, the one that decides first (then the next if it is vetoed)."""
    order = PRIORITY.get(field, ())
    firm = [c for c in found if c.field == field and c.weight >= FIRM]
    return sorted(firm, key=lambda c: (-firmness(weight=c.weight), _rank(order, c.value),
                                       -c.weight, c.start))


def unit_of(*, pieces: Sequence[Unit], start: int, end: int) -> int:
    """The index of the narrowest unit holding [start, end) (its sentence at worst)."""
    holding = [i for i, u in enumerate(pieces) if u.start <= start and end <= u.end]
    if not holding:
        holding = [i for i, u in enumerate(pieces) if u.start <= start < u.end] or [0]
    return min(holding, key=lambda i: pieces[i].end - pieces[i].start)


def vetoed(*, field: str, probs: np.ndarray, classes: Sequence[str], index: int, value: str,
           weight: float = FIRM) -> bool:
    """The classifier is sure this unit says another value, or (for a topic cue) gives this one
    too little."""
    if value not in classes[1:]:  # classes[0] is the "says nothing" class
        return False
    row = probs[index]
    others = [row[i] for i, c in enumerate(classes) if i > 0 and c != value]
    mine = max(row[i] for i, c in enumerate(classes) if i > 0 and c == value)
    topic = field in TOPIC_FIELDS and weight < NAMED
    return (bool(others) and max(others) >= VETO) or (topic and mine < AGREE)


def _rank(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)
