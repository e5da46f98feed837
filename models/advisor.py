"""The advisor at inference time: artifact JSON in, explained recommendation out (no sklearn).

Per approach a: logit = intercept + sum of coefficient x feature + slope x sum of rule log-odds x
share, and score = sigmoid(logit). The features are the answers' encodings minus their reference
(an unknown answer adds nothing) and the `ruled_out:<approach>` indicators; a rule's share is 1 or
0 on known answers and its expected value over the training cases' answers on unknown ones
(`models/scoring.py`). `slope` is the calibration slope already folded into the coefficients
(`models/training.py`). Every term is returned as a contribution (rule terms as feature
`rule:<id>`), so intercept + contributions equals the logit exactly.

The recommendation (`recommend`) never contains an approach a constraint rules out, and always
contains the best-scoring approach that is not ruled out. `ruled_out` says which rules did it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.asking import Answer
from models.batch_scoring import BatchScorer
from models.conditions import compile_condition
from models.features import FEATURE_SOURCE, MODEL_FEATURES, answers_of
from models.questionnaire import Questionnaire
from models.result import ModelResult
from models.scoring import Reader, Reading
from models.vocabulary import APPROACHES, Approach, Recommendation

DEFAULT_ARTIFACT = Path(__file__).with_name("artifact.json")
SINGLE_ORDER = APPROACHES  # tie-break: the simpler approach first
RULE_KEYS = (
    "id", "message", "effect", "approach", "log_odds", "constraint", "source", "mistake"
)
WARNING_KEYS = ("id", "message", "severity", "mistake", "source")
# Enum lookups done once: a what-if search builds dozens of decisions per request.
APPROACH_MEMBERS = tuple(Approach(a) for a in APPROACHES)
RECOMMENDATIONS = {r.value: r for r in Recommendation}


def sigmoid(*, x: float) -> float:
    """Numerically safe logistic function."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def recommend(
    *, scores: Mapping[str, float], ruled_out: Collection[str], both_threshold: float
) -> str:
    """Four-way recommendation: the best approach not ruled out, joined by its partner if due.

    Best prompting: prompting. Best retrieval: retrieval plus fine-tuning when fine-tuning is
    allowed and scores at least `both_threshold`. Best fine-tuning: retrieval plus fine-tuning
    when retrieval is allowed and either required (prompting ruled out) or scores at least the
    threshold. Ties go to the simpler approach.
    """
    allowed = [a for a in SINGLE_ORDER if a not in ruled_out] or list(SINGLE_ORDER)
    best = allowed[0]
    for approach in allowed[1:]:  # strictly better only: a tie stays with the simpler one
        if scores[approach] > scores[best]:
            best = approach
    if best == "rag":
        both = "fine_tuning" in allowed and scores["fine_tuning"] >= both_threshold
    elif best == "fine_tuning":
        needed = "prompt_engineering" not in allowed or scores["rag"] >= both_threshold
        both = "rag" in allowed and needed
    else:
        both = False
    return "rag_and_fine_tuning" if both else best


@dataclass(frozen=True)
class Decision:
    """The part of a result that decides: enough to compare what-if answers."""

    recommendation: Recommendation
    scores: dict[Approach, float]
    ruled_out: dict[str, list[str]]


