"""The verdict on a training run: one measured score, or per-example pairs judged on intervals.

`request` validates what callers send, `statistics` computes intervals and tests with scipy,
`decide` (with `guardrails` and `paired`) applies the decision order documented there, `csv_input`
and `chart` are pure helpers for the verdict page.
"""

from models.verdict.decide import decide, targets_of
from models.verdict.request import EPS, GuardrailPair, ScorePair, VerdictPlan, VerdictRequest
from models.verdict.response import (
    SETTLED_VERDICTS,
    Estimate,
    VerdictName,
    VerdictResponse,
    settled_verdict,
)

__all__ = [
    "EPS",
    "SETTLED_VERDICTS",
    "Estimate",
    "GuardrailPair",
    "ScorePair",
    "VerdictName",
    "VerdictPlan",
    "VerdictRequest",
    "VerdictResponse",
    "decide",
    "settled_verdict",
    "targets_of",
]
