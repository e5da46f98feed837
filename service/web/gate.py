"""The pages' door: with ADVISOR_API_KEYS set, a page needs a signed session or an SSO user."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request

from service.access import resolve_caller
from service.callers import Caller, Scope
from service.state import AppState


class LoginRequired(Exception):
    """Raised by a page dependency; answered with a redirect to the login page."""

    def __init__(self, *, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class PageForbidden(Exception):
    """A signed-in caller whose key lacks the page's scope."""

    def __init__(self, *, caller: Caller, scope: Scope) -> None:
        super().__init__(scope.value)
        self.caller = caller
        self.scope = scope


def safe_next(*, value: str | None) -> str:
    """Only a path on this site: no scheme, no host, no protocol-relative `//`."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    return value[:2000]


def login_location(*, next_path: str) -> str:
    """The login page, asked to come back to `next_path`."""
    return "/login?next=" + quote(safe_next(value=next_path), safe="/")


class PageScope:
    """A page dependency: who is looking, and may they (GET and POST alike)."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def __call__(self, request: Request) -> Caller:
        state: AppState = request.state.app
        caller = resolve_caller(request=request, settings=state.settings, allow_session=True)
        if caller is None:
            query = f"?{request.url.query}" if request.url.query else ""
            target = request.url.path + query if request.method == "GET" else request.url.path
            raise LoginRequired(next_path=target)
        if not caller.may(self.scope):
            raise PageForbidden(caller=caller, scope=self.scope)
        request.state.caller = caller
        return caller


def caller_name(*, request: Request) -> str:
    """The name of whoever this page request was let in as (audit entries)."""
    caller = getattr(request.state, "caller", None)
    return caller.name if isinstance(caller, Caller) else "anonymous"
