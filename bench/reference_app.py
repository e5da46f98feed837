"""The cheapest FastAPI endpoint of /assess's shape: validate a questionnaire, return JSON."""

from __future__ import annotations

from fastapi import FastAPI

from models.questionnaire import Questionnaire

app = FastAPI()


@app.post("/reference")
async def reference(questionnaire: Questionnaire) -> dict[str, object]:
    """Validation and serialisation only: the floor any real endpoint sits on."""
    return {"ok": True, "task_narrowness": questionnaire.task_narrowness.value}
