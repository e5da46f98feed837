"""The reader's memoised rule shares: keyed on what a rule can tell apart, never stale."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from models.advisor import Advisor
from models.conditions import compile_condition, degree, fields_of, numeric_tests
from models.features import answers_of
from models.questionnaire import Questionnaire
from models.scoring import Reader
from tests.models.strategies import ANSWERS

SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_only_fields_read_solely_as_numbers_are_keyed_by_their_comparisons() -> None:
    condition = {"all": [
        {"field": "requests_per_day", "gte": 10_000},
        {"any": [{"field": "labeled_examples", "lt": 300},
                 {"field": "labeled_examples", "in": [5]}]},
        {"field": "task_narrowness", "is": "narrow"},
    ]}
    tests = numeric_tests(condition=condition)
    assert set(tests) == {"requests_per_day"}
    assert [test(9_999) for test in tests["requests_per_day"]] == [False]
    assert [test(10_000) for test in tests["requests_per_day"]] == [True]


@pytest.fixture(scope="module")
def reader(advisor: Advisor) -> Reader:
    """A reader of the committed artifact whose memo only these examples fill."""
    encoding = advisor.artifact["encoding"]
    seen = {f: [(v, float(n)) for v, n in pairs]
            for f, pairs in encoding["answer_distribution"].items()}
    return Reader(reference=encoding["reference"], distribution=seen,
                  rules=advisor.artifact["rules"])


@SETTINGS
@given(given=ANSWERS)
def test_every_memoised_share_equals_a_fresh_degree(reader: Reader, given: dict[str, Any]) -> None:
    # The memo is warm from every earlier example: a key that merged two answers a rule tells
    # apart would hand back the other answer's share here.
    answers = answers_of(questionnaire=Questionnaire.model_validate(given))
    for index, (rule, _, _) in enumerate(reader.rules):
        if rule["effect"] == "constraint":
            continue
        fields = fields_of(condition=rule["when"])
        fresh = degree(predicate=compile_condition(condition=rule["when"]), fields=fields,
                       answers=answers, distribution=reader.distribution)
        assert reader.share(index=index, answers=answers) == fresh, rule["id"]
