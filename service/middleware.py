"""One pure-ASGI layer for request ids, body limits, a body-read deadline, metrics and access logs.

Callers are identified per router (service.api.deps.get_caller and the page gate), not here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from service import metrics
from service.logging import request_id_var

log = logging.getLogger("advisor.access")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1_000_000
# Routes that take bulk data get more room (100,000 score pairs are ~4 MB of JSON or CSV; a
# dataset audit streams up to 200 MB to disk); every other route keeps the default. Matched on
# the path's last segment.
LARGE_BODY_BYTES = {"verdict": 8_000_000, "audit": 200_000_000}
BODY_TIMEOUT_S = 10.0
# Routes whose body may take longer to arrive than the default deadline (200 MB at 0.7 MB/s).
LONG_BODY_TIMEOUT_S = {"audit": 300.0}


def body_limit(*, path: str, limits: dict[str, int] | None = None,
               default: int = MAX_BODY_BYTES) -> int:
    """The largest body this path accepts."""
    table = LARGE_BODY_BYTES if limits is None else limits
    return table.get(path.rstrip("/").rsplit("/", 1)[-1], default)


async def _json(
    send: Send,
    *,
    status: int,
    body: dict[str, Any],
    rid: str,
) -> None:
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"x-request-id", rid.encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


class AdvisorMiddleware:
    """Wraps the app: refuses oversized (413) or too slowly sent (408) bodies, records requests.

    route_limits: last path segments allowed a larger body than max_body_bytes (/verdict).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        route_limits: dict[str, int] | None = None,
        body_timeout_s: float = BODY_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.route_limits = dict(LARGE_BODY_BYTES if route_limits is None else route_limits)
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        rid = headers.get("x-request-id", "")[:64] or uuid.uuid4().hex
        token = request_id_var.set(rid)
        started = time.perf_counter()
        status_holder = {"status": 500}
        path: str = scope["path"]
        limit = body_limit(path=path, limits=self.route_limits, default=self.max_body_bytes)
        try:
            length = headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > limit:
                status_holder["status"] = 413
                await _json(
                    send,
                    status=413,
                    rid=rid,
                    body={"detail": f"body is {length} bytes; the limit is {limit} bytes"},
                )
                return
            await self._call(
                scope, receive, send, rid=rid, status_holder=status_holder, limit=limit
            )
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            metrics.observe_request(
                method=scope["method"],
                route=template,
                status=status_holder["status"],
                seconds=elapsed,
            )
            log.info(
                "%s %s %s",
                scope["method"],
                path,
                status_holder["status"],
                extra={
                    "method": scope["method"],
                    "path": path,
                    "status": status_holder["status"],
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )
            request_id_var.reset(token)

    async def _call(
        self, scope: Scope, receive: Receive, send: Send, *, rid: str,
        status_holder: dict[str, int], limit: int,
    ) -> None:
        received = 0
        started_response = False
        rejected = False
        body_done = False
        loop = asyncio.get_running_loop()
        segment = scope["path"].rstrip("/").rsplit("/", 1)[-1]
        allowed_s = max(self.body_timeout_s, LONG_BODY_TIMEOUT_S.get(segment, 0.0))
        deadline = loop.time() + allowed_s

        async def refuse(status: int, detail: str) -> Message:
            # Answer now and tell the app the client left, so it stops reading.
            nonlocal started_response, rejected
            rejected = True
            if not started_response:
                started_response = True
                status_holder["status"] = status
                await _json(send, status=status, rid=rid, body={"detail": detail})
            return {"type": "http.disconnect"}

        async def limited_receive() -> Message:
            nonlocal received, body_done
            if rejected:
                return {"type": "http.disconnect"}
            if body_done:  # waiting for a disconnect after the body is not bounded
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                return await refuse(
                    408, f"request body not received within {allowed_s:g} s"
                )
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if received > limit:
                    return await refuse(413, f"request body exceeds {limit} bytes")
            return message

        async def tagged_send(message: Message) -> None:
            nonlocal started_response
            if rejected:
                return
            if message["type"] == "http.response.start":
                started_response = True
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, limited_receive, tagged_send)
        except Exception:
            # After a 413 the app may fail on the "disconnected" body; that is expected.
            if not rejected:
                raise
