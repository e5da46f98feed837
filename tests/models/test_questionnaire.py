"""The questionnaire's one declaration: every field asked, bounded and explained once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models.advisor import Advisor
from models.questionnaire import BY_NAME, FIELDS, Questionnaire
from service.slack.questions import QUESTIONS
from service.web.fields import ALL_FIELDS
from tests.support import questionnaire


def test_every_field_is_declared_with_words_for_people() -> None:
    assert [spec.name for spec in FIELDS] == list(Questionnaire.model_fields)
    for spec in FIELDS:
        assert spec.ask.label and spec.ask.help and spec.ask.topic, spec.name
        if spec.enum is not None:
            assert [c.value for c in spec.ask.choices] == [m.value for m in spec.enum]


def test_every_channel_is_generated_from_the_declaration() -> None:
    names = [spec.name for spec in FIELDS]
    assert [f.name for f in ALL_FIELDS] == names
    assert [q.name for q in QUESTIONS] == names
    for spec, form, slack in zip(FIELDS, ALL_FIELDS, QUESTIONS, strict=True):
        assert form.label == slack.label == spec.label
        assert form.required == slack.required == spec.required


@pytest.mark.parametrize("value", [0, 25_000, 1_000_000_000_000])
def test_knowledge_size_is_accepted_within_the_contract(value: int) -> None:
    assert questionnaire(knowledge_size_tokens=value).knowledge_size_tokens == value


@pytest.mark.parametrize("value", [-1, 1_000_000_000_001, 2.5, "300"])
def test_knowledge_size_outside_the_contract_names_the_field(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        questionnaire(knowledge_size_tokens=value)
    assert caught.value.errors()[0]["loc"] == ("knowledge_size_tokens",)


def test_knowledge_size_is_scored_and_a_large_corpus_brings_in_retrieval(
    advisor: Advisor,
) -> None:
    spec = BY_NAME["knowledge_size_tokens"]
    assert (spec.kind, spec.minimum, spec.maximum) == ("integer", 0, 1_000_000_000_000)
    plain = advisor.assess(questionnaire=questionnaire())
    small = advisor.assess(questionnaire=questionnaire(knowledge_size_tokens=20_000))
    sized = advisor.assess(questionnaire=questionnaire(knowledge_size_tokens=40_000_000))
    assert plain.recommendation.value == small.recommendation.value == "prompt_engineering"
    assert sized.recommendation.value == "rag"
    assert sized.scores["rag"] > small.scores["rag"]
    assert "R-LARGE-CORPUS-RETRIEVAL" in {r.id for r in sized.rules}
