"""What one questionnaire puts into the model besides the coefficients, read the same way twice.

Training (`models/design.py`) and inference (`models/advisor.py`) both call `Reader.read`, so the
features a model was fitted on are exactly the features it scores. A reading holds:
- the centred answer features (`models/features.py`: an unknown answer contributes nothing) and
  the `ruled_out:<approach>` indicators;
- every log-odds rule with its share: 1 or 0 when the answers it reads are known, else the
  weighted share of the training cases' answers for which it holds (its expected effect);
- the constraint rules that fired and the approaches they rule out.
Plain Python: reading one questionnaire needs neither numpy nor scikit-learn (the batch of
one-answer changes, `models/batch_scoring.py`, builds on `share` and `rules` with numpy).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from models.conditions import (
    Distribution,
    Predicate,
    compile_condition,
    degree,
    fields_of,
    numeric_tests,
)
from models.features import centred_features
from models.rules import RULES_OUT
from models.vocabulary import APPROACHES

CACHE_LIMIT = 65_536


@dataclass(frozen=True)
class RuleTerm:
    """A log-odds rule that applies in part or in full, and the unknown answers it hinges on."""

    rule: Mapping[str, Any]
    share: float
    unknown: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """Everything the model adds up for one questionnaire, before coefficients are applied."""

    features: dict[str, float]
    rule_terms: list[RuleTerm]
    constraints: list[Mapping[str, Any]]
    ruled_out: dict[str, list[str]] = field(default_factory=dict)

    def offset(self, *, approach: str) -> float:
        """Sum of the rule log-odds for one approach, each scaled by its share."""
        return sum(float(t.rule["log_odds"]) * t.share for t in self.rule_terms
                   if t.rule["approach"] == approach)


class Reader:
    """Reads questionnaires against one set of references, answer distribution and rules."""

    def __init__(
        self, *, reference: Mapping[str, float], distribution: Distribution,
        rules: Sequence[Mapping[str, Any]],
    ) -> None:
        self.reference = dict(reference)
        self.distribution = distribution
        self._rules = [(rule, compile_condition(condition=rule["when"]),
                        fields_of(condition=rule["when"])) for rule in rules]
        # Per rule and field read, the comparisons a number is keyed by (None: keyed by value).
        self._keyed = [tuple((f, numeric_tests(condition=rule["when"]).get(f)) for f in fields)
                       for rule, _, fields in self._rules]
        self._cache: dict[tuple[int, tuple[Any, ...]], float] = {}

    def read(self, *, answers: Mapping[str, Any]) -> Reading:
        """Centred features, rule shares, fired constraints and what they rule out."""
        features = centred_features(answers=answers, reference=self.reference)
        terms: list[RuleTerm] = []
        constraints: list[Mapping[str, Any]] = []
        ruled_out: dict[str, list[str]] = {}
        for index, (rule, predicate, fields) in enumerate(self._rules):
            if rule["effect"] == "constraint":
                if predicate(answers):
                    constraints.append(rule)
                    ruled_out.setdefault(RULES_OUT[rule["constraint"]], []).append(rule["id"])
                continue
            share = self.share(index=index, answers=answers)
            if share > 0.0:
                unknown = tuple(f for f in fields if answers.get(f) is None)
                terms.append(RuleTerm(rule=rule, share=share, unknown=unknown))
        for approach in APPROACHES:
            features[f"ruled_out:{approach}"] = 1.0 if approach in ruled_out else 0.0
        ordered = {a: ruled_out[a] for a in APPROACHES if a in ruled_out}
        return Reading(features=features, rule_terms=terms, constraints=constraints,
                       ruled_out=ordered)

    @property
    def rules(self) -> Sequence[tuple[Mapping[str, Any], Predicate, tuple[str, ...]]]:
        """Each rule with its compiled condition and the answer fields it reads, in rule order."""
        return self._rules

    def share(self, *, index: int, answers: Mapping[str, Any]) -> float:
        """A log-odds rule's share on these answers, memoised: it depends only on the few
        answers the rule reads, and a number only on which side of each threshold it lies."""
        key = tuple([_part(tests=tests, value=answers.get(f)) for f, tests in self._keyed[index]])
        cached = self._cache.get((index, key))
        if cached is None:
            _, predicate, fields = self._rules[index]
            cached = degree(predicate=predicate, fields=fields,
                            answers={f: answers.get(f) for f in fields},
                            distribution=self.distribution)
            if len(self._cache) < CACHE_LIMIT:
                self._cache[(index, key)] = cached
        return cached

    def over(
        self, *, index: int, answers: Mapping[str, Any], field: str, values: Sequence[Any]
    ) -> list[float]:
        """One rule on `answers` with `field` set to each value: a log-odds rule's share, or 1.0
        when a constraint holds; computed once per reading of the value the rule tells apart."""
        rule, predicate, _ = self._rules[index]
        tests = dict(self._keyed[index])[field]
        seen: dict[Any, float] = {}
        out = []
        for value in values:
            part = _part(tests=tests, value=value)
            if part not in seen:
                changed = {**answers, field: value}
                seen[part] = (float(predicate(changed)) if rule["effect"] == "constraint"
                              else self.share(index=index, answers=changed))
            out.append(seen[part])
        return out


def _part(*, tests: tuple[Callable[[Any], bool], ...] | None, value: Any) -> Any:
    """What a rule tells apart in one answer: the value, or a number's side of each threshold."""
    return value if tests is None or value is None else tuple([test(value) for test in tests])
