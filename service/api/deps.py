"""FastAPI dependencies behind Annotated aliases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from psycopg import AsyncConnection

from models.advisor import Advisor
from service.assessment import Assessor
from service.state import AppState


def get_state(request: Request) -> AppState:
    """The lifespan state attached to every request."""
    state: AppState = request.state.app
    return state


StateDep = Annotated[AppState, Depends(get_state)]


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
