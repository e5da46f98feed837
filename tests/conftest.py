"""Shared fixtures: one real embedded PostgreSQL + pgvector and one live server per session."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from service.config import Settings
from service.main import create_app
from service.serving import uvicorn_options

# Browser fixtures (chromium, page) for every test module that drives a real browser.
pytest_plugins = ["tests.browser"]

REPO = Path(__file__).resolve().parent.parent
# Tests send hundreds of requests from one address; the limits themselves are tested with low
# values in tests/service/test_limits.py.
for _bucket in ("ASSESS", "INTAKE", "OUTCOMES", "VERDICT", "LOGIN", "AUDIT"):
    os.environ.setdefault(f"ADVISOR_RATE_{_bucket}", "100000/minute")
SEEDS = REPO.parent / "shared" / "seeds"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """A real uvicorn server in a thread, so tests (and the browser) speak real HTTP."""

    def __init__(self, *, settings: Settings) -> None:
        self.app = create_app(settings=settings)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            **{**uvicorn_options(settings=settings), "timeout_graceful_shutdown": 5},
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("server failed to start; see the log above")
            if time.monotonic() > deadline:
                raise TimeoutError("server did not start within 120 s")
            time.sleep(0.05)
        return self

    @property
    def state(self) -> Any:
        """The parts the lifespan started (what requests see as request.state.app)."""
        return self.server.lifespan.state["app"]

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=60)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("advisor-data")


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    return Settings(
        ADVISOR_DATA_DIR=data_dir,
        ADVISOR_DATABASE_URL=None,
        ADVISOR_API_KEYS=None,
        SLACK_SIGNING_SECRET=None,
        SLACK_BOT_TOKEN=None,
    )


@pytest.fixture(scope="session")
def server(settings: Settings) -> Iterator[LiveServer]:
    live = LiveServer(settings=settings).start()
    yield live
    live.stop()


@pytest.fixture(scope="session")
def database_url(server: LiveServer) -> str:
    """The session database's URI, for tests that talk SQL or run a second app on it."""
    conninfo: str = server.state.database.conninfo
    return conninfo


@pytest.fixture
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def embedder(server: LiveServer) -> Any:
    return server.state.embedder
