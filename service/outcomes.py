"""Recorded outcomes as extra training cases for `advisor train --with-outcomes`."""

from __future__ import annotations

import asyncio
from typing import Any

import psycopg

from models.training import outcome_to_case
from models.verdict import settled_verdict
from service.config import Settings
from service.db import outcomes
from service.parts import open_parts
from service.state import Need


def outcome_cases(*, settings: Settings) -> list[dict[str, Any]]:
    """Every outcome that says something about the right approach, as a labelled case."""
    cases = []
    for assessment_id, questionnaire, outcome in asyncio.run(_recorded(settings=settings)):
        verdict = verdict_of(outcome=outcome)
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


def verdict_of(*, outcome: dict[str, Any]) -> str | None:
    """The verdict an outcome teaches: a verdict document's only when it is settled."""
    document = outcome.get("verdict_document")
    if document is not None:
        return settled_verdict(document=document)
    verdict = outcome.get("verdict")
    return str(verdict) if verdict else None


async def _recorded(*, settings: Settings) -> list[tuple[str, Any, Any]]:
    async with open_parts(settings=settings, needs=Need.DATABASE) as parts:
        return await asyncio.to_thread(_read, conninfo=parts.conninfo)


def _read(*, conninfo: str) -> list[tuple[str, Any, Any]]:
    with psycopg.connect(conninfo) as conn:
        return outcomes.with_questionnaires(conn)
