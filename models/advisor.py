"""The advisor at inference time: artifact JSON in, explained recommendation out (no sklearn).

Per approach, logit = intercept + Σ coefficient × feature + Σ rule log-odds × degree, and
score = sigmoid(logit). Every one of those terms is returned as a contribution (rule terms as
feature `rule:<id>`), so intercept + contributions equals the logit exactly.

Recommendation (four-way): constraint rules first narrow the options (`forbid_fine_tuning`,
`require_retrieval`). The answer is `rag_and_fine_tuning` when fine-tuning is allowed, its score
reaches `both_threshold` (0.5: the independent binary model says "fine-tuning belongs in the
solution"), and retrieval belongs too (a constraint requires it or its score also reaches 0.5).
Otherwise the best-scoring allowed single approach wins (ties go to the simpler one: prompting,
then retrieval, then fine-tuning).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.conditions import compile_condition, degree, fields_of
from models.features import FEATURE_NAMES, FEATURE_SOURCE, answers_of, encode_answers
from models.questionnaire import Questionnaire
from models.result import ModelResult
from models.vocabulary import APPROACHES, Approach, Recommendation

DEFAULT_ARTIFACT = Path(__file__).with_name("artifact.json")
SINGLE_ORDER = APPROACHES  # tie-break: the simpler approach first
RULE_KEYS = (
    "id", "message", "effect", "approach", "log_odds", "constraint", "source", "mistake"
)


def sigmoid(*, x: float) -> float:
    """Numerically safe logistic function."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def recommend(
    *, scores: Mapping[str, float], constraints: set[str], both_threshold: float
) -> str:
    """Four-way recommendation from per-approach scores and the constraints that fired."""
    singles = list(SINGLE_ORDER)
    hybrid_allowed = "forbid_fine_tuning" not in constraints
    if "forbid_fine_tuning" in constraints:
        singles.remove("fine_tuning")
    if "require_retrieval" in constraints:
        singles = [a for a in singles if a == "rag"]
    rag_needed = "require_retrieval" in constraints or scores["rag"] >= both_threshold
    if hybrid_allowed and rag_needed and scores["fine_tuning"] >= both_threshold:
        return "rag_and_fine_tuning"
    return max(singles, key=lambda a: (scores[a], -SINGLE_ORDER.index(a)))


@dataclass(frozen=True)
class Decision:
    """The part of a result that decides: enough to compare what-if answers."""

    recommendation: Recommendation
    scores: dict[Approach, float]


