"""`advisor assess`: many questionnaires, one document per line, with or without guidance."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from service.config import Settings


def _emit(doc: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _error(*, line: int, detail: Any) -> dict[str, Any]:
    return {"error": "invalid questionnaire", "line": line, "detail": detail}


def run_batch(*, items: list[tuple[int, Any]], settings: Settings, guidance: bool) -> int:
    """Assess items in order; an invalid one prints an error object in its place."""
    parsed: list[tuple[int, Questionnaire | dict[str, Any]]] = []
    for line, value in items:
        if isinstance(value, Exception):
            parsed.append((line, _error(line=line, detail=f"malformed JSON: {value}")))
            continue
        try:
            parsed.append((line, Questionnaire.model_validate(value)))
        except ValidationError as err:
            detail = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in err.errors()]
            parsed.append((line, _error(line=line, detail=detail)))
    if guidance:
        return asyncio.run(_with_guidance(parsed=parsed, settings=settings))
    return _without_guidance(parsed=parsed, settings=settings)


def _without_guidance(
    *, parsed: list[tuple[int, Questionnaire | dict[str, Any]]], settings: Settings
) -> int:
    from models.advisor import Advisor
    from models.estimates import load_assumptions
    from service.assessment import Assessor

    assessor = Assessor(
        advisor=Advisor.load(path=settings.model_path),
        finder=None,
        assumptions=load_assumptions(path=settings.estimates_file),
        pool=None,
    )
    failures = 0
    for _line, item in parsed:
        if isinstance(item, Questionnaire):
            doc = assessor.evaluate(questionnaire=item)
            doc.guidance_note = "guidance skipped (--no-guidance)"
            _emit(doc.model_dump(mode="json"))
        else:
            failures += 1
            _emit(item)
    return failures


async def _with_guidance(
    *, parsed: list[tuple[int, Questionnaire | dict[str, Any]]], settings: Settings
) -> int:
    """Run the same lifespan the server runs, then the shared pipeline per questionnaire."""
    from fastapi import FastAPI

    from service.main import lifespan

    app = FastAPI()
    app.state.settings = settings
    app.state.owns_database = False
    failures = 0
    async with lifespan(app) as state:
        assessor = state["app"].assessor
        for _line, item in parsed:
            if isinstance(item, Questionnaire):
                doc = await assessor.assess(questionnaire=item, source="cli")
                _emit(doc.model_dump(mode="json"))
            else:
                failures += 1
                _emit(item)
    return failures
