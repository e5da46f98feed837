"""Who sent a request: an API key, a signed page session, or a trusted SSO proxy's header.

Framework-free so the API dependencies, the pages and the rate limiter share one answer.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import HTTPConnection

from service.callers import ANONYMOUS, Caller, KeyEntry, by_name, match_key
from service.config import Settings

SESSION_COOKIE = "advisor_session"
API_KEY_HEADER_NAME = "x-api-key"


def _trusted(*, host: str, settings: Settings) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in settings.proxy_networks)


def client_address(*, request: HTTPConnection, settings: Settings) -> str:
    """The peer, or behind trusted proxies the nearest untrusted X-Forwarded-For hop."""
    host = request.client.host if request.client else "unknown"
    if not _trusted(host=host, settings=settings):
        return host
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(host=hop, settings=settings):
            return hop[:64]
    return host


def _serializer(*, settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.session_key, salt="advisor-page-session")


def session_token(*, entry: KeyEntry, settings: Settings) -> str:
    """A signed, timestamped token naming the caller and its key's fingerprint."""
    return _serializer(settings=settings).dumps({"n": entry.name, "f": entry.fingerprint})


def session_caller(*, token: str | None, settings: Settings) -> Caller | None:
    """The caller of a valid, unexpired session whose key is still configured."""
    if not token:
        return None
    try:
        data: Any = _serializer(settings=settings).loads(
            token, max_age=settings.session_max_age_s
        )
    except BadSignature:  # also covers expired (SignatureExpired) and malformed tokens
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str):
        return None
    entry = by_name(name=data["n"], entries=settings.key_entries)
    if entry is None or entry.fingerprint != data.get("f"):
        return None
    return entry.caller(via="session")


def proxy_caller(*, request: HTTPConnection, settings: Settings) -> Caller | None:
    """The SSO proxy's user, believed only when the peer is a configured proxy address."""
    host = request.client.host if request.client else ""
    user = request.headers.get(settings.proxy_user_header, "").strip()
    if not user or not _trusted(host=host, settings=settings):
        return None
    return Caller(name=f"sso:{user[:100]}", scopes=settings.proxy_scope_set, via="proxy")


def resolve_caller(
    *, request: HTTPConnection, settings: Settings, allow_session: bool
) -> Caller | None:
    """The caller, or None when keys are configured and nothing presented proves who it is.

    A presented x-api-key decides alone (a wrong key is refused even with a session).
    """
    entries = settings.key_entries
    presented = request.headers.get(API_KEY_HEADER_NAME)
    if entries and presented is not None:
        entry = match_key(presented=presented, entries=entries)
        return entry.caller(via="key") if entry else None
    via_proxy = proxy_caller(request=request, settings=settings)
    if via_proxy is not None:
        return via_proxy
    if not entries:
        return ANONYMOUS
    if allow_session:
        return session_caller(token=request.cookies.get(SESSION_COOKIE), settings=settings)
    return None
