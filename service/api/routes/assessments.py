"""The stored history of assessments and their recorded outcomes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response
from psycopg import AsyncConnection

from models.document import AssessmentDocument
from service import outcome_rules
from service.api.deps import CallerDep, RequireScope, StateDep, get_caller
from service.api.paging import MAX_PAGE, decode_cursor, encode_cursor
from service.api.schemas import (
    AssessmentList,
    DocumentResponse,
    ErrorBody,
    OutcomeIn,
    OutcomeOut,
)
from service.callers import Scope
from service.db import audit, outcomes
from service.db.outcomes import Recorded
from service.ratelimit import RateLimit

router = APIRouter(
    prefix="/assessments",
    tags=["assessments"],
    dependencies=[Depends(get_caller)],
    responses={
        401: {"model": ErrorBody, "description": "ADVISOR_API_KEYS is set and x-api-key is wrong"},
        403: {"model": ErrorBody, "description": "the caller's key lacks the route's scope"},
        503: {"model": ErrorBody, "description": "database unavailable"},
    },
)

AssessmentId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


READ = [Depends(RequireScope(Scope.read))]


@router.get("", response_model=AssessmentList, dependencies=READ)
async def list_assessments(
    state: StateDep,
    caller: CallerDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    cursor: Annotated[
        str | None, Query(max_length=200, description="`next` from the previous page")
    ] = None,
) -> AssessmentList:
    """Newest first, a page at a time: pass the answer's `next` as `cursor` for the next page."""
    before = decode_cursor(cursor=cursor) if cursor else None
    items = await state.history.recent(limit=limit, before=before)
    following = encode_cursor(doc=items[-1]) if len(items) == limit else None

    async def note(conn: AsyncConnection[Any]) -> None:
        await audit.record(conn, caller=caller.name, action="assessments.list",
                           detail={"limit": limit, "returned": len(items), "paged": bool(cursor)})

    await state.supervisor.run(note)
    return AssessmentList(items=items, next=following)


@router.get(
    "/{assessment_id}",
    response_model=AssessmentDocument,
    dependencies=READ,
    responses={
        404: {"model": ErrorBody, "description": "no assessment with that id"},
        503: {"model": ErrorBody, "description": "database unavailable"},
    },
)
async def get_assessment(assessment_id: AssessmentId, state: StateDep) -> DocumentResponse:
    """The stored document, exactly as /assess returned it (from the spool while the DB is down)."""
    doc, _pending = await state.history.lookup(assessment_id=assessment_id)
    if doc is None and not state.supervisor.up:
        raise HTTPException(status_code=503, detail="database unavailable; try again shortly")
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no assessment with id {assessment_id!r}")
    return DocumentResponse(doc)


@router.post(
    "/{assessment_id}/outcome",
    response_model=OutcomeOut,
    status_code=201,
    dependencies=[Depends(RequireScope(Scope.outcomes)), Depends(RateLimit("outcomes"))],
    responses={
        200: {"model": OutcomeOut, "description": "replaced this caller's earlier outcome"},
        404: {"model": ErrorBody, "description": "no assessment with that id"},
        409: {"model": ErrorBody, "description": "another caller recorded this outcome"},
        422: {"model": ErrorBody, "description": "inconsistent with its numbers or the plan"},
        429: {"model": ErrorBody, "description": "rate limit; see Retry-After"},
    },
)
async def record_outcome(
    assessment_id: AssessmentId, outcome: OutcomeIn, state: StateDep, caller: CallerDep,
    response: Response,
) -> OutcomeOut:
    """Record what the team did and measured (one outcome per assessment, replaceable only by
    the caller who recorded it); `advisor train --with-outcomes` learns from it."""
    missing = HTTPException(status_code=404, detail=f"no assessment with id {assessment_id!r}")
    found, plan = await state.supervisor.run(
        lambda conn: outcomes.plan_of(conn, assessment_id=assessment_id)
    )
    if not found:
        raise missing
    body = outcome.model_dump(mode="json")
    clashes = outcome_rules.against_plan(outcome=body, plan=plan)
    if clashes:
        raise HTTPException(status_code=422, detail=[
            {"loc": ["body", field], "msg": problem, "type": "value_error"}
            for field, problem in clashes
        ])
    recorded_at = datetime.now(UTC).isoformat(timespec="milliseconds")
    result = await state.supervisor.run(lambda conn: outcomes.record(
        conn, assessment_id=assessment_id, recorded_at=recorded_at, outcome=body,
        caller=caller.name,
    ))
    if result is Recorded.no_assessment:
        raise missing
    if result is Recorded.owned_by_other:
        raise HTTPException(status_code=409, detail="another caller recorded this assessment's "
                            "outcome; only that caller can replace it")
    if result is Recorded.replaced:
        response.status_code = 200
    return OutcomeOut(assessment_id=assessment_id, recorded_at=recorded_at, **outcome.model_dump())
