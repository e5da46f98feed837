"""One-vs-rest logistic scorer whose coefficients obey sign constraints and a cap, exactly.

Why one-vs-rest rather than multinomial: the targets are multi-label. A `rag_and_fine_tuning`
case is a positive example for both `rag` and `fine_tuning`, so each approach gets its own binary
model answering "does this approach belong in the solution?". A softmax would force rag and
fine_tuning to compete for one unit of probability exactly where they belong together. Each score
stays a readable sigmoid of one linear logit, which the advisor explains term by term.

Fit: per approach, minimise the L2-penalised logistic loss
    sum_i log(1 + exp(z_i)) - y_i z_i + ||w||^2 / (2C),   z_i = offset_i + b + w . x_i
with L-BFGS-B under box bounds, so the constraints hold exactly rather than by refitting:
- sign: `sign_constraints[approach][feature]` = +1 keeps w >= 0, -1 keeps w <= 0, 0 fixes w = 0;
- cap: |w| x range(feature) <= cap (or `caps[feature]`), so no single learned term can move a
  logit by more than the cap anywhere in the feature's range.
`offset` carries fixed log-odds (the seed rules) that the fit works around but never changes.
Because the features are monotone encodings of the answers, the signs make scores monotone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import minimize
from sklearn.base import BaseEstimator
from threadpoolctl import threadpool_limits

Bounds = list[tuple[float | None, float | None]]


def _loss(
    theta: NDArray[np.float64], x: NDArray[np.float64], y: NDArray[np.float64],
    offset: NDArray[np.float64], penalty: float,
) -> tuple[float, NDArray[np.float64]]:
    """Penalised logistic loss and its gradient; theta[0] is the unpenalised intercept."""
    z = offset + theta[0] + x @ theta[1:]
    p = 1.0 / (1.0 + np.exp(-z))
    w = theta[1:]
    loss = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * penalty * (w @ w))
    g = p - y
    return loss, np.concatenate([[g.sum()], x.T @ g + penalty * w])


class BoundedOvRScorer(BaseEstimator):
    """Independent binary logistic models, one per approach, with bounded coefficients."""

    def __init__(
        self,
        *,
        approaches: Sequence[str] = ("prompt_engineering", "rag", "fine_tuning"),
        feature_names: Sequence[str] = (),
        sign_constraints: Mapping[str, Mapping[str, int]] | None = None,
        feature_ranges: Mapping[str, float] | None = None,
        cap: float = 3.0,
        caps: Mapping[str, float] | None = None,
        C: float = 1.0,
        max_iter: int = 15_000,
    ) -> None:
        self.approaches = approaches
        self.feature_names = feature_names
        self.sign_constraints = sign_constraints
        self.feature_ranges = feature_ranges
        self.cap = cap
        self.caps = caps
        self.C = C
        self.max_iter = max_iter

    def _names(self, *, width: int) -> list[str]:
        names = list(self.feature_names) or [f"x{i}" for i in range(width)]
        if len(names) != width:
            raise ValueError("X and feature_names disagree in shape")
        return names

    def bounds_for(self, *, approach: str, names: Sequence[str]) -> Bounds:
        """Box bounds for [intercept, w...]: the sign table intersected with the cap."""
        signs = (self.sign_constraints or {}).get(approach, {})
        ranges = self.feature_ranges or {}
        caps = self.caps or {}
        out: Bounds = [(None, None)]
        for name in names:
            limit = caps.get(name, self.cap) / ranges.get(name, 1.0)
            sign = signs.get(name)
            low, high = -limit, limit
            if sign == 1:
                low = 0.0
            elif sign == -1:
                high = 0.0
            elif sign == 0:
                low = high = 0.0
            out.append((low, high))
        return out

    def fit(self, X: ArrayLike, Y: ArrayLike, offset: ArrayLike | None = None) -> BoundedOvRScorer:
        """Fit one bounded model per approach; Y and offset have one column per approach."""
        x = np.asarray(X, dtype=float)
        y = np.asarray(Y, dtype=float)
        names = self._names(width=x.shape[1])
        off = np.zeros(y.shape) if offset is None else np.asarray(offset, dtype=float)
        if y.shape != (x.shape[0], len(self.approaches)) or off.shape != y.shape:
            raise ValueError("X, Y, offset and approaches disagree in shape")
        coef = np.zeros((len(self.approaches), x.shape[1]))
        intercept = np.zeros(len(self.approaches))
        iterations = []
        # One BLAS thread: the solver makes many tiny BLAS calls, which threads only slow down
        # (and one thread keeps every sum in the same order, run after run).
        with threadpool_limits(limits=1, user_api="blas"):
            for row, approach in enumerate(self.approaches):
                result = minimize(
                    _loss, np.zeros(x.shape[1] + 1),
                    args=(x, y[:, row], off[:, row], 1.0 / self.C), jac=True, method="L-BFGS-B",
                    bounds=self.bounds_for(approach=approach, names=names),
                    options={"maxiter": self.max_iter, "ftol": 1e-15, "gtol": 1e-10},
                )
                intercept[row], coef[row] = result.x[0], result.x[1:]
                iterations.append(int(result.nit))
        self.coef_ = coef
        self.intercept_ = intercept
        self.n_iter_ = np.asarray(iterations)
        self.feature_names_in_ = np.asarray(names, dtype=object)
        self.n_features_in_ = x.shape[1]
        self.classes_ = np.asarray(self.approaches, dtype=object)
        return self

    def decision_function(
        self, X: ArrayLike, offset: ArrayLike | None = None
    ) -> NDArray[np.float64]:
        """Logits, one column per approach (fixed offsets included when given)."""
        z = np.asarray(X, dtype=float) @ self.coef_.T + self.intercept_
        return np.asarray(z if offset is None else z + np.asarray(offset, dtype=float))

    def predict_proba(self, X: ArrayLike, offset: ArrayLike | None = None) -> NDArray[np.float64]:
        """Independent per-approach probabilities (rows need not sum to one)."""
        return np.asarray(1.0 / (1.0 + np.exp(-self.decision_function(X, offset))))

    def predict(self, X: ArrayLike, offset: ArrayLike | None = None) -> NDArray[np.int_]:
        """Per-approach 0/1 decisions at probability 0.5."""
        return (self.predict_proba(X, offset) >= 0.5).astype(int)


def fit_platt(
    *, logits: ArrayLike, targets: ArrayLike, max_slope: float = 1.0
) -> tuple[float, float]:
    """Platt scaling a x z + b on held-out logits, by log-loss, with 0 < a <= max_slope.

    The slope may only shrink logits: calibration can temper an over-confident model but never
    stretch a learned term past its cap.
    """
    z = np.asarray(logits, dtype=float)
    y = np.asarray(targets, dtype=float)

    def loss(t: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        u = t[0] * z + t[1]
        g = 1.0 / (1.0 + np.exp(-u)) - y
        return float(np.sum(np.logaddexp(0.0, u) - y * u)), np.array([g @ z, g.sum()])

    with threadpool_limits(limits=1, user_api="blas"):
        result = minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B",
                          bounds=[(1e-3, max_slope), (None, None)],
                          options={"ftol": 1e-15, "gtol": 1e-10})
    return float(result.x[0]), float(result.x[1])