class Advisor:
    """Scores a questionnaire with the coefficients and rules stored in one artifact."""

    model_version: str
    rules_version: str
    artifact: dict[str, Any]

    def __init__(self, *, artifact: dict[str, Any]) -> None:
        if tuple(artifact["features"]) != FEATURE_NAMES:
            raise ValueError("artifact features do not match models.features; retrain")
        self.artifact = artifact
        self.model_version = str(artifact["version"])
        self.rules_version = str(artifact["rules_version"])
        self.both_threshold = float(artifact["thresholds"]["rag_and_fine_tuning"])
        self._coef = {a: artifact["coefficients"][a] for a in APPROACHES}
        self._intercept = {a: float(artifact["intercepts"][a]) for a in APPROACHES}
        self._prior = {a: float(artifact["rules_only"]["intercepts"][a]) for a in APPROACHES}
        self._rules = [
            (rule, compile_condition(condition=rule["when"]), fields_of(condition=rule["when"]))
            for rule in artifact["rules"]
        ]
        self._public = [{k: rule.get(k) for k in RULE_KEYS} for rule in artifact["rules"]]
        self._warnings = [
            (
                {k: w.get(k) for k in ("id", "message", "severity", "mistake", "source")},
                compile_condition(condition=w["when"]),
            )
            for w in artifact["warnings"]
        ]
        self._degree_cache: dict[tuple[int, tuple[Any, ...]], float] = {}

    @classmethod
    def load(cls, *, path: Path | None = None) -> Advisor:
        """Read an artifact (default: the committed `models/artifact.json`)."""
        target = path or DEFAULT_ARTIFACT
        return cls(artifact=json.loads(target.read_text(encoding="utf-8")))

    def assess(self, *, questionnaire: Questionnaire) -> ModelResult:
        """The full model: learned feature terms plus rule adjustments, then constraints."""
        return self._run(questionnaire=questionnaire, learned=True)

    def assess_rules_only(self, *, questionnaire: Questionnaire) -> ModelResult:
        """Baseline for evaluation: base-rate intercepts plus rule adjustments only."""
        return self._run(questionnaire=questionnaire, learned=False)

    def decide(self, *, questionnaire: Questionnaire) -> Decision:
        """Recommendation and scores only: what-if searches call this dozens of times a request."""
        answers = answers_of(questionnaire=questionnaire)
        logits, _, constraints = self._logits(answers=answers, learned=True, out=None)
        scores = {Approach(a): sigmoid(x=logits[a]) for a in APPROACHES}
        choice = recommend(
            scores={a.value: v for a, v in scores.items()}, constraints=constraints,
            both_threshold=self.both_threshold,
        )
        return Decision(recommendation=Recommendation(choice), scores=scores)

    def _logits(
        self, *, answers: dict[str, Any], learned: bool, out: list[dict[str, Any]] | None
    ) -> tuple[dict[str, float], list[dict[str, Any]], set[str]]:
        """Intercept + feature terms + rule terms per approach; terms go to `out` when given."""
        logits = dict(self._intercept if learned else self._prior)
        terms: list[dict[str, Any]] = [] if out is None else out
        if learned:
            features = encode_answers(answers=answers)
            for approach in APPROACHES:
                coef = self._coef[approach]
                total = 0.0
                for name in FEATURE_NAMES:
                    value = coef[name] * features[name]
                    total += value
                    if out is not None:
                        out.append(
                            {"approach": approach, "feature": name,
                             "answer": answers[FEATURE_SOURCE[name]], "value": value}
                        )
                logits[approach] += total
        fired, constraints = self._apply_rules(answers=answers, logits=logits, out=terms)
        return logits, fired, constraints

    def _run(self, *, questionnaire: Questionnaire, learned: bool) -> ModelResult:
        answers = answers_of(questionnaire=questionnaire)
        contributions: list[dict[str, Any]] = []
        logits, fired, constraints = self._logits(
            answers=answers, learned=learned, out=contributions
        )
        scores = {a: sigmoid(x=logits[a]) for a in APPROACHES}
        choice = recommend(
            scores=scores, constraints=constraints, both_threshold=self.both_threshold
        )
        return ModelResult.model_validate(
            {
                "recommendation": choice,
                "scores": scores,
                "logits": logits,
                "intercepts": self._intercept if learned else self._prior,
                "rules": fired,
                "contributions": contributions,
                "warnings": self._fire_warnings(answers={**answers, "recommendation": choice}),
                "model_version": self.model_version if learned
                else f"{self.model_version}+rules-only",
            }
        )

    def _apply_rules(
        self, *, answers: dict[str, Any], logits: dict[str, float], out: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], set[str]]:
        """Add log-odds rule terms to the logits and collect fired rules and constraints."""
        fired: list[dict[str, Any]] = []
        constraints: set[str] = set()
        for index, (rule, predicate, fields) in enumerate(self._rules):
            if rule["effect"] == "constraint":
                if predicate(answers):
                    constraints.add(rule["constraint"])
                    fired.append({**self._public[index], "weight": 1.0})
                continue
            share = self._degree(index=index, key=tuple(answers[f] for f in fields))
            if share <= 0.0:
                continue
            value = float(rule["log_odds"]) * share
            logits[rule["approach"]] += value
            out.append(
                {"approach": rule["approach"], "feature": f"rule:{rule['id']}", "value": value}
            )
            public = {**self._public[index], "log_odds": value, "weight": share}
            if share < 1.0:
                # Partly fired on unanswered questions: say so instead of stating it as fact.
                unknown = ", ".join(f for f in fields if answers.get(f) is None)
                public["message"] = (
                    f"Unconfirmed ({share:.0%} weight; depends on unanswered {unknown}): "
                    f"{public['message']}"
                )
            fired.append(public)
        return fired, constraints

    def _degree(self, *, index: int, key: tuple[Any, ...]) -> float:
        """Memoised condition degree: it depends only on the few answers a rule reads."""
        cached = self._degree_cache.get((index, key))
        if cached is None:
            _, predicate, fields = self._rules[index]
            answers = dict(zip(fields, key, strict=True))
            cached = degree(predicate=predicate, fields=fields, answers=answers)
            if len(self._degree_cache) < 65_536:
                self._degree_cache[(index, key)] = cached
        return cached

    def _fire_warnings(self, *, answers: dict[str, Any]) -> list[dict[str, Any]]:
        """Warnings whose conditions hold for these answers and this recommendation."""
        return [public for public, predicate in self._warnings if predicate(answers)]
