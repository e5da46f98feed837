"""The readiness checklist: five items, each answered from the fields it names."""

from __future__ import annotations

import pytest

from models.questionnaire import Questionnaire
from models.readiness import ReadinessItem, assess_readiness
from tests.support import answers

BASE = answers()


def item(item_id: str, **answers: object) -> ReadinessItem:
    q = Questionnaire.model_validate({**BASE, **answers})
    return next(i for i in assess_readiness(questionnaire=q) if i.id == item_id)


def test_five_items_in_checklist_order_with_sources() -> None:
    items = assess_readiness(questionnaire=Questionnaire.model_validate(BASE))
    assert [i.id for i in items] == [
        "narrow_repeatable", "clean_current_examples", "fresh_knowledge", "measurable_impact",
        "maintain_retraining",
    ]
    for i in items:
        assert i.question.endswith("?")
        assert "Readiness Checklist" in i.source
        assert i.based_on and all(f in Questionnaire.model_fields for f in i.based_on)


def test_example_in_schema_validates() -> None:
    example = ReadinessItem.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
    ReadinessItem.model_validate(example)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"task_narrowness": "narrow"}, "yes"),
        ({"task_narrowness": "narrow", "workflow_stability": "changes_weekly"}, "no"),
        ({"task_narrowness": "moderate"}, "no"),
        ({"task_narrowness": "broad"}, "no"),
    ],
)
def test_narrow_repeatable(answers: dict[str, object], expected: str) -> None:
    assert item("narrow_repeatable", **answers).answer == expected


@pytest.mark.parametrize(
    ("answers", "expected", "needle"),
    [
        ({"data_quality": "clean", "labeled_examples": 500}, "yes", "pilot"),
        ({"data_quality": "noisy", "labeled_examples": 50000}, "no", "data pipeline"),
        ({"data_quality": "mixed"}, "no", "data pipeline"),
        ({"data_quality": "clean", "labeled_examples": 40}, "no", "too few"),
        ({"labeled_examples": 0}, "no", "too few"),
        ({"data_quality": "clean"}, "unknown", "count"),
        ({"labeled_examples": 900}, "unknown", "sample"),
        ({}, "unknown", "Find out"),
    ],
)
def test_clean_current_examples(answers: dict[str, object], expected: str, needle: str) -> None:
    result = item("clean_current_examples", **answers)
    assert result.answer == expected
    assert needle in result.advice
    assert result.supports_fine_tuning == (None if expected == "unknown" else expected == "yes")


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"knowledge_freshness": "static", "needs_private_context": False}, "no"),
        ({"knowledge_freshness": "monthly"}, "no"),
        ({"knowledge_freshness": "daily"}, "yes"),
        ({"knowledge_freshness": "realtime"}, "yes"),
        ({"needs_private_context": True}, "yes"),
        ({"knowledge_freshness": "monthly", "primary_gap": "knowledge"}, "yes"),
        ({"knowledge_freshness": "static", "primary_gap": "knowledge"}, "no"),
    ],
)
def test_fresh_knowledge_is_inverted(answers: dict[str, object], expected: str) -> None:
    result = item("fresh_knowledge", **answers)
    assert result.answer == expected
    # a yes here counts against fine-tuning
    assert result.supports_fine_tuning is (expected == "no")
    assert ("retrieval" in result.advice) is (expected == "yes")


def test_fresh_knowledge_no_asks_to_confirm_private_context_when_unknown() -> None:
    assert "Confirm" in item("fresh_knowledge").advice
    assert "Confirm" not in item("fresh_knowledge", needs_private_context=False).advice


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"success_metric_defined": True, "prompt_baseline_score": 0.7}, "yes"),
        ({"success_metric_defined": True}, "yes"),
        ({"prompt_baseline_score": 0.7}, "yes"),
        ({"success_metric_defined": False}, "no"),
        ({}, "unknown"),
    ],
)
def test_measurable_impact(answers: dict[str, object], expected: str) -> None:
    result = item("measurable_impact", **answers)
    assert result.answer == expected
    assert ("Measure the best prompt" in result.advice) is (
        expected == "yes" and "prompt_baseline_score" not in answers
    )


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"mlops_capacity": "dedicated"}, "yes"),
        ({"mlops_capacity": "dedicated", "workflow_stability": "changes_weekly"}, "yes"),
        ({"mlops_capacity": "limited"}, "yes"),
        ({"mlops_capacity": "limited", "workflow_stability": "changes_weekly"}, "no"),
        ({"mlops_capacity": "none"}, "no"),
    ],
)
def test_maintain_retraining(answers: dict[str, object], expected: str) -> None:
    assert item("maintain_retraining", **answers).answer == expected
