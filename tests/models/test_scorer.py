"""The scikit-learn contract of the scorer and its sign constraints."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.validation import check_is_fitted

from models.scorer import MonotoneOvRScorer


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 1, size=(300, 3))
    # column 0 helps approach "a"; column 1 hurts it; approach "b" follows column 2
    a = (x[:, 0] - x[:, 1] + rng.normal(0, 0.2, 300) > 0).astype(int)
    b = (x[:, 2] + rng.normal(0, 0.2, 300) > 0.5).astype(int)
    return x, np.column_stack([a, b])


def test_init_only_stores_parameters_and_clone_works() -> None:
    scorer = MonotoneOvRScorer(approaches=("a", "b"), C=2.0)
    params = scorer.get_params()
    assert params["C"] == 2.0 and params["approaches"] == ("a", "b")
    assert not [k for k in vars(scorer) if k.endswith("_")]
    copy = clone(scorer)
    assert copy.get_params() == params
    with pytest.raises(NotFittedError):
        check_is_fitted(copy)


def test_fit_returns_self_and_learns_trailing_underscore_state() -> None:
    x, y = _data()
    scorer = MonotoneOvRScorer(approaches=("a", "b"), feature_names=("up", "down", "other"))
    assert scorer.fit(x, y) is scorer
    check_is_fitted(scorer)
    assert scorer.coef_.shape == (2, 3) and scorer.intercept_.shape == (2,)
    assert scorer.coef_[0, 0] > 0 > scorer.coef_[0, 1]
    proba = scorer.predict_proba(x)
    assert proba.shape == (300, 2) and np.all((proba >= 0) & (proba <= 1))
    assert np.allclose(proba, 1 / (1 + np.exp(-scorer.decision_function(x))))
    assert set(np.unique(scorer.predict(x))) <= {0, 1}


def test_wrong_signed_features_are_zeroed_and_recorded() -> None:
    x, y = _data()
    scorer = MonotoneOvRScorer(
        approaches=("a", "b"),
        feature_names=("up", "down", "other"),
        sign_constraints={"a": {"down": 1}},
    ).fit(x, y)
    assert scorer.coef_[0, 1] == 0.0
    assert scorer.dropped_features_ == {"a": ["down"], "b": []}
    assert scorer.coef_[0, 0] > 0


def test_fitting_is_deterministic() -> None:
    x, y = _data()
    first = MonotoneOvRScorer(approaches=("a", "b")).fit(x, y)
    second = MonotoneOvRScorer(approaches=("a", "b")).fit(x, y)
    assert np.array_equal(first.coef_, second.coef_)
    assert np.array_equal(first.intercept_, second.intercept_)


def test_shape_mismatch_is_refused() -> None:
    x, y = _data()
    with pytest.raises(ValueError, match="disagree"):
        MonotoneOvRScorer(approaches=("a",)).fit(x, y)
