"""The verdict page's pure helpers: CSV text to paired scores, and the chart's geometry."""

from __future__ import annotations

import pytest

from models.verdict import VerdictRequest, VerdictResponse, decide
from models.verdict.chart import LEFT, RIGHT, WIDTH, interval_chart
from models.verdict.csv_input import (
    GUARDRAIL_COLUMNS,
    MAX_PROBLEMS,
    CsvScoresError,
    parse_scores_csv,
)
from models.verdict.request import MAX_PAIRS

PLAN = {"baseline": 0.72, "success_threshold": 0.792}


def problems_of(text: str, **kwargs: object) -> list[str]:
    with pytest.raises(CsvScoresError) as caught:
        parse_scores_csv(text=text, **kwargs)  # type: ignore[arg-type]
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    "text",
    [
        "baseline,candidate\n0,1\n1,0.5\n",
        "\ufeffBaseline , CANDIDATE\r\n0,1\r\n\r\n1,0.5",
        "id;candidate;baseline\n7;1;0\n8;0.5;1\n",
        "\n\nbaseline\tcandidate\n0\t1\n1\t.5\n\n",
    ],
)
def test_csv_reads_columns_by_name_in_any_layout(text: str) -> None:
    pairs = parse_scores_csv(text=text)
    assert pairs.first.tolist() == [0.0, 1.0]
    assert pairs.second.tolist() == [1.0, 0.5]


def test_csv_reads_guardrail_columns() -> None:
    pairs = parse_scores_csv(text="after,before\n0.7,0.9\n", columns=GUARDRAIL_COLUMNS)
    assert (pairs.first.tolist(), pairs.second.tolist()) == ([0.9], [0.7])


def test_csv_problems_name_line_and_column() -> None:
    text = "baseline,candidate\n1,1\nabc,1\n0.5,1.2\n1\n\n1,nan\n"
    assert problems_of(text) == [
        "line 3, column baseline: 'abc' is not a number: give 0/1 or a score in [0, 1]",
        "line 4, column candidate: 1.2 is outside [0, 1]",
        "line 5, column candidate: the cell is empty: give 0/1 or a score in [0, 1]",
        "line 7, column candidate: nan is outside [0, 1]",
    ]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "line 1: no rows"),
        ("a,b\n1,0\n", "line 1: the header must name the columns baseline,candidate"),
        ("0,1\n1,1\n", "missing: baseline, candidate"),
        ("\nbaseline,candidate\n", "line 2: a header but no rows"),
    ],
)
def test_csv_without_usable_rows_says_what_to_fix(text: str, needle: str) -> None:
    assert any(needle in problem for problem in problems_of(text))


def test_csv_stops_after_enough_problems_and_at_the_size_limit() -> None:
    assert len(problems_of("baseline,candidate\n" + "x,y\n" * 50)) == MAX_PROBLEMS
    huge = "baseline,candidate\n" + "0,1\n" * (MAX_PAIRS + 1)
    assert problems_of(huge) == [f"line {MAX_PAIRS + 2}: more than {MAX_PAIRS} rows; send a sample"]


def test_csv_pairs_feed_a_verdict() -> None:
    text = "baseline,candidate\n" + "1,1\n" * 60 + "0,1\n" * 20 + "1,0\n" * 12 + "0,0\n" * 8
    request = VerdictRequest(plan=PLAN, results=parse_scores_csv(text=text))  # type: ignore[arg-type]
    assert decide(request=request).verdict == "inconclusive"


def verdict_for(results: list[dict[str, float]], plan: dict[str, object]) -> VerdictResponse:
    return decide(request=VerdictRequest.model_validate({"plan": plan, "results": results}))


def test_chart_places_both_intervals_against_baseline_and_bar() -> None:
    results = [{"baseline": 1, "candidate": 1}] * 60 + [{"baseline": 0, "candidate": 1}] * 20
    results += [{"baseline": 1, "candidate": 0}] * 12 + [{"baseline": 0, "candidate": 0}] * 8
    chart = interval_chart(response=verdict_for(results, PLAN))
    assert chart is not None
    score, gain = chart.rows
    assert [m.label for m in score.references] == ["baseline 0.720", "bar 0.792"]
    assert gain.references[0].label == "no gain" and gain.references[0].value == 0.0
    assert gain.references[1].value == pytest.approx(0.792 - 0.72)
    for row in chart.rows:
        assert row.low.x < row.estimate.x < row.high.x
        marks = [row.low, row.high, row.estimate, *row.references, *row.ticks]
        assert all(LEFT - 1e-6 <= m.x <= WIDTH - RIGHT + 1e-6 for m in marks)
        xs = sorted(marks, key=lambda m: m.value)
        assert [m.x for m in xs] == sorted(m.x for m in xs)  # one linear scale per row
        assert 3 <= len(row.ticks) <= 9
    assert "0.792" in chart.description and "-0.032" in chart.description


def test_chart_handles_collapsed_intervals_and_the_single_number_form() -> None:
    flat = verdict_for([{"baseline": 0.6, "candidate": 0.8}] * 10,
                       {"baseline": 0.6, "success_threshold": 0.8})
    chart = interval_chart(response=flat)
    assert chart is not None
    assert chart.rows[0].low.x == chart.rows[0].high.x == chart.rows[0].estimate.x
    single = decide(request=VerdictRequest.model_validate({"plan": PLAN, "measured_after": 0.9}))
    assert interval_chart(response=single) is None
