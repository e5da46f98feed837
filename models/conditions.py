"""A tiny JSON condition language, so rules stay data that the artifact can carry verbatim.

A condition is one of:
  {"all": [cond, ...]}                    every part holds
  {"any": [cond, ...]}                    at least one part holds
  {"not": cond}                           the part does not hold (constraints only)
  {"field": F, "in": [v, ...]}            the answer is one of the values
  {"field": F, "is": v}                   the answer equals v (booleans)
  {"field": F, "gte" | "lt" | "lte": x}   numeric comparisons
  {"field": F, "unknown": true}           the answer is absent (warnings only)

A leaf on an unknown answer is false, except `unknown` (so `not` of an unknown leaf is true).
`degree` instead spreads each unknown answer over an answer distribution (the answers the training
cases gave, with their counts, stored in the artifact) and returns the weighted share of those
completions for which the condition holds; log-odds rules scale by it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Condition = dict[str, Any]
Predicate = Callable[[Mapping[str, Any]], bool]
# Per field, the answers seen and how often: what an unknown answer may turn out to be.
Distribution = Mapping[str, Sequence[tuple[Any, float]]]

_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "in": lambda value, arg: value in arg,
    "is": lambda value, arg: value == arg,
    "gte": lambda value, arg: value >= arg,
    "lt": lambda value, arg: value < arg,
    "lte": lambda value, arg: value <= arg,
}


def fields_of(*, condition: Condition) -> tuple[str, ...]:
    """The answer fields a condition reads, sorted, without repeats."""
    if "not" in condition:
        return fields_of(condition=condition["not"])
    if "all" in condition or "any" in condition:
        parts = condition["all"] if "all" in condition else condition["any"]
        return tuple(sorted({f for part in parts for f in fields_of(condition=part)}))
    return (str(condition["field"]),)


def uses_unknown(*, condition: Condition) -> bool:
    """Whether a condition tests for an absent answer or negates (not allowed in log-odds rules).

    A negated leaf holds on an unknown answer, so it would fire a log-odds rule on no evidence.
    """
    if "not" in condition:
        return True
    if "all" in condition or "any" in condition:
        parts = condition["all"] if "all" in condition else condition["any"]
        return any(uses_unknown(condition=part) for part in parts)
    return "unknown" in condition


def compile_condition(*, condition: Condition) -> Predicate:
    """Turn a condition into a fast predicate over plain answers."""
    if "not" in condition:
        inner = compile_condition(condition=condition["not"])
        return lambda answers: not inner(answers)
    if "all" in condition:
        parts = [compile_condition(condition=part) for part in condition["all"]]
        return lambda answers: all(part(answers) for part in parts)
    if "any" in condition:
        parts = [compile_condition(condition=part) for part in condition["any"]]
        return lambda answers: any(part(answers) for part in parts)
    field = str(condition["field"])
    if "unknown" in condition:
        wanted = bool(condition["unknown"])
        return lambda answers: (answers.get(field) is None) == wanted
    ops = [(op, arg) for op, arg in condition.items() if op != "field"]
    if len(ops) != 1 or ops[0][0] not in _COMPARISONS:
        raise ValueError(f"bad condition leaf: {condition!r}")
    op, arg = ops[0]
    compare = _COMPARISONS[op]
    frozen = frozenset(arg) if op == "in" else arg
    return lambda answers: answers.get(field) is not None and compare(answers[field], frozen)


def numeric_tests(*, condition: Condition) -> dict[str, tuple[Callable[[Any], bool], ...]]:
    """Per field that a condition only compares as a number, each comparison on a known answer.

    The condition reads such a field through these comparisons alone, so two answers that agree
    on all of them are the same answer to it (degrees are memoised on that bounded key).
    """
    tests: dict[str, list[Callable[[Any], bool]]] = {}
    other: set[str] = set()

    def visit(part: Condition) -> None:
        if "not" in part:
            visit(part["not"])
            return
        if "all" in part or "any" in part:
            for inner in part["all"] if "all" in part else part["any"]:
                visit(inner)
            return
        field = str(part["field"])
        op = next((op for op in ("gte", "lt", "lte") if op in part), None)
        if op is None:
            other.add(field)
            return
        compare, arg = _COMPARISONS[op], part[op]
        tests.setdefault(field, []).append(lambda value: compare(value, arg))

    visit(condition)
    return {field: tuple(found) for field, found in tests.items() if field not in other}


def degree(
    *, predicate: Predicate, fields: tuple[str, ...], answers: Mapping[str, Any],
    distribution: Distribution,
) -> float:
    """Weighted share of the completions of unknown answers for which the predicate holds."""
    unknown = [f for f in fields if answers.get(f) is None and distribution.get(f)]
    if not unknown:
        return 1.0 if predicate(answers) else 0.0
    filled = dict(answers)
    hits = 0.0
    total = 0.0
    for combo in itertools.product(*(distribution[f] for f in unknown)):
        weight = math.prod(count for _, count in combo)
        filled.update((f, value) for f, (value, _) in zip(unknown, combo, strict=True))
        hits += weight * predicate(filled)
        total += weight
    return hits / total
