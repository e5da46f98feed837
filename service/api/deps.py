"""FastAPI dependencies behind Annotated aliases, access control included."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader

from models.advisor import Advisor
from service.access import API_KEY_HEADER_NAME, resolve_caller
from service.assessment import Assessor
from service.callers import Caller, Scope
from service.state import AppState

API_KEY_HEADER = APIKeyHeader(
    name=API_KEY_HEADER_NAME,
    auto_error=False,
    description="a key from ADVISOR_API_KEYS; required by /assess, /assessments and /guidance "
    "when that variable is set (a signed-in browser's session also reads, with GET)",
)
KEY_PROBLEM = "missing or invalid API key: send header x-api-key"


def get_state(request: Request) -> AppState:
    """The lifespan state attached to every request."""
    state: AppState = request.state.app
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def get_caller(
    request: Request,
    state: StateDep,
    _presented: Annotated[str | None, Security(API_KEY_HEADER)] = None,
) -> Caller:
    """Who calls: a key, a trusted proxy's user, or (for GET) a signed-in browser; else 401."""
    caller = resolve_caller(
        request=request,
        settings=state.settings,
        allow_session=request.method in ("GET", "HEAD"),
    )
    if caller is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail=KEY_PROBLEM,
            headers={"www-authenticate": "ApiKey"},
        )
    request.state.caller = caller
    return caller


CallerDep = Annotated[Caller, Depends(get_caller)]


class RequireScope:
    """A router dependency: the caller must hold `scope` (403 names the scope it lacks)."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def __call__(self, caller: CallerDep) -> Caller:
        if not caller.may(self.scope):
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail=f"caller {caller.name!r} lacks the {self.scope.value!r} scope; "
                "ask for a key that has it",
            )
        return caller


def get_advisor(state: StateDep) -> Advisor:
    """The loaded rules-plus-logistic model."""
    return state.advisor


def get_assessor(state: StateDep) -> Assessor:
    """The shared assessment pipeline (REST, Slack and the intake form all use it)."""
    return state.assessor


AdvisorDep = Annotated[Advisor, Depends(get_advisor)]
AssessorDep = Annotated[Assessor, Depends(get_assessor)]
