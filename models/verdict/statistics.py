"""Paired statistics for a verdict: means, gains and their 95% intervals, tests, sample sizes.

Scores are pass/fail when every value in both columns is exactly 0 or 1, else fractions.

Pass/fail:
- a mean: Wilson score interval (`scipy.stats.binomtest(...).proportion_ci(method="wilson")`);
- a paired difference: Newcombe's square-and-add interval for paired proportions (Newcombe 1998,
  method 10: the two Wilson intervals combined with the correlation phi of the 2x2 table, phi set
  to 0 when a margin is empty and shrunk by n/2 when positive, as in the published method);
- one-sided p-value for a positive difference: exact McNemar test, i.e. the binomial test of the
  discordant pairs that favour the second column (`scipy.stats.binomtest`, p = 0.5, "greater");
  with no discordant pair the difference is exactly 0 and p = 1.

Fractions:
- a mean: t interval on n - 1 degrees of freedom, clipped to [0, 1];
- a paired difference: paired t interval; one-sided p from `scipy.stats.ttest_rel(...,
  alternative="greater")`. The paired t is used rather than a bootstrap: differences of [0, 1]
  scores are bounded, so the mean is close to normal for the set sizes teams use, and the
  answer stays exact and cheap at 100,000 pairs.

Degenerate data (no NaN ever leaves this module):
- a column or difference with no spread (sd <= 1e-12, n >= 2): the interval is the point itself;
- one example: the interval is the whole range ([0, 1] for a mean, [-1, 1] for a difference);
- fractional differences with no spread (or n = 1): the t-test is undefined, so the p-value is
  the exact sign test on the non-zero differences (1.0 when none is positive).

Sample sizes ("about N more"), aiming at a two-sided 95% interval that excludes the value with
80% power at the observed effect (z = 1.960, z_power = 0.842):
- paired pass/fail gain: Connor (1987), n = ((z sqrt(psi) + z_power sqrt(psi - d^2)) / d)^2 with
  psi the discordant share and d the observed gain;
- paired fractional gain: n = ((z + z_power) s_d / d)^2; with no spread, the sign test needs 5;
- a mean against a bar t: pass/fail n = ((z sqrt(t(1-t)) + z_power sqrt(p(1-p))) / (p - t))^2,
  fractions n = ((z + z_power) s / (p - t))^2 (s = 0.5, the widest possible, from one example).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

CONFIDENCE = 0.95
# norm.ppf(0.975) and norm.ppf(0.80), written out so importing this module needs no scipy (slow
# to import; the server imports this at start, while a verdict is rare); a test holds them equal.
Z = 1.959963984540054
Z_POWER = 0.8416212335729143
FLAT = 1e-12  # spread below this is floating-point noise from subtracting decimals
SIGN_TEST_MIN = 5  # all of 5 differences positive: 0.5**5 = 0.031 < 0.05

Kind = Literal["pass_fail", "fractions"]


@dataclass(frozen=True)
class Interval:
    """A point estimate with its 95% confidence interval."""

    estimate: float
    low: float
    high: float


@dataclass(frozen=True)
class PairedSummary:
    """Everything measured on one set of pairs (first = reference, second = new)."""

    kind: Kind
    n: int
    first: Interval
    second: Interval
    difference: Interval  # second - first
    p_value: float  # one-sided, H1: difference > 0
    method: str
    second_sd: float  # spread of the second column (for sample sizes)
    difference_sd: float
    discordant: int  # pass/fail only: pairs whose two scores differ


def kind_of(*, first: np.ndarray, second: np.ndarray) -> Kind:
    """Pass/fail when every score is exactly 0 or 1."""
    binary = bool(
        np.all((first == 0.0) | (first == 1.0)) and np.all((second == 0.0) | (second == 1.0))
    )
    return "pass_fail" if binary else "fractions"


def wilson(*, successes: int, n: int) -> Interval:
    """Wilson score interval of a pass rate."""
    from scipy import stats

    ci = stats.binomtest(successes, n).proportion_ci(confidence_level=CONFIDENCE, method="wilson")
    return Interval(estimate=successes / n, low=float(ci.low), high=float(ci.high))


def newcombe_paired(
    *,
    both: int,
    first_only: int,
    second_only: int,
    neither: int,
    rates: tuple[Interval, Interval] | None = None,
) -> Interval:
    """Newcombe's (1998, method 10) interval for p_second - p_first on paired pass/fail data.

    `rates` may pass in the two Wilson intervals when the caller already has them.
    """
    n = both + first_only + second_only + neither
    p1, p2 = rates or (
        wilson(successes=both + first_only, n=n),
        wilson(successes=both + second_only, n=n),
    )
    margins = (
        (both + first_only)
        * (second_only + neither)
        * (both + second_only)
        * (first_only + neither)
    )
    cross = both * neither - first_only * second_only
    phi = 0.0
    if margins > 0 and cross > n / 2:
        phi = (cross - n / 2) / math.sqrt(margins)
    elif margins > 0 and cross < 0:
        phi = cross / math.sqrt(margins)
    diff = (second_only - first_only) / n
    down2, up1 = p2.estimate - p2.low, p1.high - p1.estimate
    up2, down1 = p2.high - p2.estimate, p1.estimate - p1.low
    low = diff - math.sqrt(max(0.0, down2**2 + up1**2 - 2 * phi * down2 * up1))
    high = diff + math.sqrt(max(0.0, up2**2 + down1**2 - 2 * phi * up2 * down1))
    return Interval(estimate=diff, low=max(-1.0, low), high=min(1.0, high))


def mcnemar_exact(*, favour: int, against: int) -> float:
    """One-sided exact McNemar p-value that the pairs favouring the second column dominate."""
    if favour + against == 0:
        return 1.0
    from scipy import stats

    return float(stats.binomtest(favour, favour + against, 0.5, alternative="greater").pvalue)


def t_interval(*, values: np.ndarray, bounds: tuple[float, float]) -> tuple[Interval, float]:
    """Mean of `values` with its 95% t interval (clipped to `bounds`), and the sample sd."""
    n = len(values)
    mean = float(values.mean())
    if n == 1:
        return Interval(estimate=mean, low=bounds[0], high=bounds[1]), 0.0
    sd = float(values.std(ddof=1))
    if sd <= FLAT:
        return Interval(estimate=mean, low=mean, high=mean), 0.0
    from scipy import stats

    low, high = stats.t.interval(CONFIDENCE, n - 1, loc=mean, scale=sd / math.sqrt(n))
    return Interval(estimate=mean, low=max(bounds[0], low), high=min(bounds[1], high)), sd


def sign_test(*, differences: np.ndarray) -> float:
    """One-sided exact sign test on the non-zero differences (1.0 when there are none)."""
    positive = int(np.count_nonzero(differences > FLAT))
    nonzero = positive + int(np.count_nonzero(differences < -FLAT))
    return mcnemar_exact(favour=positive, against=nonzero - positive)


def _pass_fail(*, first: np.ndarray, second: np.ndarray) -> PairedSummary:
    """Wilson, Newcombe and exact McNemar on a paired 2x2 table."""
    n = len(first)
    f, s = first.astype(bool), second.astype(bool)
    both = int(np.count_nonzero(f & s))
    first_only = int(np.count_nonzero(f & ~s))
    second_only = int(np.count_nonzero(~f & s))
    neither = n - both - first_only - second_only
    first_rate = wilson(successes=both + first_only, n=n)
    second_rate = wilson(successes=both + second_only, n=n)
    difference = newcombe_paired(
        both=both,
        first_only=first_only,
        second_only=second_only,
        neither=neither,
        rates=(first_rate, second_rate),
    )
    rate = second_rate.estimate
    diffs = second - first
    return PairedSummary(
        kind="pass_fail",
        n=n,
        first=first_rate,
        second=second_rate,
        difference=difference,
        p_value=mcnemar_exact(favour=second_only, against=first_only),
        method=(
            f"pass/fail scores on {n} paired examples: pass rates with 95% Wilson score "
            "intervals; the paired difference with Newcombe's 95% square-and-add interval for "
            "paired proportions (1998, method 10); one-sided p-value from the exact McNemar "
            f"test (binomial test on the {first_only + second_only} discordant pairs, "
            f"{second_only} in favour)"
        ),
        second_sd=math.sqrt(rate * (1 - rate)),
        difference_sd=float(diffs.std(ddof=1)) if n > 1 else 0.0,
        discordant=first_only + second_only,
    )


def _fractions(*, first: np.ndarray, second: np.ndarray) -> PairedSummary:
    """t intervals and the paired t-test, with the sign test when the differences are flat."""
    n = len(first)
    diffs = second - first
    difference, diff_sd = t_interval(values=diffs, bounds=(-1.0, 1.0))
    second_mean, second_sd = t_interval(values=second, bounds=(0.0, 1.0))
    method = (
        f"fractional scores on {n} paired examples: means with 95% t intervals (clipped to "
        "[0, 1]); the paired difference with a 95% paired t interval; "
    )
    if diff_sd > 0.0:
        from scipy import stats

        test = stats.ttest_rel(second, first, alternative="greater")
        p_value = float(test.pvalue)
        method += "one-sided p-value from the paired t-test"
    else:
        p_value = sign_test(differences=diffs)
        method += (
            "the differences have no spread, so the t-test is undefined: one-sided p-value from "
            "the exact sign test on the non-zero differences; intervals with no spread shrink "
            "to the observed mean (one example: the whole range)"
        )
    return PairedSummary(
        kind="fractions",
        n=n,
        first=t_interval(values=first, bounds=(0.0, 1.0))[0],
        second=second_mean,
        difference=difference,
        p_value=min(1.0, max(0.0, p_value)),
        method=method,
        second_sd=second_sd,
        difference_sd=diff_sd,
        discordant=int(np.count_nonzero(np.abs(diffs) > FLAT)),
    )


def summarise(*, first: np.ndarray, second: np.ndarray) -> PairedSummary:
    """The paired summary with the methods that fit the scores."""
    if kind_of(first=first, second=second) == "pass_fail":
        return _pass_fail(first=first, second=second)
    return _fractions(first=first, second=second)


def needed_for_gain(*, summary: PairedSummary) -> int | None:
    """Total pairs for the gain's interval to exclude 0 with 80% power at the observed gain."""
    d = summary.difference.estimate
    if d <= 0.0:
        return None
    if summary.kind == "pass_fail":
        psi = summary.discordant / summary.n
        root = Z * math.sqrt(psi) + Z_POWER * math.sqrt(max(0.0, psi - d * d))
        return max(SIGN_TEST_MIN, math.ceil((root / d) ** 2))
    if summary.difference_sd == 0.0:
        return SIGN_TEST_MIN
    return math.ceil(((Z + Z_POWER) * summary.difference_sd / d) ** 2)


def needed_for_bar(*, summary: PairedSummary, bar: float) -> int | None:
    """Total examples for the candidate's interval to leave the bar behind; None when on it."""
    p = summary.second.estimate
    if abs(p - bar) <= 1e-9:
        return None
    if summary.kind == "pass_fail":
        root = Z * math.sqrt(bar * (1 - bar)) + Z_POWER * math.sqrt(p * (1 - p))
    else:
        sd = summary.second_sd if summary.n > 1 else 0.5
        root = (Z + Z_POWER) * sd
    return max(1, math.ceil((root / (p - bar)) ** 2))
