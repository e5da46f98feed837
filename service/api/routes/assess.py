"""POST /assess: the advisor's main job."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from models.document import AssessmentDocument
from models.questionnaire import Questionnaire
from service.api.deps import AssessorDep, CallerDep, RequireScope
from service.api.schemas import ErrorBody
from service.callers import Scope
from service.ratelimit import RateLimit

router = APIRouter(
    tags=["assess"],
    dependencies=[Depends(RequireScope(Scope.assess)), Depends(RateLimit("assess"))],
)


@router.post(
    "/assess",
    response_model=AssessmentDocument,
    responses={
        422: {"model": ErrorBody, "description": "invalid questionnaire, field by field"},
        401: {"model": ErrorBody, "description": "missing or wrong x-api-key"},
        403: {"model": ErrorBody, "description": "the key lacks the assess scope"},
        429: {"model": ErrorBody, "description": "rate limit; see Retry-After"},
        413: {"model": ErrorBody, "description": "body over 1 MB"},
    },
)
async def assess(
    questionnaire: Questionnaire, assessor: AssessorDep, caller: CallerDep
) -> Response:
    """Score a questionnaire, explain it, cite guidance, and store it before answering."""
    done = await assessor.assess_encoded(questionnaire=questionnaire, source="api",
                                         caller=caller.name)
    # The very text that was stored: encoded once, never re-validated or re-encoded.
    return Response(content=done.encoded, media_type="application/json")
