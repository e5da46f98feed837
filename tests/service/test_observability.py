"""Request ids in responses and in the JSON log lines."""

from __future__ import annotations

import json
import logging

import httpx

from service.logging import JsonFormatter, request_id_var


def test_request_id_is_echoed_or_generated(client: httpx.Client) -> None:
    given = client.get("/healthz", headers={"x-request-id": "trace-123"})
    assert given.headers["x-request-id"] == "trace-123"
    generated = client.get("/healthz").headers["x-request-id"]
    assert len(generated) == 32 and generated != "trace-123"


def test_log_lines_are_json_with_request_id() -> None:
    record = logging.LogRecord("advisor.access", logging.INFO, __file__, 1, "POST %s %s",
                               ("/assess", 200), None)
    record.duration_ms = 12.5
    token = request_id_var.set("req-42")
    try:
        line = JsonFormatter().format(record)
    finally:
        request_id_var.reset(token)
    payload = json.loads(line)
    assert payload["request_id"] == "req-42"
    assert payload["message"] == "POST /assess 200" and payload["duration_ms"] == 12.5
