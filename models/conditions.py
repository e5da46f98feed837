"""A tiny JSON condition language, so rules stay data that the artifact can carry verbatim.

A condition is one of:
  {"all": [cond, ...]}                    every part holds
  {"any": [cond, ...]}                    at least one part holds
  {"field": F, "in": [v, ...]}            the answer is one of the values
  {"field": F, "is": v}                   the answer equals v (booleans)
  {"field": F, "gte" | "lt" | "lte": x}   numeric comparisons
  {"field": F, "unknown": true}           the answer is absent (warnings only)

A leaf on an unknown answer is false, except `unknown`. `degree` instead treats each unknown answer
as uniformly spread over its representative values (`models.features.UNKNOWN_GRID`) and returns
the share of those combinations for which the condition holds; log-odds rules scale by it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from models.features import UNKNOWN_GRID

Condition = dict[str, Any]
Predicate = Callable[[Mapping[str, Any]], bool]

_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "in": lambda value, arg: value in arg,
    "is": lambda value, arg: value == arg,
    "gte": lambda value, arg: value >= arg,
    "lt": lambda value, arg: value < arg,
    "lte": lambda value, arg: value <= arg,
}


def fields_of(*, condition: Condition) -> tuple[str, ...]:
    """The answer fields a condition reads, sorted, without repeats."""
    if "all" in condition or "any" in condition:
        parts = condition["all"] if "all" in condition else condition["any"]
        return tuple(sorted({f for part in parts for f in fields_of(condition=part)}))
    return (str(condition["field"]),)


def uses_unknown(*, condition: Condition) -> bool:
    """Whether a condition tests for an absent answer (not allowed in log-odds rules)."""
    if "all" in condition or "any" in condition:
        parts = condition["all"] if "all" in condition else condition["any"]
        return any(uses_unknown(condition=part) for part in parts)
    return "unknown" in condition


def compile_condition(*, condition: Condition) -> Predicate:
    """Turn a condition into a fast predicate over plain answers."""
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


def degree(*, predicate: Predicate, fields: tuple[str, ...], answers: Mapping[str, Any]) -> float:
    """Share of the plausible completions of unknown answers for which the predicate holds."""
    unknown = [f for f in fields if answers.get(f) is None and f in UNKNOWN_GRID]
    if not unknown:
        return 1.0 if predicate(answers) else 0.0
    filled = dict(answers)
    hits = 0
    total = 0
    for combo in itertools.product(*(UNKNOWN_GRID[f] for f in unknown)):
        filled.update(zip(unknown, combo, strict=True))
        hits += predicate(filled)
        total += 1
    return hits / total
