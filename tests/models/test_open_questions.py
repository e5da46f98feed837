"""Open questions: unanswered questions whose answers really change the recommendation."""

from __future__ import annotations

from typing import Any

import pytest

from models.advisor import Advisor
from models.open_questions import open_questions
from models.questionnaire import BY_NAME, Questionnaire
from tests.support import answers

PROFILES = [
    answers(),
    answers(task_narrowness="moderate", requests_per_day=40_000, mlops_capacity="limited"),
    answers(knowledge_freshness="daily", primary_gap="format", labeled_examples=20_000,
            data_quality="clean", success_metric_defined=True, workflow_stability="stable"),
    answers(full=True),
]


def _value(*, field: str, key: str) -> Any:
    kind = BY_NAME[field].kind
    if kind == "boolean":
        return key == "true"
    if kind == "integer":
        return int(key.replace(",", ""))
    return float(key) if kind == "decimal" else key


@pytest.mark.parametrize("given", PROFILES)
def test_each_open_question_is_unanswered_and_really_changes_the_advice(
    advisor: Advisor, given: dict[str, Any]
) -> None:
    q = Questionnaire.model_validate(given)
    result = advisor.assess(questionnaire=q)
    found = open_questions(questionnaire=q, recommendation=result.recommendation,
                           advisor=advisor)
    assert [o.share for o in found] == sorted((o.share for o in found), reverse=True)
    for item in found:
        assert getattr(q, item.field) is None and 0 < item.share <= 1
        assert item.question == BY_NAME[item.field].label
        for key, changed in item.would_change_to.items():
            for part in key.split(" to "):
                value = _value(field=item.field, key=part)
                answered = Questionnaire.model_validate({**given, item.field: value})
                outcome = advisor.assess(questionnaire=answered).recommendation
                assert outcome == changed != result.recommendation


def test_unknown_private_context_is_the_question_to_ask_when_prompting_wins(
    advisor: Advisor,
) -> None:
    q = Questionnaire.model_validate(answers())
    result = advisor.assess(questionnaire=q)
    assert result.recommendation.value == "prompt_engineering"
    found = {o.field: o for o in open_questions(questionnaire=q,
                                                recommendation=result.recommendation,
                                                advisor=advisor)}
    assert found["needs_private_context"].would_change_to == {"true": "rag"}
    distribution = dict(map(tuple, advisor.answer_distribution["needs_private_context"]))
    share = distribution[True] / (distribution[True] + distribution[False])
    assert found["needs_private_context"].share == pytest.approx(share, abs=1e-4)
    assert found["primary_gap"].would_change_to == {"knowledge": "rag"}


def test_a_fully_answered_questionnaire_has_no_open_questions(advisor: Advisor) -> None:
    q = Questionnaire.model_validate(answers(full=True))
    result = advisor.assess(questionnaire=q)
    assert open_questions(questionnaire=q, recommendation=result.recommendation,
                          advisor=advisor) == []
