"""Feature encoding: names, orientation, documentation and the unknown-answer imputation."""

from __future__ import annotations

import math

import models.features as features_module
from models.features import (
    FEATURE_NAMES,
    OPTIONAL_FIELDS,
    ORDINAL_LEVELS,
    UNKNOWN_ENCODING,
    UNKNOWN_GRID,
    _encode_answer,
    encode,
)
from models.questionnaire import Questionnaire
from tests.support import answers

REQUIRED = answers(requests_per_day=999, mlops_capacity="limited", risk_domain="health")


def test_vector_has_one_value_per_named_feature() -> None:
    vector = encode(questionnaire=Questionnaire.model_validate(REQUIRED))
    assert len(vector) == len(FEATURE_NAMES) == len(set(FEATURE_NAMES))
    named = dict(zip(FEATURE_NAMES, vector, strict=True))
    assert named["narrowness"] == 1.0
    assert named["high_stakes"] == 1.0
    assert named["log_requests_per_day"] == math.log10(1000)


def test_every_feature_is_documented_in_the_module_docstring() -> None:
    doc = features_module.__doc__ or ""
    for name in FEATURE_NAMES:
        stem = name.removeprefix("gap_")
        assert f"`{name}`" in doc or (name.startswith("gap_") and stem in doc)


def test_ordinal_scales_run_from_zero_to_one_in_order() -> None:
    for levels in ORDINAL_LEVELS.values():
        values = list(levels.values())
        assert values == sorted(values)
        assert values[0] == 0.0 and values[-1] == 1.0


def test_every_optional_answer_has_an_unknown_encoding() -> None:
    assert set(UNKNOWN_ENCODING) == set(OPTIONAL_FIELDS) == set(UNKNOWN_GRID)


def test_unknown_encoding_is_strictly_inside_the_known_range() -> None:
    extremes = {
        "labeled_examples": (0, 100_000_000),
        "prompt_baseline_score": (0.0, 1.0),
        "latency_budget_ms": (1, 600_000),
    }
    for field, encoded in UNKNOWN_ENCODING.items():
        values = list(UNKNOWN_GRID[field]) + list(extremes.get(field, ()))
        known = [_encode_answer(field=field, value=v) for v in values]
        for name, imputed in encoded.items():
            column = [k[name] for k in known]
            assert min(column) < imputed < max(column), (field, name)


def test_counts_saturate_but_never_decrease() -> None:
    previous = -1.0
    for n in (0, 1, 10, 1_000, 100_000, 100_000_000):
        value = _encode_answer(field="labeled_examples", value=n)["log_labeled_examples"]
        assert value >= previous
        previous = value
    assert previous == 5.0


def test_every_feature_has_an_encoding_description() -> None:
    from models.features import FEATURE_ENCODING, FEATURE_SOURCE

    assert list(FEATURE_ENCODING) == list(FEATURE_NAMES) == list(FEATURE_SOURCE)
