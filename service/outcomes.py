"""Recorded outcomes as extra training cases for `advisor train --with-outcomes`: each one
re-checked (schema, its own numbers, its plan) before it may teach anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import psycopg
from pydantic import ValidationError

from models.training import outcome_to_case
from models.verdict import settled_verdict
from service import outcome_rules
from service.api.schemas import OutcomeIn
from service.db import outcomes


@dataclass
class Harvest:
    """What the recorded outcomes gave: cases, and why the others were left out."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (assessment id, reason)
    silent: int = 0  # valid, but teach nothing (inconclusive, ambiguous, unknown approach)

    @property
    def used(self) -> int:
        """Outcomes that became training cases."""
        return len(self.cases)


def verdict_of(*, outcome: dict[str, Any]) -> str | None:
    """The verdict an outcome teaches: a verdict document's only when it is settled."""
    document = outcome.get("verdict_document")
    if document is not None:
        return settled_verdict(document=document)
    verdict = outcome.get("verdict")
    return str(verdict) if verdict else None


def _problem(*, row: dict[str, Any]) -> str | None:
    """Why a stored outcome may not teach, or None when it may."""
    try:
        OutcomeIn.model_validate(row["outcome"])
    except ValidationError as err:
        first = err.errors()[0]
        return f"{'.'.join(str(p) for p in first.get('loc', ())) or 'outcome'}: {first['msg']}"
    clashes = outcome_rules.against_plan(outcome=row["outcome"], plan=row["plan"])
    return f"{clashes[0][0]}: {clashes[0][1]}" if clashes else None


def harvest(*, rows: list[dict[str, Any]]) -> Harvest:
    """Check every stored outcome and turn the consistent, settled ones into cases."""
    found = Harvest()
    for row in rows:
        problem = _problem(row=row)
        if problem is not None:
            found.rejected.append((row["assessment_id"], problem))
            continue
        outcome = row["outcome"]
        verdict = verdict_of(outcome=outcome)
        case = None if not verdict else outcome_to_case(
            questionnaire=row["questionnaire"], approach_taken=outcome["approach_taken"],
            verdict=verdict, assessment_id=row["assessment_id"],
        )
        if case is None:
            found.silent += 1
        else:
            found.cases.append(case)
    return found


def read_rows(*, conninfo: str) -> list[dict[str, Any]]:
    """Every recorded outcome with its questionnaire and plan (blocking)."""
    with psycopg.connect(conninfo) as conn:
        return outcomes.for_training(conn)
