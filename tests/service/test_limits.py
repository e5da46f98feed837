"""Findings 3 and 8: bounded validation, rate limits, body deadlines and connection limits."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.config import Settings
from tests.conftest import LiveServer
from tests.support import answers

UNKNOWN_KEYS = json.dumps({f"unknown_key_{i}": 1 for i in range(42_000)}).encode()
assert 900_000 < len(UNKNOWN_KEYS) < 1_000_000  # the finding's ~1 MB, under the 413 limit


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[LiveServer]:
    """Low limits so a test can reach them: 3 intake posts, 2 verdicts, 2 logins a minute."""
    settings = Settings(
        ADVISOR_DATA_DIR=Path(tmp_path_factory.mktemp("strict")), ADVISOR_DATABASE_URL=database_url,
        ADVISOR_API_KEYS="a=k-a,b=k-b", ADVISOR_INDEX_BUILTIN=False,
        ADVISOR_RATE_INTAKE="3/minute", ADVISOR_RATE_VERDICT="2/minute",
        ADVISOR_RATE_LOGIN="2/minute", ADVISOR_RATE_ASSESS="2/minute",
        ADVISOR_BODY_TIMEOUT_S=1.0, ADVISOR_KEEPALIVE_S=1, ADVISOR_LIMIT_CONCURRENCY=4,
    )
    live = LiveServer(settings=settings).start()
    yield live
    live.stop()


def test_unknown_keys_get_a_small_capped_422(client: httpx.Client) -> None:
    """1 MB of unknown keys used to answer an 8 MB 422 after a second of CPU."""
    for path in ("/verdict", "/assess"):
        response = client.post(path, content=UNKNOWN_KEYS,
                               headers={"content-type": "application/json"})
        assert response.status_code == 422, path
        detail = response.json()["detail"]
        assert len(response.content) < 8_000, path
        assert len(detail) == 21 and detail[-1]["type"] == "too_many_errors"
        assert detail[0] == {"loc": ["body", "unknown_key_0"],
                             "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
        assert "41980 more errors" in detail[-1]["msg"]


def test_error_text_is_clipped(client: httpx.Client) -> None:
    body = dict(answers(), **{"k" * 50_000: 1})
    response = client.post("/assess", json=body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert len(error["loc"][1]) <= 200 and len(response.content) < 2_000


def test_intake_is_rate_limited_per_address(strict: LiveServer) -> None:
    with httpx.Client(base_url=strict.url, timeout=30) as http:
        http.post("/login", data={"key": "k-a", "next": "/"})
        bad = {"task_narrowness": "nope"}  # 422 pages still count: the limit is on posting
        codes = [http.post("/intake", data=bad).status_code for _ in range(4)]
        assert codes[:3] == [422, 422, 422] and codes[3] == 429
        limited = http.post("/intake", data=bad)
        assert int(limited.headers["retry-after"]) >= 1
        assert "Too many requests" in limited.text


def test_verdict_and_login_are_rate_limited_per_address(strict: LiveServer) -> None:
    with httpx.Client(base_url=strict.url, timeout=30) as http:
        codes = [http.post("/verdict", json={}).status_code for _ in range(3)]
        assert codes == [422, 422, 429]
        logins = [http.post("/login", data={"key": "guess"}).status_code for _ in range(3)]
        # (the intake test may have signed in from this address already)
        assert logins[0] == 401 and logins[2] == 429


def test_assess_is_limited_per_caller_and_per_address(strict: LiveServer) -> None:
    with httpx.Client(base_url=strict.url, timeout=30) as http:
        a, b = {"x-api-key": "k-a"}, {"x-api-key": "k-b"}
        first = [http.post("/assess", json=answers(), headers=a).status_code for _ in range(3)]
        assert first == [200, 200, 429]
        # Another caller from the same address meets the address's window too.
        assert http.post("/assess", json=answers(), headers=b).status_code == 429
        assert http.get("/healthz").status_code == 200  # probes are never limited


def test_a_slow_body_gets_408(strict: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", strict.port), timeout=10) as sock:
        sock.sendall(b"POST /verdict HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
                     b"content-length: 950000\r\n\r\n" + b"[" * 1000)
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 408"), reply[:100]
    assert b"not received within 1 s" in reply


def test_idle_connections_are_closed_after_the_keep_alive_timeout(strict: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", strict.port), timeout=15) as sock:
        started = time.monotonic()
        assert sock.recv(1) == b""  # closed by the server, not by our 15 s timeout
        assert time.monotonic() - started < 15


def test_connections_beyond_the_limit_get_503(strict: LiveServer) -> None:
    held = [socket.create_connection(("127.0.0.1", strict.port), timeout=10) for _ in range(4)]
    try:
        for sock in held:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nhost: x\r\n")  # headers never finished
        with httpx.Client(base_url=strict.url, timeout=10) as http:
            assert http.get("/healthz").status_code == 503
    finally:
        for sock in held:
            sock.close()
