"""Guidance topics: a warning written per request is searched for one fixed topic."""

from __future__ import annotations

from typing import Any

from models.advisor import Advisor
from models.result import ModelResult
from service.guidance import GuidanceFinder
from service.searcher import Searcher
from tests.support import questionnaire


def conflicted(*, quote: str) -> ModelResult:
    """A real result whose warnings are replaced by a W-CONFLICT quoting `quote`."""
    result = Advisor.load().assess(questionnaire=questionnaire(full=True, risk_domain="health"))
    warning = result.warnings[0].model_copy(
        update={"id": "W-CONFLICT", "message": f"Your description says {quote!r}."})
    return result.model_copy(update={"warnings": [warning]})


def test_a_conflict_is_searched_for_the_same_topic_whatever_the_team_wrote(
    embedder: Any,
) -> None:
    finder = GuidanceFinder(embedder=embedder, searcher=Searcher(
        embed=lambda text: embedder.encode(texts=[text])[0]),
                            collections=["builtin"], describe=None)
    first = finder.queries(result=conflicted(quote="our payroll data for Acme Ltd"))
    second = finder.queries(result=conflicted(quote="three people use it twice a day"))
    one = next(q for q in first if q.qid == "W-CONFLICT")
    two = next(q for q in second if q.qid == "W-CONFLICT")
    assert one.text is not None and one.text == two.text
    assert "Acme" not in one.text and "contradicts" in one.text
