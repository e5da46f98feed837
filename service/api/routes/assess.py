"""POST /assess: the advisor's main job."""

from __future__ import annotations

from fastapi import APIRouter

from models.questionnaire import Questionnaire
from service.api.deps import AssessorDep
from service.api.schemas import AssessmentDocument, ErrorBody

router = APIRouter(tags=["assess"])


@router.post(
    "/assess",
    response_model=AssessmentDocument,
    responses={
        422: {"model": ErrorBody, "description": "invalid questionnaire, field by field"},
        401: {"model": ErrorBody, "description": "missing or wrong x-api-key"},
        413: {"model": ErrorBody, "description": "body over 1 MB"},
    },
)
async def assess(questionnaire: Questionnaire, assessor: AssessorDep) -> dict[str, object]:
    """Score a questionnaire, explain it, cite guidance, and store it before answering."""
    return await assessor.assess(questionnaire=questionnaire, source="api")
