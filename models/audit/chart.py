"""Geometry of the audit page's inline SVG: a histogram of tokens per example.

The report's bins are powers of two ([4, 8), [8, 16), ...), so equal-width bars make a log-scaled
length axis; bar heights are linear in the number of examples. The context limit, when it falls
inside the drawn range, is a dashed line placed within its bin by log interpolation. Pure numbers
only: the template turns them into `<rect>`, `<line>` and `<text>`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from models.audit.report import LengthStats

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 16, 44


@dataclass(frozen=True)
class Bar:
    """One bin: where it is drawn and what it holds."""

    x: float
    y: float
    width: float
    height: float
    count: int
    label: str  # the bin's lower edge, short ("64", "2k")
    title: str  # the whole bin in words, for the bar's <title>


@dataclass(frozen=True)
class Histogram:
    """The whole drawing, plus a sentence for the SVG's <title>."""

    width: int
    height: int
    left: int
    baseline: float
    plot_right: float
    bars: list[Bar]
    y_ticks: list[tuple[float, str]]
    limit_x: float | None
    limit_label: str
    description: str


def short(n: int) -> str:
    """A bin edge as an axis label: 512, 2k, 1M."""
    if n >= 1 << 20:
        return f"{n >> 20}M"
    return f"{n >> 10}k" if n >= 1 << 10 else str(n)


def _limit_x(*, stats: LengthStats, bars: list[Bar], limit: int) -> float | None:
    """Where the context limit falls on the drawn axis, or None when outside it."""
    for bin_, bar in zip(stats.histogram, bars, strict=True):
        if bin_.lo <= limit < bin_.hi:
            lo = math.log2(max(bin_.lo, 1))
            share = (math.log2(limit) - lo) / (math.log2(bin_.hi) - lo)
            return round(bar.x + bar.width * share, 1)
    return None


def histogram(*, stats: LengthStats, context_limit: int) -> Histogram | None:
    """The drawing for one length distribution; None when there is nothing to draw."""
    bins = stats.histogram
    if not bins or stats.count == 0:
        return None
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    tallest = max(b.count for b in bins) or 1
    step = plot_w / len(bins)
    baseline = TOP + plot_h
    bars = []
    for i, b in enumerate(bins):
        h = round(plot_h * b.count / tallest, 1)
        bars.append(Bar(x=round(LEFT + i * step, 1), y=round(baseline - h, 1),
                        width=round(step - 2, 1), height=h, count=b.count, label=short(b.lo),
                        title=f"{b.lo:,} to {b.hi - 1:,} tokens: {b.count:,} examples"))
    ticks = [(round(baseline - plot_h * k / 2, 1), f"{round(tallest * k / 2):,}")
             for k in range(3)]
    limit_x = _limit_x(stats=stats, bars=bars, limit=context_limit)
    return Histogram(
        width=WIDTH, height=HEIGHT, left=LEFT, baseline=baseline, plot_right=LEFT + plot_w,
        bars=bars, y_ticks=ticks, limit_x=limit_x,
        limit_label=f"context limit {context_limit:,}",
        description=(f"Tokens per example for {stats.count:,} examples, in bins that double in "
                     f"width: median {stats.percentiles.get('p50', 0):,}, 95th percentile "
                     f"{stats.percentiles.get('p95', 0):,}, longest {stats.max:,}."))
