"""The report's plain-language pieces, and rendering that survives partial or odd documents."""

from __future__ import annotations

from typing import Any

import pytest

from service.web import report, view
from service.web.routes import environment

SCORES = {"prompt_engineering": 0.2, "rag": 0.7, "fine_tuning": 0.65}


def doc_with(**overrides: Any) -> dict[str, Any]:
    """A small assessment document shaped like the stored ones."""
    doc: dict[str, Any] = {
        "id": "abc-123", "created_at": "2026-01-02T03:04:05.000+00:00", "project_name": "Demo",
        "recommendation": "rag_and_fine_tuning", "scores": dict(SCORES), "model_version": "t",
        "rules": [{"id": "R-1", "message": "Facts move weekly.", "effect": "log_odds",
                   "source": "s.txt § A"}],
        "contributions": [
            {"approach": "rag", "feature": "freshness", "answer": "weekly", "value": 1.5},
            {"approach": "rag", "feature": "mlops", "answer": None, "value": -0.1},
            {"approach": "fine_tuning", "feature": "gap_format", "answer": "format", "value": 0.9},
            {"approach": "prompt_engineering", "feature": "narrowness", "answer": "narrow",
             "value": 3.0},
        ],
        "warnings": [{"id": "W-1", "message": "minor", "severity": "info", "source": "s"},
                     {"id": "W-2", "message": "serious", "severity": "high", "source": "s"}],
        "guidance": [{"text": "Passage body", "source": "doc.md § Part", "score": 0.5}],
        "questionnaire": {"task_narrowness": "narrow", "requests_per_day": 1200,
                          "needs_private_context": True},
    }
    doc.update(overrides)
    return doc


def render(*, doc: dict[str, Any]) -> str:
    return environment.get_template("report.html").render(**view.context(doc=doc))


def test_bars_follow_scores_and_mark_both_hybrid_approaches() -> None:
    bars = report.bars(scores=SCORES, recommendation="rag_and_fine_tuning")
    assert [bar.key for bar in bars] == ["prompt_engineering", "rag", "fine_tuning"]
    assert [bar.recommended for bar in bars] == [False, True, True]
    widths = {bar.key: bar.width for bar in bars}
    assert widths["rag"] > widths["fine_tuning"] > widths["prompt_engineering"] > 0
    assert bars[1].percent == "70%"


def test_bars_clamp_unusable_scores() -> None:
    bars = report.bars(scores={"rag": 3, "fine_tuning": "x", "prompt_engineering": -1},
                       recommendation="rag")
    assert [bar.score for bar in bars] == [0.0, 1.0, 0.0]


def test_drivers_explain_only_the_recommended_approaches_strongest_first() -> None:
    drivers = report.drivers(doc=doc_with())
    assert {d.approach for d in drivers} == {"rag", "fine_tuning"}
    first = drivers[0]
    assert first.approach == "rag" and first.value == 1.5
    assert "how often the facts change (weekly)" in first.sentence
    assert "more suitable" in first.sentence
    against = [d for d in drivers if d.value < 0]
    assert against and "(unknown)" in against[0].sentence and "against" in against[0].sentence


def test_answers_list_every_question_with_unknowns() -> None:
    answers = dict(report.answers(doc=doc_with()))
    assert len(answers) == 16
    assert answers["Expected requests per day in production"] == "1,200"
    assert answers["Do answers need private context at request time?"] == "yes"
    assert answers["Clean, current labelled examples available"] == "unknown"


def test_report_renders_sections_in_order_with_recommendation_attribute() -> None:
    html = render(doc=doc_with())
    assert 'data-recommendation="rag_and_fine_tuning"' in html
    assert html.index("serious") < html.index("minor")  # high-severity warnings first
    assert "Passage body" in html and "doc.md § Part" in html
    assert 'href="/assessments/abc-123"' in html
    assert "@media print" in html
    assert "<svg" in html and "<title" in html


@pytest.mark.parametrize(
    "overrides",
    [
        {"rules": None, "warnings": "oops", "guidance": [None, 3], "what_if": [{}]},
        {"scores": None, "contributions": None, "questionnaire": None, "success_plan": None},
        {"estimates": {"odd": [1, {"nested": True}]}, "readiness": [{"answer": "maybe"}],
         "next_steps": [{"stage": 1}], "success_plan": {"eval_set": None}},
    ],
)
def test_malformed_sections_degrade_instead_of_failing(overrides: dict[str, Any]) -> None:
    html = render(doc=doc_with(**overrides))
    assert "data-recommendation" in html


def test_user_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script>'
    html = render(doc=doc_with(project_name=evil, guidance=[{"text": evil, "source": evil}],
                               questionnaire={"description": evil}))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
