"""From a quantity found in the text to a valid value of a numeric questionnaire field."""

from __future__ import annotations

import re

from models.asking import Answer
from models.reading.examples import unlabelled
from models.reading.quantity import Quantity

# Numeric fields and the quantity kinds that can answer them.
NUMERIC: dict[str, tuple[str, ...]] = {
    "requests_per_day": ("rate",),
    "labeled_examples": ("zero_labels", "count"),
    "latency_budget_ms": ("duration", "batch"),
    "knowledge_size_tokens": ("size",),
    "prompt_baseline_score": ("score",),
}
BOUNDS: dict[str, tuple[float, float]] = {
    "requests_per_day": (0, 1_000_000_000), "labeled_examples": (0, 100_000_000),
    "latency_budget_ms": (1, 600_000), "knowledge_size_tokens": (0, 1_000_000_000_000),
    "prompt_baseline_score": (0.0, 1.0),
}
# A count right before these is a number of people or teams, not of examples.
_OWNERS = re.compile(
    r"\S+\s+(?:[a-z-]*[^s\s]\s+)?(?:people|persons|partners|officers|annotators|reviewers|"
    r"clinicians|analysts|agents|engineers|teams?|pms|linguists|editors|annotators|marker|"
    r"categories|labels|classes|fields|columns|sections|attributes|countries|languages|"
    r"years?|months?|weeks?|days?|"
    r"hours?|times|steps|rules|versions|shifts|lines|stores|sites|offices|clinics)\b", re.I)


def pick_quantity(*, field: str, text: str, found: list[Quantity]) -> Quantity | None:
    """The quantity in a unit that answers `field`, or None."""
    kinds = NUMERIC[field]
    if field == "labeled_examples":
        zero = [q for q in found if q.kind == "zero_labels"]
        if zero:
            return zero[0]
        taken = [q for q in found if q.kind in ("rate", "duration", "size", "score")]
        counts = [q for q in found if q.kind == "count"
                  and not any(o.start <= q.start < o.end for o in taken)
                  and not _OWNERS.match(text, q.start) and not unlabelled(text=text, quantity=q)]
        return max(counts, key=lambda q: (q.value, -q.start), default=None)
    options = [q for q in found if q.kind in kinds]
    if field == "latency_budget_ms":
        return min(options, key=lambda q: (q.kind == "batch", q.start), default=None)
    return max(options, key=lambda q: (q.end - q.start, -q.start), default=None)


def to_value(*, field: str, quantity: Quantity) -> Answer:
    """The quantity's value as the field's type, inside the field's bounds."""
    low, high = BOUNDS[field]
    value = min(max(quantity.value, low), high)
    if field == "prompt_baseline_score":
        return round(float(value), 2)
    number = round(value)
    if field == "requests_per_day" and value > 0:
        number = max(number, 1)
    return int(number)
