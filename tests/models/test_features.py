"""Feature encoding: names, orientation, documentation, ranges and reference answers."""

from __future__ import annotations

import math

import models.features as features_module
from models.features import (
    ANSWER_FIELDS,
    ENCODINGS,
    FEATURE_NAMES,
    FEATURE_RANGE,
    MODEL_FEATURES,
    ORDINAL_LEVELS,
    RULED_OUT_FEATURES,
    answers_of,
    centred_features,
    encode_answer,
    reference_encoding,
)
from models.questionnaire import Questionnaire
from tests.support import answers

REQUIRED = answers(requests_per_day=999, mlops_capacity="limited", risk_domain="health")
ZERO = {name: 0.0 for name in FEATURE_NAMES}


def test_centred_features_name_every_answer_feature_once() -> None:
    plain = answers_of(questionnaire=Questionnaire.model_validate(REQUIRED))
    named = centred_features(answers=plain, reference=ZERO)
    assert list(named) == list(FEATURE_NAMES) == list(dict.fromkeys(FEATURE_NAMES))
    assert named["narrowness"] == 1.0
    assert named["high_stakes"] == 1.0
    assert named["log_requests_per_day"] == math.log10(1000)
    assert MODEL_FEATURES == FEATURE_NAMES + RULED_OUT_FEATURES


def test_an_unknown_answer_is_read_as_its_reference_and_adds_nothing() -> None:
    plain = answers_of(questionnaire=Questionnaire.model_validate(REQUIRED))
    reference = {name: 0.3 for name in FEATURE_NAMES}
    named = centred_features(answers=plain, reference=reference)
    for field in ANSWER_FIELDS:
        for name in ENCODINGS[field].features:
            if plain[field] is None:
                assert named[name] == 0.0
            else:
                encoded = encode_answer(field=field, value=plain[field])[name]
                assert named[name] == encoded - 0.3


def test_declared_references_are_not_ready_answers_and_the_rest_are_means() -> None:
    assert reference_encoding(field="data_quality", seen=["clean"]) == {"data_quality": 0.5}
    assert reference_encoding(field="success_metric_defined", seen=[True]) == {
        "success_metric_defined": 0.0}
    assert reference_encoding(field="workflow_stability", seen=[]) == {"workflow_stability": 0.5}
    mean = reference_encoding(field="needs_private_context", seen=[True, False, False, True])
    assert mean == {"needs_private_context": 0.5}
    gaps = reference_encoding(field="primary_gap", seen=["knowledge", "format"])
    assert gaps["gap_knowledge"] == gaps["gap_format"] == 0.5 and gaps["gap_style"] == 0.0


def test_feature_ranges_cover_every_valid_answer() -> None:
    extremes = {"requests_per_day": (0, 1_000_000_000), "labeled_examples": (0, 100_000_000),
                "prompt_baseline_score": (0.0, 1.0), "latency_budget_ms": (1, 600_000),
                "knowledge_size_tokens": (0, 1_000_000_000_000)}
    for field, (low, high) in extremes.items():
        for name in ENCODINGS[field].features:
            span = (encode_answer(field=field, value=high)[name]
                    - encode_answer(field=field, value=low)[name])
            assert 0 < span <= FEATURE_RANGE[name] + 1e-12, field
    assert all(FEATURE_RANGE[f] == 1.0 for f in RULED_OUT_FEATURES)


def test_every_feature_is_documented_in_the_module_docstring() -> None:
    doc = features_module.__doc__ or ""
    assert "`ruled_out:<approach>`" in doc
    for name in FEATURE_NAMES:
        stem = name.removeprefix("gap_")
        assert f"`{name}`" in doc or (name.startswith("gap_") and stem in doc)


def test_ordinal_scales_run_from_zero_to_one_in_order() -> None:
    for levels in ORDINAL_LEVELS.values():
        values = list(levels.values())
        assert values == sorted(values)
        assert values[0] == 0.0 and values[-1] == 1.0


def test_counts_saturate_but_never_decrease() -> None:
    previous = -1.0
    for n in (0, 1, 10, 1_000, 100_000, 100_000_000):
        value = encode_answer(field="labeled_examples", value=n)["log_labeled_examples"]
        assert value >= previous
        previous = value
    assert previous == 5.0


def test_every_feature_has_an_encoding_description() -> None:
    from models.features import FEATURE_ENCODING, FEATURE_SOURCE

    assert list(FEATURE_ENCODING) == list(FEATURE_NAMES) == list(FEATURE_SOURCE)
