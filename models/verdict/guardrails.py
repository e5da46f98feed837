"""Guardrails against the plan's limits: single numbers as before, pairs on intervals."""

from __future__ import annotations

from dataclasses import dataclass

from models.verdict.request import EPS, VerdictRequest
from models.verdict.statistics import Interval, summarise


@dataclass(frozen=True)
class GuardrailCheck:
    """What the guardrails showed: the drops, a breach reason, or a note to watch."""

    drop: float | None
    interval: Interval | None
    rise: float | None
    breach: str | None
    note: str = ""
    method: str = ""


def _difference(*, before: float | None, after: float | None) -> float | None:
    """before - after, rounded so decimal inputs give decimal outputs; None if one is missing."""
    return None if before is None or after is None else round(before - after, 6)


def _paired(*, request: VerdictRequest) -> GuardrailCheck | None:
    """The per-example drop: breached only when its whole interval lies above the limit."""
    pairs = request.guardrail_results
    if pairs is None:
        return None
    limit = request.plan.guardrail_max_drop
    summary = summarise(first=pairs.second, second=pairs.first)  # difference = before - after
    drop = summary.difference
    points = (
        f"{drop.estimate * 100:.1f} points on {summary.n} guardrail examples "
        f"(95% CI {drop.low * 100:.1f} to {drop.high * 100:.1f})"
    )
    breach, note = None, ""
    if drop.low > limit + EPS:
        breach = (
            f"Guardrail breached: general quality fell by {points}, beyond the "
            f"{limit * 100:.1f} allowed with confidence."
        )
    elif drop.estimate > limit + EPS:
        note = (
            f" Watch the guardrail: it fell by {points}, more than the {limit * 100:.1f} "
            "allowed on average but not beyond it with confidence; re-check it on a larger "
            "guardrail set before a full rollout."
        )
    method = f"guardrail drop (before - after) judged on its interval: {summary.method}"
    return GuardrailCheck(
        drop=drop.estimate, interval=drop, rise=None, breach=breach, note=note, method=method
    )


def check_guardrails(*, request: VerdictRequest) -> GuardrailCheck:
    """Every given guardrail, paired or single-number, against the plan's limits."""
    limit = request.plan.guardrail_max_drop
    paired = _paired(request=request)
    drop = _difference(before=request.guardrail_before, after=request.guardrail_after)
    rise = _difference(
        before=request.harmful_confidence_after, after=request.harmful_confidence_before
    )
    breach = None if paired is None else paired.breach
    if breach is None and drop is not None and drop > limit + EPS:
        breach = (
            f"Guardrail breached: general quality fell by {drop * 100:.1f} points "
            f"({request.guardrail_before:.3f} -> {request.guardrail_after:.3f}), more than "
            f"the {limit * 100:.1f} allowed."
        )
    if breach is None and rise is not None and rise > EPS:
        breach = (
            f"Guardrail breached: confidently wrong answers on risky cases rose by "
            f"{rise * 100:.1f} points ({request.harmful_confidence_before:.3f} -> "
            f"{request.harmful_confidence_after:.3f}); that rate must not rise at all."
        )
    if paired is None:
        return GuardrailCheck(drop=drop, interval=None, rise=rise, breach=breach)
    return GuardrailCheck(
        drop=paired.drop,
        interval=paired.interval,
        rise=rise,
        breach=breach,
        note="" if breach else paired.note,
        method=paired.method,
    )
