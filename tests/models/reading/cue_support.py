"""What the cue layer alone reads from a sentence, shared by the cue tests."""

from __future__ import annotations

from models.reading.cueing import FIRM, lower
from models.reading.evidence import Candidate, candidates, hits_of
from models.reading.quantities import quantities
from models.reading.text import units


def firm_cues(text: str, field: str) -> list[Candidate]:
    """The cue layer's firm candidates for `field`, in its own order."""
    low, pieces = lower(text=text), units(text=text)
    found = hits_of(text=text, low=low, pieces=pieces, found=quantities(text=text))
    return [c for c in candidates(low=low, pieces=pieces, hits=found)
            if c.field == field and c.weight >= FIRM]


def firm(text: str, field: str) -> str | None:
    """The cue layer's firm value for `field`, or None."""
    found = firm_cues(text, field)
    return found[0].value if found else None


def check(cases: list[tuple[str, str | None]], field: str) -> None:
    """Every case reads its expected firm value (None: the cue layer stays silent)."""
    wrong = [(text, want, firm(text, field)) for text, want in cases
             if firm(text, field) != want]
    assert not wrong, "\n".join(f"{t!r}: want {w}, got {g}" for t, w, g in wrong)
