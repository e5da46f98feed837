"""Verdict statistics against scipy's own functions, hand formulas and a published example."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from models.verdict.statistics import (
    Z_POWER,
    Z,
    kind_of,
    mcnemar_exact,
    needed_for_bar,
    needed_for_gain,
    newcombe_paired,
    summarise,
    wilson,
)

BASE = np.array([0.52, 0.61, 0.40, 0.75, 0.58, 0.66, 0.49, 0.70, 0.63, 0.55, 0.44, 0.71])
CAND = np.array([0.60, 0.72, 0.41, 0.80, 0.69, 0.64, 0.57, 0.83, 0.70, 0.58, 0.52, 0.79])


def pass_fail(both: int, base_only: int, cand_only: int, neither: int) -> tuple[np.ndarray, ...]:
    """Baseline and candidate columns for the given 2x2 counts."""
    base = [1] * both + [1] * base_only + [0] * cand_only + [0] * neither
    cand = [1] * both + [0] * base_only + [1] * cand_only + [0] * neither
    return np.array(base, dtype=float), np.array(cand, dtype=float)


@pytest.mark.parametrize(("k", "n"), [(0, 1), (1, 1), (0, 20), (7, 20), (20, 20), (340, 400)])
def test_wilson_matches_the_textbook_formula(k: int, n: int) -> None:
    p, z = k / n, Z
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    interval = wilson(successes=k, n=n)
    assert interval.low == pytest.approx(max(0.0, centre - half), abs=1e-9)
    assert interval.high == pytest.approx(min(1.0, centre + half), abs=1e-9)
    assert interval.estimate == p


def test_newcombe_matches_the_published_paired_example() -> None:
    # Cavo et al. (2012) as tabulated by Fagerland, Lydersen & Laake: 59, 6 / 16, 80; the
    # square-and-add interval for p1+ - p+1 is -0.0621 (-0.1186 to -0.0046).
    interval = newcombe_paired(both=59, first_only=16, second_only=6, neither=80)
    assert interval.estimate == pytest.approx(-0.0621, abs=5e-5)
    assert interval.low == pytest.approx(-0.1186, abs=5e-5)
    assert interval.high == pytest.approx(-0.0046, abs=5e-5)


@pytest.mark.parametrize("table", [(59, 16, 6, 80), (60, 12, 20, 8), (0, 0, 1, 0), (5, 0, 0, 5)])
def test_newcombe_is_antisymmetric_and_contains_its_estimate(table: tuple[int, ...]) -> None:
    both, first_only, second_only, neither = table
    forward = newcombe_paired(
        both=both, first_only=first_only, second_only=second_only, neither=neither
    )
    backward = newcombe_paired(
        both=both, first_only=second_only, second_only=first_only, neither=neither
    )
    assert forward.low == pytest.approx(-backward.high, abs=1e-12)
    assert forward.high == pytest.approx(-backward.low, abs=1e-12)
    assert -1.0 <= forward.low <= forward.estimate <= forward.high <= 1.0


@pytest.mark.parametrize(("favour", "against"), [(12, 4), (20, 12), (3, 0), (0, 5), (50, 50)])
def test_exact_mcnemar_is_the_binomial_tail(favour: int, against: int) -> None:
    m = favour + against
    tail = sum(math.comb(m, k) for k in range(favour, m + 1)) / 2**m
    assert mcnemar_exact(favour=favour, against=against) == pytest.approx(tail, abs=1e-12)
    scipy_p = stats.binomtest(favour, m, 0.5, alternative="greater").pvalue
    assert mcnemar_exact(favour=favour, against=against) == pytest.approx(scipy_p, abs=1e-12)


def test_pass_fail_summary_uses_wilson_newcombe_and_mcnemar() -> None:
    base, cand = pass_fail(60, 12, 20, 8)
    summary = summarise(first=base, second=cand)
    assert summary.kind == "pass_fail"
    assert summary.second == wilson(successes=80, n=100)
    assert summary.first == wilson(successes=72, n=100)
    assert summary.difference == newcombe_paired(both=60, first_only=12, second_only=20, neither=8)
    assert summary.difference.estimate == 0.08
    assert summary.p_value == pytest.approx(
        stats.binomtest(20, 32, 0.5, alternative="greater").pvalue, abs=1e-12
    )
    assert "Wilson" in summary.method and "Newcombe" in summary.method
    assert "McNemar" in summary.method and "32 discordant" in summary.method


def test_fraction_intervals_and_p_value_match_scipy() -> None:
    summary = summarise(first=BASE, second=CAND)
    assert summary.kind == "fractions"
    one = stats.ttest_1samp(CAND, 0.0).confidence_interval(0.95)
    assert (summary.second.low, summary.second.high) == pytest.approx((one.low, one.high), abs=1e-9)
    assert summary.second.estimate == pytest.approx(CAND.mean(), abs=1e-12)
    paired = stats.ttest_rel(CAND, BASE).confidence_interval(0.95)
    assert summary.difference.low == pytest.approx(paired.low, abs=1e-9)
    assert summary.difference.high == pytest.approx(paired.high, abs=1e-9)
    greater = stats.ttest_rel(CAND, BASE, alternative="greater").pvalue
    assert summary.p_value == pytest.approx(greater, abs=1e-12)
    d = CAND - BASE
    t_stat = d.mean() / (d.std(ddof=1) / math.sqrt(len(d)))
    assert summary.p_value == pytest.approx(stats.t.sf(t_stat, len(d) - 1), abs=1e-12)
    assert "paired t" in summary.method


def test_same_input_gives_the_same_numbers() -> None:
    assert summarise(first=BASE, second=CAND) == summarise(first=BASE.copy(), second=CAND.copy())


def test_mixed_columns_count_as_fractions() -> None:
    assert kind_of(first=np.array([0.0, 1.0]), second=np.array([1.0, 1.0])) == "pass_fail"
    assert kind_of(first=np.array([0.0, 1.0]), second=np.array([1.0, 0.5])) == "fractions"


def test_fraction_interval_is_clipped_to_the_score_range() -> None:
    summary = summarise(first=np.array([0.5, 0.6, 0.7]), second=np.array([1.0, 0.9, 1.0]))
    assert summary.second.high == 1.0
    assert summary.second.low < summary.second.estimate


def all_finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)


def test_no_spread_collapses_intervals_and_uses_the_sign_test() -> None:
    summary = summarise(first=np.full(10, 0.6), second=np.full(10, 0.9))
    assert (summary.second.low, summary.second.high) == (0.9, 0.9)
    assert summary.difference.low == summary.difference.high == pytest.approx(0.3)
    assert summary.p_value == pytest.approx(0.5**10)
    assert "sign test" in summary.method
    flat = summarise(first=np.array([0.2, 0.5, 0.9]), second=np.array([0.2, 0.5, 0.9]))
    assert flat.difference == type(flat.difference)(0.0, 0.0, 0.0)
    assert flat.p_value == 1.0
    worse = summarise(first=np.full(4, 0.8), second=np.full(4, 0.7))
    assert worse.p_value == 1.0


def test_one_example_gives_the_whole_range_without_nan() -> None:
    fraction = summarise(first=np.array([0.4]), second=np.array([0.7]))
    assert (fraction.second.low, fraction.second.high) == (0.0, 1.0)
    assert (fraction.difference.low, fraction.difference.high) == (-1.0, 1.0)
    assert fraction.p_value == 0.5
    binary = summarise(first=np.array([0.0]), second=np.array([1.0]))
    assert binary.difference.low < 0 < binary.difference.high == 1.0
    assert binary.p_value == 0.5
    for s in (fraction, binary):
        assert all_finite(s.p_value, s.second.low, s.difference.low, s.difference.high)


def test_all_equal_pass_fail_data_has_defined_results() -> None:
    base, cand = pass_fail(50, 0, 0, 0)
    summary = summarise(first=base, second=cand)
    assert summary.difference.estimate == 0.0 and summary.p_value == 1.0
    assert summary.difference.low < 0 < summary.difference.high
    assert summary.second.high == 1.0 and summary.second.low < 1.0


def test_sample_size_for_the_gain_follows_connor() -> None:
    base, cand = pass_fail(60, 12, 20, 8)
    summary = summarise(first=base, second=cand)
    psi, d = 0.32, 0.08
    expected = math.ceil(((Z * math.sqrt(psi) + Z_POWER * math.sqrt(psi - d * d)) / d) ** 2)
    assert needed_for_gain(summary=summary) == expected
    fractions = summarise(first=BASE, second=CAND)
    diffs = CAND - BASE
    expected = math.ceil(((Z + Z_POWER) * diffs.std(ddof=1) / diffs.mean()) ** 2)
    assert needed_for_gain(summary=fractions) == expected
    flat = summarise(first=np.full(3, 0.5), second=np.full(3, 0.8))
    assert needed_for_gain(summary=flat) == 5  # the sign test's smallest settling set
    worse = summarise(first=CAND, second=BASE)
    assert needed_for_gain(summary=worse) is None


def test_sample_size_for_the_bar() -> None:
    base, cand = pass_fail(60, 12, 20, 8)
    summary = summarise(first=base, second=cand)
    bar, p = 0.75, 0.8
    root = Z * math.sqrt(bar * (1 - bar)) + Z_POWER * math.sqrt(p * (1 - p))
    assert needed_for_bar(summary=summary, bar=bar) == math.ceil((root / (p - bar)) ** 2)
    assert needed_for_bar(summary=summary, bar=0.8) is None  # exactly on the bar
    fractions = summarise(first=BASE, second=CAND)
    bar = 0.6
    expected = ((Z + Z_POWER) * CAND.std(ddof=1) / (CAND.mean() - bar)) ** 2
    assert needed_for_bar(summary=fractions, bar=bar) == math.ceil(expected)


def test_written_out_quantiles_are_scipys() -> None:
    """Z and Z_POWER are written out (no scipy import at start); they must stay scipy's."""
    assert Z == float(stats.norm.ppf(0.975))
    assert Z_POWER == float(stats.norm.ppf(0.80))
