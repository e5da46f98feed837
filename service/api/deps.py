"""FastAPI dependencies behind Annotated aliases, access control included."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader
from psycopg import AsyncConnection

from models.advisor import Advisor
from service.assessment import Assessor
from service.state import AppState

API_KEY_HEADER = APIKeyHeader(
    name="x-api-key",
    auto_error=False,
    description="one of ADVISOR_API_KEYS; required by /assess, /assessments and /guidance "
    "when that variable is set",
)
KEY_PROBLEM = "missing or invalid API key: send header x-api-key"


def get_state(request: Request) -> AppState:
    """The lifespan state attached to every request."""
    state: AppState = request.state.app
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def key_matches(*, presented: str | None, keys: list[str]) -> bool:
    """Constant-time comparison against every configured key."""
    if presented is None:
        return False
    given = presented.encode()
    found = False
    for key in keys:
        found |= hmac.compare_digest(given, key.encode())
    return found


def require_key(
    state: StateDep, presented: Annotated[str | None, Security(API_KEY_HEADER)]
) -> None:
    """Routers that serve callers' data declare this; without ADVISOR_API_KEYS it lets all in."""
    keys = state.settings.api_key_list
    if keys and not key_matches(presented=presented, keys=keys):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail=KEY_PROBLEM,
            headers={"www-authenticate": "ApiKey"},
        )


async def get_conn(state: StateDep) -> AsyncIterator[AsyncConnection[Any]]:
    """A pooled connection for the length of one request."""
    async with state.pool.connection() as conn:
        yield conn


def get_advisor(state: StateDep) -> Advisor:
    """The loaded rules-plus-logistic model."""
    return state.advisor


def get_assessor(state: StateDep) -> Assessor:
    """The shared assessment pipeline (REST, Slack and the intake form all use it)."""
    return state.assessor


ConnDep = Annotated[AsyncConnection[Any], Depends(get_conn)]
AdvisorDep = Annotated[Advisor, Depends(get_advisor)]
AssessorDep = Annotated[Assessor, Depends(get_assessor)]
