"""One-vs-rest logistic scorer with sign-constrained coefficients (monotone by construction).

Why one-vs-rest rather than multinomial: the targets are multi-label. A `rag_and_fine_tuning`
case is a positive example for both `rag` and `fine_tuning`, so each approach gets its own binary
LogisticRegression answering "does this approach belong in the solution?". A softmax would force
rag and fine_tuning to compete for one unit of probability exactly where they belong together,
and its scores could not show "both are strong". Independent binary models also keep every score
a readable sigmoid of one linear logit, which the advisor explains term by term.

Monotonicity: `sign_constraints[approach][feature] = +1` (or -1) requires that coefficient to be
>= 0 (or <= 0). After each fit, the worst wrong-signed constrained coefficient is zeroed by
dropping that feature for that approach, and the model is refit; this repeats until every
constrained coefficient has the right sign. Because the features are monotone encodings of the
answers (`models/features.py`), the score is then monotone in those answers for every input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression


class MonotoneOvRScorer(BaseEstimator):
    """Independent binary logistic models, one per approach, with sign-constrained features."""

    def __init__(
        self,
        *,
        approaches: Sequence[str] = ("prompt_engineering", "rag", "fine_tuning"),
        feature_names: Sequence[str] = (),
        sign_constraints: Mapping[str, Mapping[str, int]] | None = None,
        C: float = 1.0,
        max_iter: int = 1000,
    ) -> None:
        self.approaches = approaches
        self.feature_names = feature_names
        self.sign_constraints = sign_constraints
        self.C = C
        self.max_iter = max_iter

    def fit(self, X: ArrayLike, Y: ArrayLike) -> MonotoneOvRScorer:
        """Fit one constrained binary model per approach; Y has one 0/1 column per approach."""
        x = np.asarray(X, dtype=float)
        y = np.asarray(Y, dtype=int)
        names = list(self.feature_names) or [f"x{i}" for i in range(x.shape[1])]
        if len(names) != x.shape[1] or y.shape != (x.shape[0], len(self.approaches)):
            raise ValueError("X, Y, feature_names and approaches disagree in shape")
        constraints = self.sign_constraints or {}
        coef = np.zeros((len(self.approaches), x.shape[1]))
        intercept = np.zeros(len(self.approaches))
        dropped: dict[str, list[str]] = {}
        for row, approach in enumerate(self.approaches):
            signs = {names.index(f): s for f, s in constraints.get(approach, {}).items()}
            coef[row], intercept[row], gone = self._fit_one(x=x, y=y[:, row], signs=signs)
            dropped[approach] = [names[i] for i in gone]
        self.coef_ = coef
        self.intercept_ = intercept
        self.dropped_features_ = dropped
        self.feature_names_in_ = np.asarray(names, dtype=object)
        self.n_features_in_ = x.shape[1]
        self.classes_ = np.asarray(self.approaches, dtype=object)
        return self

    def _fit_one(
        self, *, x: NDArray[np.float64], y: NDArray[np.int_], signs: dict[int, int]
    ) -> tuple[NDArray[np.float64], float, list[int]]:
        """Refit with the worst wrong-signed feature removed until all signs hold."""
        active = list(range(x.shape[1]))
        gone: list[int] = []
        while True:
            model = LogisticRegression(C=self.C, max_iter=self.max_iter, solver="newton-cholesky")
            model.fit(x[:, active], y)
            weights = dict(zip(active, model.coef_[0], strict=True))
            wrong = {i: w * signs[i] for i, w in weights.items() if i in signs and w * signs[i] < 0}
            if not wrong:
                full = np.zeros(x.shape[1])
                for i, w in weights.items():
                    full[i] = w
                return full, float(model.intercept_[0]), sorted(gone)
            worst = min(wrong, key=lambda i: (wrong[i], i))
            active.remove(worst)
            gone.append(worst)

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logits, one column per approach."""
        x = np.asarray(X, dtype=float)
        return np.asarray(x @ self.coef_.T + self.intercept_, dtype=float)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Independent per-approach probabilities (rows need not sum to one)."""
        return np.asarray(1.0 / (1.0 + np.exp(-self.decision_function(X))), dtype=float)

    def predict(self, X: ArrayLike) -> NDArray[np.int_]:
        """Per-approach 0/1 decisions at probability 0.5."""
        return (self.predict_proba(X) >= 0.5).astype(int)