class Advisor:
    """Scores a questionnaire with the coefficients and rules stored in one artifact."""

    model_version: str
    rules_version: str
    artifact: dict[str, Any]

    def __init__(self, *, artifact: dict[str, Any]) -> None:
        if tuple(artifact["features"]) != MODEL_FEATURES:
            raise ValueError("artifact features do not match models.features; retrain")
        self.artifact = artifact
        self.model_version = str(artifact["version"])
        self.rules_version = str(artifact["rules_version"])
        self.both_threshold = float(artifact["thresholds"]["rag_and_fine_tuning"])
        encoding = artifact["encoding"]
        self.answer_distribution: dict[str, list[list[Any]]] = encoding["answer_distribution"]
        seen = {f: [(v, float(n)) for v, n in pairs]
                for f, pairs in self.answer_distribution.items()}
        self._reader = Reader(reference=encoding["reference"], distribution=seen,
                              rules=artifact["rules"])
        self._coef = {a: artifact["coefficients"][a] for a in APPROACHES}
        self._intercept = {a: float(artifact["intercepts"][a]) for a in APPROACHES}
        self._slope = {a: float(artifact["calibration"]["slope"][a]) for a in APPROACHES}
        self._prior = {a: float(artifact["rules_only"]["intercepts"][a]) for a in APPROACHES}
        self._batch = BatchScorer(reader=self._reader, coefficients=self._coef,
                                  intercepts=self._intercept, slopes=self._slope)
        self._public = {rule["id"]: {k: rule.get(k) for k in RULE_KEYS}
                        for rule in artifact["rules"]}
        self._warnings = [
            ({k: w.get(k) for k in WARNING_KEYS}, compile_condition(condition=w["when"]))
            for w in artifact["warnings"]
        ]

    @classmethod
    def load(cls, *, path: Path | None = None) -> Advisor:
        """Read an artifact (default: the committed `models/artifact.json`)."""
        target = path or DEFAULT_ARTIFACT
        return cls(artifact=json.loads(target.read_text(encoding="utf-8")))

    def assess(self, *, questionnaire: Questionnaire) -> ModelResult:
        """The full model: learned terms plus calibrated rule terms, then the decision."""
        return self._run(questionnaire=questionnaire, learned=True)

    def assess_rules_only(self, *, questionnaire: Questionnaire) -> ModelResult:
        """Baseline for evaluation: base-rate intercepts plus rule adjustments only."""
        return self._run(questionnaire=questionnaire, learned=False)

    def decide(self, *, questionnaire: Questionnaire) -> Decision:
        """Recommendation and scores only: what-if searches call this dozens of times a request."""
        return self.decide_answers(answers=answers_of(questionnaire=questionnaire))

    def decide_answers(self, *, answers: Mapping[str, Any]) -> Decision:
        """`decide` on plain, already valid answers (None: unknown), skipping validation."""
        reading = self._reader.read(answers=answers)
        logits = self._logits(reading=reading, answers=answers, learned=True, out=None)
        return self._decision(logits=[logits[a] for a in APPROACHES], ruled_out=reading.ruled_out)

    def decide_many(
        self, *, base: Questionnaire, changes: Sequence[tuple[str, Answer]]
    ) -> list[Decision]:
        """`decide` on each one-answer change of `base` (plain, valid values), in one pass.

        Exactly what `decide` gives for each changed questionnaire (`models/batch_scoring.py`).
        """
        found = self._batch.score(base=answers_of(questionnaire=base), changes=changes)
        return [self._decision(logits=logits, ruled_out=ruled_out)
                for logits, ruled_out in found]

    def _decision(self, *, logits: Sequence[float], ruled_out: dict[str, list[str]]) -> Decision:
        """Scores and recommendation from the logits, in `APPROACHES` order."""
        scores = {a: sigmoid(x=x) for a, x in zip(APPROACHES, logits, strict=True)}
        choice = recommend(scores=scores, ruled_out=ruled_out, both_threshold=self.both_threshold)
        return Decision(recommendation=RECOMMENDATIONS[choice],
                        scores=dict(zip(APPROACH_MEMBERS, scores.values(), strict=True)),
                        ruled_out=ruled_out)

    def _logits(
        self, *, reading: Reading, answers: Mapping[str, Any], learned: bool,
        out: list[dict[str, Any]] | None,
    ) -> dict[str, float]:
        """Intercept + feature terms + rule terms per approach; terms go to `out` when given."""
        logits = dict(self._intercept if learned else self._prior)
        for approach in APPROACHES:
            terms: list[tuple[str, Any, float]] = []
            if learned:
                coef = self._coef[approach]
                terms = [(name, answers.get(FEATURE_SOURCE.get(name, "")),
                          coef[name] * reading.features[name]) for name in MODEL_FEATURES]
            slope = self._slope[approach] if learned else 1.0
            terms += [(f"rule:{t.rule['id']}", None, slope * float(t.rule["log_odds"]) * t.share)
                      for t in reading.rule_terms if t.rule["approach"] == approach]
            logits[approach] += math.fsum(value for _, _, value in terms)
            if out is not None:
                out += [{"approach": approach, "feature": f, "answer": a, "value": v}
                        for f, a, v in terms]
        return logits

    def _fired(self, *, reading: Reading, learned: bool) -> list[dict[str, Any]]:
        """Fired rules in rule order: constraints in full, log-odds rules with their share."""
        terms = {t.rule["id"]: t for t in reading.rule_terms}
        constraints = {rule["id"] for rule in reading.constraints}
        fired = []
        for rid, public in self._public.items():
            if rid in constraints:
                fired.append({**public, "weight": 1.0})
            elif rid in terms:
                term = terms[rid]
                slope = self._slope[public["approach"]] if learned else 1.0
                item = {**public, "log_odds": slope * float(public["log_odds"]) * term.share,
                        "weight": term.share}
                if term.share < 1.0:
                    # Partly fired on unanswered questions: say so instead of stating it as fact.
                    item["message"] = (f"Unconfirmed ({term.share:.0%} of the cases' answers; "
                                       f"depends on unanswered {', '.join(term.unknown)}): "
                                       f"{public['message']}")
                fired.append(item)
        return fired

    def _run(self, *, questionnaire: Questionnaire, learned: bool) -> ModelResult:
        answers = answers_of(questionnaire=questionnaire)
        reading = self._reader.read(answers=answers)
        contributions: list[dict[str, Any]] = []
        logits = self._logits(reading=reading, answers=answers, learned=learned,
                              out=contributions)
        scores = {a: sigmoid(x=logits[a]) for a in APPROACHES}
        choice = recommend(scores=scores, ruled_out=reading.ruled_out,
                           both_threshold=self.both_threshold)
        context = {**answers, "recommendation": choice}
        return ModelResult.model_validate({
            "recommendation": choice,
            "scores": scores,
            "logits": logits,
            "intercepts": self._intercept if learned else self._prior,
            "rules": self._fired(reading=reading, learned=learned),
            "contributions": contributions,
            "warnings": [public for public, holds in self._warnings if holds(context)],
            "ruled_out": reading.ruled_out,
            "model_version": self.model_version if learned
            else f"{self.model_version}+rules-only",
        })
