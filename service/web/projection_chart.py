"""Geometry of the report's cost-over-time chart: one line per approach, crossovers marked.

Pure numbers only; `_sections.html` turns them into `<polyline>`, `<line>` and `<text>`. The
y axis runs from 0 to a round ceiling above the largest total; each approach has its own colour
and dash pattern, so the lines stay apart in print and for colour-blind readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from models.projection import NAMES, CostProjection

WIDTH = 640
LEFT, RIGHT, TOP = 64, 16, 16
PLOT_HEIGHT = 220
LEGEND_TOP = TOP + PLOT_HEIGHT + 44
LEGEND_ROW = 20
LEGEND_COLUMN = (WIDTH - LEFT) // 2
STYLE = {  # approach -> (colour, dash pattern)
    "prompt_engineering": ("#1b7f3b", ""),
    "rag": ("#b35c00", "7 4"),
    "fine_tuning": ("#0b57d0", ""),
    "rag_and_fine_tuning": ("#7b2cbf", "2 3"),
    "long_context": ("#a4001d", "9 3 2 3"),
}
NICE = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class Line:
    """One approach's cumulative cost as an SVG polyline, with its legend entry."""

    approach: str
    label: str
    points: str
    colour: str
    dash: str
    recommended: bool
    total: str
    legend_x: int
    legend_y: int


@dataclass(frozen=True)
class Tick:
    """An axis label and where it sits, in pixels."""

    text: str
    at: float


@dataclass(frozen=True)
class Marker:
    """A month where the cheapest approach changes."""

    month: int
    x: float
    text: str


@dataclass(frozen=True)
class ProjectionChart:
    """Everything the template draws, plus the sentences a screen reader hears."""

    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    markers: list[Marker]
    title: str
    description: str


def money(usd: float) -> str:
    """Compact dollars for axis labels: $950, $12k, $1.5M."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if usd >= size:
            return f"${usd / size:.3g}{suffix}"
    return f"${usd:,.0f}"


def ceiling(*, value: float) -> tuple[float, float]:
    """A round top for the y axis at or above `value`, and a tick step giving at most 5 steps."""
    if value <= 0:
        return 1.0, 0.25
    power = 10 ** math.floor(math.log10(value / 5))
    step = next(n * power for n in NICE if value / (n * power) <= 5)
    return step * math.ceil(value / step - 1e-9), step


def build(*, projection: CostProjection, recommendation: str) -> ProjectionChart:
    """Place every series, the axes and the crossover months."""
    months, plot_width = projection.months, WIDTH - LEFT - RIGHT
    top_usd, step = ceiling(value=max(max(s.cumulative_usd) for s in projection.series))

    def x(month: float) -> float:
        return round(LEFT + month / months * plot_width, 1)

    def y(usd: float) -> float:
        return round(TOP + PLOT_HEIGHT - usd / top_usd * PLOT_HEIGHT, 1)

    lines = []
    for index, series in enumerate(projection.series):
        colour, dash = STYLE.get(series.approach, ("#454e5a", ""))
        lines.append(Line(
            approach=series.approach, label=NAMES.get(series.approach, series.approach),
            points=" ".join(f"{x(m)},{y(v)}" for m, v in enumerate(series.cumulative_usd)),
            colour=colour, dash=dash,
            recommended=series.approach == recommendation,
            total=money(series.cumulative_usd[-1]), legend_x=LEFT + (index % 2) * LEGEND_COLUMN,
            legend_y=LEGEND_TOP + (index // 2) * LEGEND_ROW))
    rows = math.ceil(len(lines) / 2)
    x_ticks = [Tick(text=str(m), at=x(m)) for m in range(0, months + 1, max(1, months // 4))]
    y_ticks = [Tick(text=money(k * step), at=y(k * step))
               for k in range(round(top_usd / step) + 1)]
    markers = [Marker(month=c.month, x=x(c.month),
                      text=f"month {c.month}: {NAMES.get(c.cheapest_after, c.cheapest_after)}")
               for c in projection.crossovers]
    return ProjectionChart(
        width=WIDTH, height=LEGEND_TOP + rows * LEGEND_ROW, left=LEFT, top=TOP,
        plot_width=plot_width, plot_height=PLOT_HEIGHT, lines=lines, x_ticks=x_ticks,
        y_ticks=y_ticks, markers=markers,
        title=f"Estimated total cost of each approach over {months} months (US dollars)",
        description=projection.summary + " " + "; ".join(
            f"{line.label}: {line.total} by month {months}" for line in lines) + ".",
    )
