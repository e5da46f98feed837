"""Operational endpoints: Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST

from service import metrics

router = APIRouter(tags=["ops"])


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format"}},
)
async def prometheus_metrics() -> Response:
    """Request counts and latency per route, assessments, degraded answers, spool depth."""
    return Response(content=metrics.render(), media_type=CONTENT_TYPE_LATEST)
