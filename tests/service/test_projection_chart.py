"""Geometry of the cost-over-time chart and the report sections built on the new advice."""

from __future__ import annotations

import pytest

from service.web import projection_chart, view
from service.web.pages import environment
from tests.service.web_support import Elements
from tests.support import answers, document


@pytest.mark.parametrize(("value", "top", "step"), [
    (0, 1.0, 0.25), (1998, 2000, 500), (4218, 5000, 1000), (838_800, 1_000_000, 200_000),
    (15_224, 20_000, 5000),
])
def test_axis_ceiling_is_round_with_at_most_five_steps(value: float, top: float,
                                                        step: float) -> None:
    assert projection_chart.ceiling(value=value) == (top, step)
    assert top >= value and top / step <= 5


def test_lines_start_at_launch_and_end_at_the_horizon() -> None:
    doc = document(given=answers(full=True, requests_per_day=300, latency_budget_ms=None))
    assert doc.cost_projection is not None
    chart = projection_chart.build(projection=doc.cost_projection,
                                   recommendation=doc.recommendation.value)
    bottom = chart.top + chart.plot_height
    right = chart.left + chart.plot_width
    top_usd = projection_chart.ceiling(value=max(
        max(s.cumulative_usd) for s in doc.cost_projection.series))[0]
    for line, series in zip(chart.lines, doc.cost_projection.series, strict=True):
        points = [tuple(map(float, p.split(","))) for p in line.points.split()]
        assert len(points) == doc.cost_projection.months + 1
        assert points[0][0] == chart.left and points[-1][0] == right
        expected = bottom - series.cumulative_usd[-1] / top_usd * chart.plot_height
        assert points[-1][1] == pytest.approx(expected, abs=0.1)
        assert all(chart.top <= y <= bottom for _, y in points)
        assert line.recommended is (series.approach == doc.recommendation.value)
    months = [c.month for c in doc.cost_projection.crossovers]
    assert [m.month for m in chart.markers] == months and months
    assert chart.markers[0].x == pytest.approx(chart.left + months[0] / 24 * chart.plot_width,
                                               abs=0.1)
    assert doc.cost_projection.summary in chart.description


def render(**updates: object) -> Elements:
    doc = document(**updates)  # type: ignore[arg-type]
    return Elements(environment.get_template("report.html").render(**view.context(doc=doc)))


def test_new_sections_appear_only_when_the_document_has_them() -> None:
    full = render()
    ids = {attrs.get("id") for _, attrs in full.tags}
    assert {"long-context-title", "ft-plan-title", "projection-title", "projection-chart"} <= ids
    assert any(attrs.get("data-method") == "lora" for _, attrs in full.tags)
    old = render(long_context=None, cost_projection=None, fine_tuning_plan=None)
    old_ids = {attrs.get("id") for _, attrs in old.tags}
    assert not {"long-context-title", "ft-plan-title", "projection-title"} & old_ids
    assert "Why" in old.text["why-title"]
