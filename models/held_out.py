"""How many held-out examples a success plan needs before its verdict can be trusted.

The contract's formula: detect a rise of a pass/fail metric from the baseline b to the bar t with
80% power at 5% one-sided significance, testing the trained model's pass rate against b with t
as the alternative (normal approximation):
    n = ceil(((1.645 * sqrt(b(1 - b)) + 0.8416 * sqrt(t(1 - t))) / (t - b)) ** 2)
"""

from __future__ import annotations

import math

Z_ONE_SIDED_5 = 1.645
Z_POWER_80 = 0.8416

UNKNOWN_NOTE = (
    "Held-out examples needed: unknown until the baseline is measured and the bar is set; the "
    "count depends on both."
)


def held_out_examples(*, baseline: float | None, threshold: float | None) -> int | None:
    """The contract's sample size; None when the baseline or the bar is unknown."""
    if baseline is None or threshold is None or threshold <= baseline:
        return None
    b, t = baseline, threshold
    root = Z_ONE_SIDED_5 * math.sqrt(b * (1 - b)) + Z_POWER_80 * math.sqrt(t * (1 - t))
    return math.ceil((root / (t - b)) ** 2)


def held_out_note(*, baseline: float | None, threshold: float | None, suggested: int) -> str:
    """What the number means, in words, and how it compares with the suggested eval set."""
    n = held_out_examples(baseline=baseline, threshold=threshold)
    if n is None or baseline is None or threshold is None:
        return UNKNOWN_NOTE
    text = (
        f"Hold out at least {n} examples to judge this plan: that many give an 80% chance of "
        f"detecting a real rise from {baseline:.3f} to {threshold:.3f} at 5% one-sided "
        "significance on a pass/fail metric. With fewer examples, a real gain of this size will "
        "often look like noise, and the verdict will come back inconclusive."
    )
    if n > suggested:
        text += f" That is more than the {suggested} suggested for the eval set: plan for {n}."
    return text
