"""The verdict from per-example results, judged on intervals (rules in `models.verdict.decide`)."""

from __future__ import annotations

from dataclasses import dataclass

from models.verdict.advice import NEXT_STEP, sources_for
from models.verdict.guardrails import GuardrailCheck
from models.verdict.request import EPS, VerdictRequest
from models.verdict.response import BarPosition, VerdictName, VerdictResponse, estimate_of
from models.verdict.statistics import (
    Interval,
    PairedSummary,
    needed_for_bar,
    needed_for_gain,
    summarise,
)

ALPHA = 0.05


@dataclass(frozen=True)
class Outcome:
    """A verdict with its reason and, when inconclusive, the total pairs that would settle it."""

    verdict: VerdictName
    reason: str
    gain_needs: int | None = None  # total pairs for the gain's interval to leave 0
    bar_needs: int | None = None  # total pairs for the score's interval to leave the bar
    on_bar: bool = False  # the score's estimate sits exactly on the bar


def position(*, score: Interval, bar: float) -> BarPosition:
    """Where the candidate's interval lies relative to the bar (touching the bar clears it)."""
    if score.low >= bar - EPS:
        return "above"
    if score.high < bar - EPS:
        return "below"
    return "straddles"


def _p(value: float) -> str:
    """A p-value as people read it."""
    return "p < 0.001" if value < 0.001 else f"p = {value:.3f}"


def _gain_text(*, s: PairedSummary) -> str:
    """The gain with its interval and p-value, in one clause."""
    g, plural = s.difference, "s" if s.n != 1 else ""
    return (
        f"gain {g.estimate:+.3f} on {s.n} paired example{plural} (95% CI {g.low:+.3f} to "
        f"{g.high:+.3f}, one-sided {_p(s.p_value)})"
    )


def _score_text(*, s: PairedSummary) -> str:
    """The candidate's mean with its interval."""
    c = s.second
    return f"the trained model scores {c.estimate:.3f} (95% CI {c.low:.3f} to {c.high:.3f})"


def _judge(*, s: PairedSummary, bar: float, breach: str | None) -> Outcome:
    """Apply the decision order to the measured summary."""
    gain, where = s.difference, position(score=s.second, bar=bar)
    real = gain.low > EPS and s.p_value < ALPHA
    if breach is not None:
        return Outcome("guardrail_breached", breach)
    if gain.estimate <= EPS:
        allows = (
            f" The interval still allows a gain up to {gain.high:+.3f}." if gain.high > EPS else ""
        )
        return Outcome(
            "no_gain_over_prompting",
            f"No gain over prompting: {_gain_text(s=s)}; {_score_text(s=s)}.{allows}",
        )
    bar_needs = needed_for_bar(summary=s, bar=bar) if where == "straddles" else None
    on_bar = where == "straddles" and bar_needs is None
    if not real:
        return Outcome(
            "inconclusive",
            f"The {_gain_text(s=s)} could still be noise; {_score_text(s=s)} against the bar of "
            f"{bar:.3f}.",
            gain_needs=needed_for_gain(summary=s),
            bar_needs=bar_needs,
            on_bar=on_bar,
        )
    if where == "below":
        return Outcome(
            "improved_short_of_bar",
            f"The gain is real ({_gain_text(s=s)}), but {_score_text(s=s)}, wholly below the bar "
            f"of {bar:.3f}.",
        )
    if where == "straddles":
        return Outcome(
            "inconclusive",
            f"The gain is real ({_gain_text(s=s)}), but {_score_text(s=s)}, an interval that "
            f"straddles the bar of {bar:.3f}.",
            bar_needs=bar_needs,
            on_bar=on_bar,
        )
    return Outcome(
        "success",
        f"The gain is real ({_gain_text(s=s)}) and {_score_text(s=s)}, clear of the bar of "
        f"{bar:.3f}.",
    )


