"""Recorded outcomes as extra training cases for `advisor train --with-outcomes`."""

from __future__ import annotations

from typing import Any

import psycopg

from models.training import outcome_to_case
from service.config import Settings
from service.db.database import Database


def outcome_cases(*, settings: Settings) -> list[dict[str, Any]]:
    """Every outcome that says something about the right approach, as a labelled case."""
    database = Database(settings=settings)
    conninfo = database.start()
    try:
        with psycopg.connect(conninfo) as conn:
            rows = conn.execute(
                "SELECT a.id, a.questionnaire, o.outcome FROM outcomes o"
                " JOIN assessments a ON a.id = o.assessment_id ORDER BY o.id"
            ).fetchall()
    finally:
        database.stop(only_if_started_here=True)
    cases = []
    for assessment_id, questionnaire, outcome in rows:
        verdict = outcome.get("verdict")
        if not verdict:
            continue
        case = outcome_to_case(
            questionnaire=questionnaire,
            approach_taken=outcome["approach_taken"],
            verdict=verdict,
            assessment_id=assessment_id,
        )
        if case is not None:
            cases.append(case)
    return cases
