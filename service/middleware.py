"""One pure-ASGI layer for request ids, body limits, metrics and access logs.

API keys are checked per router (service.api.deps.require_key), not here.
"""

from __future__ import annotations

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
# Routes that take bulk data get more room (100,000 score pairs are ~4 MB of JSON or CSV);
# every other route keeps the 1 MB default. Matched on the path's last segment.
LARGE_BODY_BYTES = {"verdict": 8_000_000}


def body_limit(*, path: str) -> int:
    """The largest body this path accepts."""
    return LARGE_BODY_BYTES.get(path.rstrip("/").rsplit("/", 1)[-1], MAX_BODY_BYTES)


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
    """Wraps the app: refuses oversized bodies early (413) and records every request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
        limit = body_limit(path=path)
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

        async def limited_receive() -> Message:
            # Past the limit: answer 413 now and tell the app the client left, so it stops reading.
            nonlocal received, started_response, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    rejected = True
                    if not started_response:
                        started_response = True
                        status_holder["status"] = 413
                        await _json(
                            send, status=413, rid=rid,
                            body={"detail": f"request body exceeds {limit} bytes"},
                        )
                    return {"type": "http.disconnect"}
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
