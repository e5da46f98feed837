"""`advisor assess`: many questionnaires, one document per line, with or without guidance."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from service.config import Settings
from service.parts import open_parts
from service.state import Need

NO_GUIDANCE_NOTE = "guidance skipped (--no-guidance)"


def _emit(line: str) -> None:
    """One JSON document per line, flushed so a pipe sees each as soon as it is ready."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _error(*, line: int, detail: Any) -> dict[str, Any]:
    return {"error": "invalid questionnaire", "line": line, "detail": detail}


def _parse(*, line: int, value: Any) -> Questionnaire | dict[str, Any]:
    """A questionnaire, or the error object printed in its place."""
    if isinstance(value, Exception):
        return _error(line=line, detail=f"malformed JSON: {value}")
    try:
        return Questionnaire.model_validate(value)
    except ValidationError as err:
        detail = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in err.errors()]
        return _error(line=line, detail=detail)


def run_batch(*, items: list[tuple[int, Any]], settings: Settings, guidance: bool) -> int:
    """Assess items in order; an invalid one prints an error object in its place."""
    parsed = [_parse(line=line, value=value) for line, value in items]
    return asyncio.run(_assess_all(parsed=parsed, settings=settings, guidance=guidance))


async def _assess_all(
    *, parsed: list[Questionnaire | dict[str, Any]], settings: Settings, guidance: bool
) -> int:
    """The server's parts with guidance (it is stored, as from the API), the model alone without."""
    failures = 0
    needs = Need.SERVICE if guidance else Need.ADVISOR
    async with open_parts(settings=settings, needs=needs) as parts:
        for item in parsed:
            if not isinstance(item, Questionnaire):
                failures += 1
                _emit(json.dumps(item, ensure_ascii=False))
            elif guidance:
                _emit((await parts.assessor.assess(questionnaire=item, source="cli")).to_json())
            else:
                doc = parts.assessor.evaluate(questionnaire=item)
                doc.guidance_note = NO_GUIDANCE_NOTE
                _emit(doc.to_json())
    return failures
