"""The scikit-learn contract of the scorer, its exact bounds, offsets and Platt scaling."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from models.scorer import BoundedOvRScorer, fit_platt


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 1, size=(300, 3))
    # column 0 helps approach "a"; column 1 hurts it; approach "b" follows column 2
    a = (x[:, 0] - x[:, 1] + rng.normal(0, 0.2, 300) > 0).astype(int)
    b = (x[:, 2] + rng.normal(0, 0.2, 300) > 0.5).astype(int)
    return x, np.column_stack([a, b])


def test_init_only_stores_parameters_and_clone_works() -> None:
    scorer = BoundedOvRScorer(approaches=("a", "b"), C=2.0, cap=1.5)
    params = scorer.get_params()
    assert params["C"] == 2.0 and params["cap"] == 1.5 and params["approaches"] == ("a", "b")
    assert not [k for k in vars(scorer) if k.endswith("_")]
    copy = clone(scorer)
    assert copy.get_params() == params
    with pytest.raises(NotFittedError):
        check_is_fitted(copy)


def test_fit_returns_self_and_learns_trailing_underscore_state() -> None:
    x, y = _data()
    scorer = BoundedOvRScorer(approaches=("a", "b"), feature_names=("up", "down", "other"),
                              cap=100.0)
    assert scorer.fit(x, y) is scorer
    check_is_fitted(scorer)
    assert scorer.coef_.shape == (2, 3) and scorer.intercept_.shape == (2,)
    assert scorer.coef_[0, 0] > 0 > scorer.coef_[0, 1]
    proba = scorer.predict_proba(x)
    assert proba.shape == (300, 2) and np.all((proba >= 0) & (proba <= 1))
    assert np.allclose(proba, 1 / (1 + np.exp(-scorer.decision_function(x))))
    assert set(np.unique(scorer.predict(x))) <= {0, 1}


def test_without_binding_bounds_it_matches_scikit_learns_logistic_regression() -> None:
    x, y = _data()
    ours = BoundedOvRScorer(approaches=("a", "b"), cap=1e6, C=3.0).fit(x, y)
    for row in range(2):
        theirs = LogisticRegression(C=3.0, tol=1e-12, max_iter=10_000).fit(x, y[:, row])
        assert np.allclose(ours.coef_[row], theirs.coef_[0], atol=1e-5)
        assert ours.intercept_[row] == pytest.approx(theirs.intercept_[0], abs=1e-5)


def test_signs_and_the_cap_hold_exactly() -> None:
    x, y = _data()
    scorer = BoundedOvRScorer(
        approaches=("a", "b"), feature_names=("up", "down", "other"),
        sign_constraints={"a": {"down": 1, "other": 0}}, feature_ranges={"up": 2.0},
        cap=1.0, caps={"other": 0.25}, C=1e4,
    ).fit(x, y)
    assert scorer.coef_[0, 1] == 0.0  # wrong-signed evidence pins it at its bound, 0
    assert scorer.coef_[0, 2] == 0.0  # fixed at zero
    assert abs(scorer.coef_[0, 0]) * 2.0 <= 1.0 + 1e-12  # |coef| x range <= cap
    assert abs(scorer.coef_[1, 2]) <= 0.25 + 1e-12  # a feature's own cap
    assert scorer.coef_[0, 0] == pytest.approx(0.5)  # the cap binds: the data wants more


def test_offsets_are_fixed_log_odds_the_fit_works_around() -> None:
    x, y = _data()
    shift = np.full(y.shape, 2.0)
    plain = BoundedOvRScorer(approaches=("a", "b"), cap=1e6).fit(x, y)
    moved = BoundedOvRScorer(approaches=("a", "b"), cap=1e6).fit(x, y, shift)
    assert np.allclose(moved.coef_, plain.coef_, atol=1e-6)
    assert np.allclose(moved.intercept_, plain.intercept_ - 2.0, atol=1e-6)
    assert np.allclose(moved.decision_function(x, shift), plain.decision_function(x), atol=1e-6)


def test_fitting_is_deterministic() -> None:
    x, y = _data()
    first = BoundedOvRScorer(approaches=("a", "b")).fit(x, y)
    second = BoundedOvRScorer(approaches=("a", "b")).fit(x, y)
    assert np.array_equal(first.coef_, second.coef_)
    assert np.array_equal(first.intercept_, second.intercept_)


def test_shape_mismatch_is_refused() -> None:
    x, y = _data()
    with pytest.raises(ValueError, match="disagree"):
        BoundedOvRScorer(approaches=("a",)).fit(x, y)


def test_platt_tempers_an_overconfident_score_and_never_stretches() -> None:
    rng = np.random.default_rng(3)
    truth = rng.normal(0, 1, 4000)
    y = (rng.random(4000) < 1 / (1 + np.exp(-truth))).astype(float)
    slope, shift = fit_platt(logits=3 * truth, targets=y)
    assert slope == pytest.approx(1 / 3, abs=0.03) and abs(shift) < 0.1
    slope, _ = fit_platt(logits=truth / 3, targets=y)
    assert slope == 1.0  # under-confident logits may not be stretched past their cap
