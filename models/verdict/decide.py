"""Hold a measured result against the success plan and say, in one word, whether it worked.

Scores are fractions in [0, 1]; a drop of 0.02 is 2 points. "Real" and "with confidence" below
mean: judged on the two-sided 95% intervals of `models.verdict.statistics`.

Single-number form (`measured_after`, no `results`), first match wins:
1. guardrail_breached: guardrail_before - guardrail_after > guardrail_max_drop, or the rate of
   confidently wrong answers rose at all (a model that got worse elsewhere is not shippable);
2. baseline_unmeasured: the plan has no baseline (a threshold alone cannot show the gain came
   from training rather than from what prompting already does; not a 422: the team still learns
   how far the run got);
3. success: measured_after >= success_threshold;
4. no_gain_over_prompting: measured_after <= baseline;
5. improved_short_of_bar: in between.

Per-example form (`results`), first match wins; g is the paired gain candidate - baseline with
interval [g_low, g_high] and one-sided p-value p; c is the candidate's mean with [c_low, c_high];
t is the bar:
1. guardrail_breached: with `guardrail_results`, the paired drop's interval lies wholly above the
   allowed drop (drop_low > guardrail_max_drop), i.e. the drop exceeds it with 97.5% one-sided
   confidence; with single guardrail numbers, rule 1 above; harmful confidence as above;
2. no_gain_over_prompting: g <= 0 (the interval is reported, and the reason says how large a
   gain it still allows);
3. inconclusive: the gain is not real, i.e. g_low <= 0 or p >= 0.05. The p condition only
   matters on tiny sets: pass/fail sets with a handful of discordant pairs, where Newcombe's
   interval can exclude 0 while the exact test stays above 0.05 (seen for 4 of 4, 6 of 7 and
   8 of 10 discordant pairs in favour, on sets of 5 to 12), and fractional differences with no
   spread, whose interval collapses to a point;
4. improved_short_of_bar: c_high < t;
5. inconclusive: c_low < t <= c_high (the candidate's interval straddles the bar; an estimate
   exactly on the bar with any spread lands here);
6. success: c_low >= t.
An inconclusive reason says about how many more paired examples would settle it (80% power at
the observed effect; see `statistics`). Without a plan baseline the paired baseline column
stands in, so results never give baseline_unmeasured. When the plan's baseline lies outside the
95% interval of the baseline column's mean, the gain is still the paired one (it is what the
test measures), the bar stays the plan's, and the reason reports both baselines.
"""

from __future__ import annotations

from models.plan import SuccessPlan
from models.verdict.advice import NEXT_STEP, sources_for
from models.verdict.guardrails import GuardrailCheck, check_guardrails
from models.verdict.paired import decide_paired
from models.verdict.request import EPS, VerdictPlan, VerdictRequest
from models.verdict.response import VerdictName, VerdictResponse, estimate_of


def targets_of(*, plan: SuccessPlan) -> VerdictPlan | None:
    """The numbers a verdict needs from a success plan; None until the plan has a threshold."""
    if plan.success_threshold is None:
        return None
    return VerdictPlan(
        baseline=plan.baseline,
        success_threshold=plan.success_threshold,
        guardrail_max_drop=plan.guardrail_max_drop,
    )


def _single(*, request: VerdictRequest, guard: GuardrailCheck) -> VerdictResponse:
    """The single-number verdict: today's rules, unchanged."""
    plan, measured = request.plan, request.measured_after
    assert measured is not None  # the request validator guarantees it without results
    threshold, baseline = plan.success_threshold, plan.baseline
    cleared = measured >= threshold - EPS
    verdict: VerdictName
    if guard.breach is not None:
        verdict, reason = "guardrail_breached", guard.breach
    elif baseline is None:
        verdict = "baseline_unmeasured"
        side = "clears" if cleared else "misses"
        reason = (
            f"{measured:.3f} {side} the bar of {threshold:.3f}, but with no measured "
            "baseline nobody can tell whether the best prompt already scores as well."
        )
    elif cleared:
        verdict = "success"
        reason = (
            f"{measured:.3f} meets the bar of {threshold:.3f} (baseline {baseline:.3f}, "
            f"{measured - baseline:+.3f})."
        )
    elif measured <= baseline + EPS:
        verdict = "no_gain_over_prompting"
        reason = (
            f"No gain over prompting: {measured:.3f} is at or below the baseline {baseline:.3f}."
        )
    else:
        verdict = "improved_short_of_bar"
        reason = (
            f"Improved over prompting ({measured:.3f} vs baseline {baseline:.3f}) but "
            f"{threshold - measured:.3f} short of the bar of {threshold:.3f}."
        )
    return VerdictResponse(
        verdict=verdict,
        reason=reason + guard.note,
        next_step=NEXT_STEP[verdict],
        measured_after=measured,
        baseline=baseline,
        success_threshold=threshold,
        cleared_threshold=cleared,
        gain_over_baseline=None if baseline is None else round(measured - baseline, 6),
        guardrail_drop=guard.drop,
        harmful_confidence_rise=guard.rise,
        guardrail_drop_interval=None
        if guard.interval is None
        else estimate_of(interval=guard.interval),
        method=guard.method or None,
        sources=sources_for(verdict=verdict),
    )


def decide(*, request: VerdictRequest) -> VerdictResponse:
    """Give 'did it work?' a numeric answer, guardrails first."""
    guard = check_guardrails(request=request)
    if request.results is None:
        return _single(request=request, guard=guard)
    return decide_paired(request=request, guard=guard)
