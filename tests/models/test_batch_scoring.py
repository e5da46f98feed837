"""decide_many: one vectorised pass over one-answer changes, exactly what decide gives for each."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.advisor import Advisor, Decision
from models.features import ANSWER_FIELDS
from models.questionnaire import Questionnaire
from models.what_if import candidates
from tests.models.strategies import ANSWERS, OPTIONAL, REQUIRED
from tests.support import questionnaire

# Every scored answer with any value it may take (null for the optional ones).
SCORED: dict[str, st.SearchStrategy[Any]] = {
    **REQUIRED, **{k: st.none() | s for k, s in OPTIONAL.items() if k in ANSWER_FIELDS}}
assert set(SCORED) == set(ANSWER_FIELDS)
CHANGE = st.sampled_from(sorted(SCORED)).flatmap(lambda f: st.tuples(st.just(f), SCORED[f]))
SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _one_by_one(
    advisor: Advisor, given: dict[str, Any], changes: list[tuple[str, Any]]
) -> list[Decision]:
    """The reference: each change validated as a client would send it, then decided alone."""
    return [advisor.decide(questionnaire=Questionnaire.model_validate({**given, field: value}))
            for field, value in changes]


def _assert_same(many: list[Decision], one: list[Decision]) -> None:
    assert len(many) == len(one)
    for batch, alone in zip(many, one, strict=True):
        assert batch.recommendation == alone.recommendation
        assert batch.ruled_out == alone.ruled_out
        assert all(abs(batch.scores[a] - alone.scores[a]) <= 1e-12 for a in alone.scores)
        # stronger than the tolerance: the same products and one correctly rounded sum
        assert batch == alone


@SETTINGS
@given(given=ANSWERS, changes=st.lists(CHANGE, max_size=40))
def test_random_changes_decide_exactly_as_one_by_one(
    advisor: Advisor, given: dict[str, Any], changes: list[tuple[str, Any]]
) -> None:
    base = Questionnaire.model_validate(given)
    _assert_same(advisor.decide_many(base=base, changes=changes),
                 _one_by_one(advisor, given, changes))


@SETTINGS
@given(given=ANSWERS)
def test_every_what_if_candidate_decides_exactly_as_one_by_one(
    advisor: Advisor, given: dict[str, Any]
) -> None:
    base = Questionnaire.model_validate(given)
    changes = [(field, value) for field, value, _ in candidates(questionnaire=base)]
    _assert_same(advisor.decide_many(base=base, changes=changes),
                 _one_by_one(advisor, given, changes))


def test_no_changes_decide_nothing(advisor: Advisor) -> None:
    assert advisor.decide_many(base=questionnaire(), changes=[]) == []


def test_a_change_to_an_unscored_field_is_refused_by_name(advisor: Advisor) -> None:
    with pytest.raises(ValueError, match="'project_name' is not a scored answer"):
        advisor.decide_many(base=questionnaire(), changes=[("project_name", "x")])


def test_each_decision_owns_its_ruled_out_lists(advisor: Advisor) -> None:
    first, second = advisor.decide_many(
        base=questionnaire(), changes=[("mlops_capacity", "none"), ("mlops_capacity", "none")])
    assert first.ruled_out == second.ruled_out and first.ruled_out
    first.ruled_out["fine_tuning"].append("mutated")
    assert "mutated" not in second.ruled_out["fine_tuning"]
