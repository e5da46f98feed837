"""Finding 4: a swamped pool answers 503 for the requests it cannot serve, and never marks a
healthy database down."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from service.config import Settings
from tests.conftest import LiveServer
from tests.service.test_faults import BASE, record

pytestmark = pytest.mark.slow


def test_forty_big_list_requests_on_a_two_connection_pool(
    database_url: str, tmp_path: Path
) -> None:
    settings = Settings(
        ADVISOR_DATA_DIR=tmp_path, ADVISOR_DATABASE_URL=database_url, ADVISOR_API_KEYS=None,
        ADVISOR_INDEX_BUILTIN=False, ADVISOR_POOL_MIN_SIZE=1, ADVISOR_POOL_MAX_SIZE=2,
        ADVISOR_DB_WAIT_S=0.2,
    )
    live = LiveServer(settings=settings).start()
    try:
        with httpx.Client(base_url=live.url, timeout=60) as http:
            for i in range(50):  # enough documents for full pages
                made = http.post("/assess", json=dict(BASE, requests_per_day=10 + i))
                assert made.status_code == 200
        statuses: list[int] = []
        retry_after: list[str | None] = []
        lock = threading.Lock()

        def lister() -> None:
            with httpx.Client(base_url=live.url, timeout=60) as http:
                response = http.get("/assessments", params={"limit": 50})
                with lock:
                    statuses.append(response.status_code)
                    retry_after.append(response.headers.get("retry-after"))

        threads = [threading.Thread(target=lister) for _ in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        supervisor = live.state.supervisor
        with httpx.Client(base_url=live.url, timeout=60) as http:
            after = http.post("/assess", json=dict(BASE, description="right after")).json()
            ready = http.get("/readyz").status_code
        record({
            "busy_list_requests": len(statuses),
            "busy_list_200": statuses.count(200),
            "busy_list_503": statuses.count(503),
            "busy_marked_down": supervisor.downs,
        })
        assert set(statuses) <= {200, 503} and statuses.count(200) > 0
        assert all(r == "1" for s, r in zip(statuses, retry_after, strict=True) if s == 503)
        assert supervisor.downs == 0 and supervisor.up
        assert not after["degraded"] and ready == 200
    finally:
        live.stop()
