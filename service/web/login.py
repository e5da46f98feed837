"""Signing in to the pages with an access key, signing out, and the answers of the page door."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from service.access import SESSION_COOKIE, client_address, session_token
from service.callers import match_key
from service.ratelimit import RateLimited, limiter_of
from service.state import AppState
from service.web.gate import LoginRequired, PageForbidden, login_location, safe_next
from service.web.pages import message_page, page

log = logging.getLogger("advisor.audit")
router = APIRouter(tags=["pages"])


def _form(*, request: Request, next_path: str, error: str | None, status: int) -> HTMLResponse:
    state: AppState = request.state.app
    hours = round(state.settings.session_max_age_s / 3600, 1)
    return page(request=request, name="login.html", status=status, context={
        "next": safe_next(value=next_path), "error": error, "hours": f"{hours:g}",
    })


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
async def login_form(request: Request, next: str = "/") -> Response:
    """The sign-in form; without configured keys there is nothing to sign in to."""
    state: AppState = request.state.app
    if not state.settings.access_controlled:
        return RedirectResponse(url=safe_next(value=next), status_code=303)
    return _form(request=request, next_path=next, error=None, status=200)


@router.post("/login", include_in_schema=False, response_model=None)
async def login_submit(
    request: Request, key: str = Form(default="", max_length=512),
    next: str = Form(default="/", max_length=2000),
) -> Response:
    """Check the key (rate-limited per address), then set the signed session cookie."""
    state: AppState = request.state.app
    settings = state.settings
    limiter = limiter_of(request=request)
    wait = limiter.check(bucket="login", keys=limiter.keys(request=request, caller=None))
    if wait is not None:
        raise RateLimited(bucket="login", retry_after_s=wait, page=True)
    entry = match_key(presented=key, entries=settings.key_entries)
    if entry is None:
        log.warning("login refused from %s", client_address(request=request, settings=settings))
        return _form(request=request, next_path=next, status=401,
                     error="That access key is not valid. Check it and try again.")
    log.info("login: caller %s signed in to the pages", entry.name)
    response = RedirectResponse(url=safe_next(value=next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE, session_token(entry=entry, settings=settings),
        max_age=settings.session_max_age_s, httponly=True, samesite="lax", path="/",
        secure=settings.public_url.startswith("https://"),
    )
    return response


@router.post("/logout", include_in_schema=False, response_model=None)
async def logout(request: Request) -> Response:
    """Forget the session cookie."""
    response = RedirectResponse(url="/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response


async def login_required(request: Request, exc: Exception) -> Response:
    """A page asked for without a session: off to the login page, and back afterwards."""
    assert isinstance(exc, LoginRequired)
    return RedirectResponse(url=login_location(next_path=exc.next_path), status_code=303)


async def page_forbidden(request: Request, exc: Exception) -> Response:
    """Signed in, but the key does not allow this page."""
    assert isinstance(exc, PageForbidden)
    return message_page(request=request, heading="Not allowed", status=403,
                        message=f"Your access key ({exc.caller.name}) does not have the "
                        f"'{exc.scope.value}' permission this page needs.")