def _more(*, outcome: Outcome, n: int, bar: float) -> tuple[int | None, str]:
    """How many more pairs would settle an inconclusive verdict, and the sentence saying so."""
    if outcome.verdict != "inconclusive":
        return None, ""
    clauses, needs = [], []
    if outcome.gain_needs is not None:
        needs.append(outcome.gain_needs)
        more = max(outcome.gain_needs - n, 1)
        clauses.append(
            f"about {more} more held-out examples would likely show whether the gain is real"
        )
    if outcome.bar_needs is not None:
        needs.append(outcome.bar_needs)
        more = max(outcome.bar_needs - n, 1)
        examples = "" if clauses else " held-out examples"
        clauses.append(f"about {more} more{examples} whether the score clears the bar of {bar:.3f}")
    text = ""
    if clauses:
        text = (
            f" To settle it: {'; '.join(clauses)} (each scored by both the prompt and the "
            "trained model; 80% power if the effect stays as measured)."
        )
    if outcome.on_bar:
        text += (
            " The score's estimate sits exactly on the bar, so more examples alone will hardly "
            "settle which side it falls on: that takes a better model or a much larger set."
        )
    return (max(max(needs) - n, 1) if needs else None), text


def _baseline_note(*, request: VerdictRequest, s: PairedSummary) -> str:
    """Say so when the plan's baseline and the measured baseline column disagree."""
    planned, measured = request.plan.baseline, s.first
    text = f"{measured.estimate:.3f} (95% CI {measured.low:.3f} to {measured.high:.3f})"
    if planned is None:
        return (
            f" No plan baseline: the gain is measured against the prompt's paired scores, {text}."
        )
    if measured.low - EPS <= planned <= measured.high + EPS:
        return ""
    return (
        f" Note: on these examples the best prompt scored {text}, not the plan's {planned:.3f}; "
        "the gain is measured against the paired prompt scores, and the bar stays as planned."
    )


def _measured_note(*, request: VerdictRequest, s: PairedSummary) -> str:
    """Say so when a given measured_after does not match the mean of the results."""
    given = request.measured_after
    if given is None or abs(given - s.second.estimate) <= 0.0005:
        return ""
    return (
        f" measured_after ({given:.3f}) differs from the mean of the results "
        f"({s.second.estimate:.3f}); the verdict uses the results."
    )


def decide_paired(*, request: VerdictRequest, guard: GuardrailCheck) -> VerdictResponse:
    """The verdict from paired per-example scores."""
    assert request.results is not None
    plan = request.plan
    s = summarise(first=request.results.first, second=request.results.second)
    outcome = _judge(s=s, bar=plan.success_threshold, breach=guard.breach)
    more, more_text = _more(outcome=outcome, n=s.n, bar=plan.success_threshold)
    reason = (
        outcome.reason
        + more_text
        + _baseline_note(request=request, s=s)
        + _measured_note(request=request, s=s)
        + guard.note
    )
    step = NEXT_STEP[outcome.verdict]
    if more is not None:
        step = step.replace("Score more", f"Score about {more} more")
    return VerdictResponse(
        verdict=outcome.verdict,
        reason=reason,
        next_step=step,
        measured_after=s.second.estimate,
        baseline=plan.baseline,
        success_threshold=plan.success_threshold,
        cleared_threshold=s.second.estimate >= plan.success_threshold - EPS,
        gain_over_baseline=s.difference.estimate,
        guardrail_drop=guard.drop,
        harmful_confidence_rise=guard.rise,
        candidate_score=estimate_of(interval=s.second),
        gain=estimate_of(interval=s.difference),
        p_value=s.p_value,
        method=s.method + (f"; {guard.method}" if guard.method else ""),
        n_examples=s.n,
        measured_baseline=estimate_of(interval=s.first),
        candidate_vs_bar=position(score=s.second, bar=plan.success_threshold),
        guardrail_drop_interval=None
        if guard.interval is None
        else estimate_of(interval=guard.interval),
        more_examples_needed=more,
        sources=sources_for(verdict=outcome.verdict),
    )
