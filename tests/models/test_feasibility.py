"""Latency feasibility warnings carry the estimate and never contradict the estimates."""

from __future__ import annotations

import re

import pytest

from models.estimates import Assumptions, estimate, load_assumptions
from models.feasibility import latency_warnings
from models.vocabulary import Recommendation
from tests.support import document, questionnaire


@pytest.fixture(scope="module")
def shipped() -> Assumptions:
    return load_assumptions()


def test_a_budget_no_approach_can_meet_is_flagged_with_the_fastest_estimate(
    shipped: Assumptions,
) -> None:
    rows = estimate(questionnaire=questionnaire(latency_budget_ms=1), assumptions=shipped)
    [warning] = latency_warnings(estimates=rows, recommendation=Recommendation.fine_tuning)
    fastest = min(row.total_latency_ms for row in rows.approaches)
    assert warning.id == "W-LATENCY-INFEASIBLE" and warning.field == "latency_budget_ms"
    assert f"{fastest:,.0f} ms" in warning.message and "1 ms budget" in warning.message


def test_a_recommendation_over_budget_is_flagged_and_the_fitting_ones_named(
    shipped: Assumptions,
) -> None:
    rows = estimate(questionnaire=questionnaire(latency_budget_ms=600), assumptions=shipped)
    over = latency_warnings(estimates=rows, recommendation=Recommendation.rag)
    assert [w.id for w in over] == ["W-LATENCY-OVER-BUDGET"]
    rag = next(r for r in rows.approaches if r.approach is Recommendation.rag)
    assert f"{rag.total_latency_ms:,.0f} ms" in over[0].message
    assert "fine-tuning" in over[0].message and not rag.within_latency_budget
    assert latency_warnings(estimates=rows, recommendation=Recommendation.fine_tuning) == []


def test_no_budget_no_warning(shipped: Assumptions) -> None:
    rows = estimate(questionnaire=questionnaire(), assumptions=shipped)
    assert latency_warnings(estimates=rows, recommendation=Recommendation.rag) == []


def test_the_document_carries_the_warning_and_never_calls_it_within_budget() -> None:
    doc = document(given=questionnaire(latency_budget_ms=1).model_dump(exclude_none=True))
    warning = next(w for w in doc.warnings if w.id == "W-LATENCY-INFEASIBLE")
    assert re.search(r"about \d[\d,]* ms", warning.message)
    assert not any(row.within_latency_budget for row in doc.estimates.approaches)
