"""The joint scorer's vectorised named-feature sum against the plain per-unit sum it replaces."""

from __future__ import annotations

import math
import random

import numpy as np

from models.reading.model import ReaderModel


def _per_unit(*, model: ReaderModel, out: np.ndarray,
              features: list[tuple[set[str], set[str]]]) -> None:
    """The reference: each unit's known weights summed, lexical ones scaled by 1/sqrt(count)."""
    for row, (lexical, flags) in enumerate(features):
        known = [model.index[f] for f in lexical if f in model.index]
        if known:
            out[row] += model.named[known].sum(axis=0) / math.sqrt(len(lexical))
        known = [model.index[f] for f in flags if f in model.index]
        if known:
            out[row] += model.named[known].sum(axis=0)


def test_named_features_sum_to_the_same_bits_as_the_per_unit_loop() -> None:
    model = ReaderModel.load()
    names = sorted(model.index)
    lexical_names = [n for n in names if not n.startswith("p:")]
    flag_names = [n for n in names if n.startswith("p:")]
    rng = random.Random(3)
    for _ in range(40):
        units = rng.randint(1, 14)
        features = [({*rng.sample(lexical_names, rng.randint(0, 60)), "w:unknownword"}
                     if rng.random() > 0.1 else set(),
                     set(rng.sample(flag_names, rng.randint(0, 4))) | {"p:unknown"})
                    for _ in range(units)]
        start = np.random.default_rng(rng.randint(0, 99)).normal(size=(units,
                                                                       model.named.shape[1]))
        expected, got = start.copy(), start.copy()
        _per_unit(model=model, out=expected, features=features)
        model._add_named(out=got, features=features)
        assert np.array_equal(got, expected)
        assert not np.array_equal(got, start) or not any(a or b for a, b in features)


def test_all_fields_softmax_is_each_fields_softmax_to_the_bit() -> None:
    model = ReaderModel.load()
    rng = np.random.default_rng(5)
    for scale in (0.1, 1.0, 8.0, 40.0):
        logits = rng.normal(scale=scale, size=(int(rng.integers(1, 16)), model.named.shape[1]))
        every = model.softmax(logits=logits)
        for name, spec in model.fields.items():
            part = every[:, spec.columns]
            assert np.array_equal(part, model.probabilities(logits=logits, field=name)), name
            assert np.allclose(part.sum(axis=1), 1.0)
