"""Geometry of the verdict page's inline SVG: the two intervals against the baseline and the bar.

Row 1 draws the trained model's score with its interval on a score axis, with the baseline and
the bar as vertical lines. Row 2 draws the paired gain with its interval on a gain axis, with
"no gain" (0) and the gain the bar asks for (bar - measured baseline) as vertical lines. Each
axis zooms to what it must show, padded, and stays inside the possible range ([0, 1] for scores,
[-1, 1] for gains). Pure numbers only: the template turns them into `<line>`/`<circle>`/`<text>`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from models.verdict.response import Estimate, VerdictResponse

WIDTH = 640
ROW_HEIGHT = 90
TOP = 24
LEFT, RIGHT = 16, 16
NICE_STEPS = (0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5)


@dataclass(frozen=True)
class Mark:
    """A labelled value on an axis and its x position in pixels."""

    label: str
    value: float
    x: float


@dataclass(frozen=True)
class Row:
    """One interval on its own axis, with its reference lines and ticks."""

    title: str
    y: float  # baseline of the row's interval bar, in pixels from the top
    estimate: Mark
    low: Mark
    high: Mark
    references: list[Mark]
    ticks: list[Mark]


@dataclass(frozen=True)
class Chart:
    """The whole drawing, plus a sentence for the SVG's <title> (read by screen readers)."""

    width: int
    height: int
    rows: list[Row]
    description: str


def _domain(*, values: list[float], bounds: tuple[float, float]) -> tuple[float, float]:
    """A padded range covering `values`, at least 0.1 wide, inside `bounds`."""
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, 0.05)
    low, high = max(bounds[0], low - pad), min(bounds[1], high + pad)
    return (low, high) if high > low else (bounds[0], bounds[1])


def _ticks(*, domain: tuple[float, float]) -> list[float]:
    """Round tick values, 3 to 8 of them, inside the domain."""
    span = domain[1] - domain[0]
    step = next((s for s in NICE_STEPS if span / s <= 8), 0.5)
    first = math.ceil(domain[0] / step - 1e-9)
    values = [round(k * step, 6) for k in range(first, math.floor(domain[1] / step + 1e-9) + 1)]
    return values


def _row(
    *, title: str, y: float, interval: Estimate, refs: list[tuple[str, float]], signed: bool
) -> Row:
    """Place one interval and its references on a zoomed axis."""
    bounds = (-1.0, 1.0) if signed else (0.0, 1.0)
    values = [interval.ci_low, interval.ci_high, interval.estimate, *(v for _, v in refs)]
    lo, hi = _domain(values=values, bounds=bounds)
    width = WIDTH - LEFT - RIGHT

    def mark(label: str, value: float) -> Mark:
        return Mark(label=label, value=value, x=round(LEFT + (value - lo) / (hi - lo) * width, 2))

    fmt = "{:+.3f}" if signed else "{:.3f}"
    return Row(
        title=title,
        y=y,
        estimate=mark(fmt.format(interval.estimate), interval.estimate),
        low=mark(fmt.format(interval.ci_low), interval.ci_low),
        high=mark(fmt.format(interval.ci_high), interval.ci_high),
        references=[mark(label, value) for label, value in refs],
        ticks=[mark(fmt.format(v), v) for v in _ticks(domain=(lo, hi))],
    )


def interval_chart(*, response: VerdictResponse) -> Chart | None:
    """The chart for a verdict computed from per-example results; None for a single number."""
    score, gain, measured = response.candidate_score, response.gain, response.measured_baseline
    if score is None or gain is None or measured is None:
        return None
    bar = response.success_threshold
    baseline = response.baseline if response.baseline is not None else measured.estimate
    score_refs = [(f"baseline {baseline:.3f}", baseline), (f"bar {bar:.3f}", bar)]
    needed = bar - measured.estimate
    gain_refs = [("no gain", 0.0), (f"gain the bar needs {needed:+.3f}", needed)]
    rows = [
        _row(
            title="Trained model's score", y=TOP + 30, interval=score, refs=score_refs, signed=False
        ),
        _row(
            title="Gain over the prompt (paired)",
            y=TOP + 30 + ROW_HEIGHT,
            interval=gain,
            refs=gain_refs,
            signed=True,
        ),
    ]
    description = (
        f"Trained model's score {score.estimate:.3f} (95% CI {score.ci_low:.3f} to "
        f"{score.ci_high:.3f}) against baseline {baseline:.3f} and bar {bar:.3f}; gain "
        f"{gain.estimate:+.3f} (95% CI {gain.ci_low:+.3f} to {gain.ci_high:+.3f}) against 0."
    )
    return Chart(width=WIDTH, height=TOP + 2 * ROW_HEIGHT + 20, rows=rows, description=description)
