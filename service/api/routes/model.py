"""The model card and the success-plan verdict."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from models.verdict import VerdictRequest, VerdictResponse, decide
from service.api.deps import AdvisorDep
from service.api.schemas import ErrorBody
from service.ratelimit import RateLimit

router = APIRouter(tags=["model"])


@router.get("/model")
async def model_card(advisor: AdvisorDep) -> dict[str, Any]:
    """Coefficients, rules, training metrics and version: everything behind a score."""
    return advisor.artifact


@router.post(
    "/verdict",
    response_model=VerdictResponse,
    dependencies=[Depends(RateLimit("verdict"))],
    responses={422: {"model": ErrorBody, "description": "invalid plan or measurements"}},
)
async def verdict(request: VerdictRequest) -> VerdictResponse:
    """Hold a measured result against its success plan."""
    return decide(request=request)
