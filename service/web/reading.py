"""What the report shows of the reading: the description with its evidence marked, and the items.

Evidence spans come from the reader as offsets into the description (an exact slice), so the
page marks them without searching the text again; overlapping spans keep the first.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.document import AssessmentDocument
from models.questionnaire import BY_NAME
from models.result import InferredItem

STATUS_WORDS = {
    "filled": "read from your description (the question was unanswered)",
    "agrees": "agrees with your answer",
    "conflicts": "contradicts your answer",
}


@dataclass(frozen=True)
class Segment:
    """A run of the description, marked with the fields it is evidence for, or plain."""

    text: str
    fields: tuple[str, ...] = ()

    @property
    def field(self) -> str:
        """The fields as one attribute value ("" when plain)."""
        return " ".join(self.fields)


@dataclass(frozen=True)
class ReadItem:
    """One inferred or measured answer in words."""

    field: str
    topic: str
    value: str
    status: str
    words: str
    evidence: str
    source: str


def segments(*, doc: AssessmentDocument) -> list[Segment]:
    """The description cut into plain and marked runs, in order; overlapping spans merge."""
    text = doc.questionnaire.description or ""
    spans = sorted((i.start, i.end, i.field) for i in doc.inferred
                   if i.start is not None and i.end is not None and 0 <= i.start < i.end
                   and text[i.start:i.end] == i.evidence)
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, field in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], field])
        else:
            merged.append((start, end, [field]))
    out: list[Segment] = []
    at = 0
    for start, end, fields in merged:
        if start > at:
            out.append(Segment(text=text[at:start]))
        out.append(Segment(text=text[start:end], fields=tuple(dict.fromkeys(fields))))
        at = end
    if at < len(text):
        out.append(Segment(text=text[at:]))
    return out


def items(*, doc: AssessmentDocument) -> list[ReadItem]:
    """Conflicts first, then what filled an unanswered question, then what agrees."""
    order = {"conflicts": 0, "filled": 1, "agrees": 2}
    found: list[InferredItem] = sorted([*doc.measured, *doc.inferred],
                                       key=lambda i: (order[i.status], i.field))
    out = []
    for item in found:
        spec = BY_NAME[item.field]
        words = STATUS_WORDS[item.status]
        if item.source != "description":
            words = words.replace("read from your description", f"taken from the {item.source}")
        out.append(ReadItem(field=item.field, topic=spec.ask.topic, value=spec.say(
            value=item.value), status=item.status, words=words, evidence=item.evidence,
            source=item.source))
    return out
