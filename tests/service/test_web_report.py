"""The report's plain-language pieces and the page rendered from typed documents."""

from __future__ import annotations

from typing import Any

from models.document import AssessmentDocument
from models.questionnaire import FIELDS
from service.web import report, view
from service.web.pages import environment
from tests.support import answers, document

SCORES = {"prompt_engineering": 0.2, "rag": 0.7, "fine_tuning": 0.65}
SOURCE = "s.txt § A"


def doc_with(**overrides: Any) -> AssessmentDocument:
    """A real document with small, known sections (validated like a stored one)."""
    sections: dict[str, Any] = {
        "id": "abc-123", "created_at": "2026-01-02T03:04:05.000+00:00", "project_name": "Demo",
        "recommendation": "rag_and_fine_tuning", "scores": dict(SCORES), "model_version": "t",
        "ruled_out": {},
        "rules": [{"id": "R-1", "message": "Facts move weekly.", "effect": "log_odds",
                   "source": SOURCE}],
        "contributions": [
            {"approach": "rag", "feature": "freshness", "answer": "weekly", "value": 1.5},
            {"approach": "rag", "feature": "mlops", "answer": None, "value": -0.1},
            {"approach": "fine_tuning", "feature": "gap_format", "answer": "format", "value": 0.9},
            {"approach": "prompt_engineering", "feature": "narrowness", "answer": "narrow",
             "value": 3.0},
        ],
        "warnings": [{"id": "W-1", "message": "minor", "severity": "info", "source": SOURCE},
                     {"id": "W-2", "message": "serious", "severity": "high", "source": SOURCE}],
        "guidance": [passage(text="Passage body", source="doc.md § Part")],
        "questionnaire": answers(task_narrowness="narrow", requests_per_day=1200,
                                 needs_private_context=True),
    }
    return document(**{**sections, **overrides})


def passage(*, text: str, source: str) -> dict[str, Any]:
    return {"text": text, "source": source, "score": 0.5, "title": "T", "file": "doc.md",
            "section": "Part", "collection": "builtin", "supports": ["R-1"]}


def render(*, doc: AssessmentDocument) -> str:
    return environment.get_template("report.html").render(**view.context(doc=doc))


def test_bars_follow_scores_and_mark_both_hybrid_approaches() -> None:
    bars = report.bars(doc=doc_with())
    assert [bar.key for bar in bars] == ["prompt_engineering", "rag", "fine_tuning"]
    assert [bar.recommended for bar in bars] == [False, True, True]
    widths = {bar.key: bar.width for bar in bars}
    assert widths["rag"] > widths["fine_tuning"] > widths["prompt_engineering"] > 0
    assert bars[1].percent == "70%"


def test_a_ruled_out_approach_gets_no_bar_and_names_its_rules() -> None:
    doc = doc_with(recommendation="prompt_engineering", ruled_out={
        "fine_tuning": ["R-NO-MLOPS", "R-BROAD-TASK"], "rag": ["R-NOTHING-TO-RETRIEVE"]},
        scores={"prompt_engineering": 0.4, "rag": 0.1, "fine_tuning": 0.99})
    bars = {bar.key: bar for bar in report.bars(doc=doc)}
    assert bars["fine_tuning"].width == 0.0 and bars["rag"].width == 0.0
    assert bars["fine_tuning"].ruled_out == "ruled out by R-NO-MLOPS, R-BROAD-TASK"
    assert bars["prompt_engineering"].width > 0 and not bars["prompt_engineering"].ruled_out
    html = render(doc=doc)
    assert "99%" not in html  # the ruled-out score is never drawn as the best-looking bar
    assert html.count('class="bar"') == 1
    assert 'data-approach="fine_tuning"' in html and "R-NOTHING-TO-RETRIEVE" in html


def test_open_questions_are_listed_with_what_they_would_change() -> None:
    doc = doc_with(open_questions=[{
        "field": "needs_private_context", "question": "Do answers need private context?",
        "would_change_to": {"true": "rag"}, "share": 0.42,
        "message": "Do answers need private context? yes → Retrieval (RAG)."}])
    html = render(doc=doc)
    section = html[html.index('id="open-title"'):]
    assert "Do answers need private context? yes → Retrieval (RAG)." in section
    assert "42%" in section
    assert 'id="open-title"' not in render(doc=doc_with(open_questions=[]))


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
    assert list(answers) == [spec.label for spec in FIELDS]
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


def test_every_section_renders_from_a_real_document() -> None:
    doc = document()
    html = render(doc=doc)
    assert f'data-recommendation="{doc.recommendation.value}"' in html
    for item in doc.readiness + doc.next_steps:
        assert str(item.advice if hasattr(item, "advice") else item.title) in html
    assert doc.success_plan.metric in html and doc.estimates.approaches[0].formula in html


def test_user_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script>'
    html = render(doc=doc_with(project_name=evil, guidance=[passage(text=evil, source=evil)],
                               questionnaire=answers(description=evil)))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
