"""How uvicorn runs the app: connection and keep-alive limits from Settings, idle sockets closed."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from service.config import Settings

PROTOCOL = "service.serving:IdleClosingProtocol"


class IdleClosingProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    """uvicorn's HTTP protocol, but a new connection that sends nothing is closed after the
    keep-alive timeout too (uvicorn only times out connections that finished a request)."""

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )


def uvicorn_options(*, settings: Settings) -> dict[str, Any]:
    """The uvicorn.Config / uvicorn.run keywords that bound connections and idle time."""
    return {
        "http": PROTOCOL,
        "limit_concurrency": settings.limit_concurrency,
        "timeout_keep_alive": settings.keepalive_s,
        "timeout_graceful_shutdown": 10,
    }
