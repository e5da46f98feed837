"""Test doubles for Slack: a local Web API + response_url server, and request signing."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode

from slack_sdk.signature import SignatureVerifier

from service.slack.blocks import MAX_BLOCKS, SECTION_LIMIT, slack_len

SECRET = "test-signing-secret"  # a dummy; no real Slack credentials exist in tests
TOKEN = "xoxb-test-token"


@dataclass
class Call:
    """One request the fake received."""

    path: str
    method: str
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class FakeSlack:
    """Records calls; `behaviour[method]` = "error" | "http500" | ("sleep", seconds)."""

    calls: list[Call] = field(default_factory=list)
    behaviour: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, *, name: str = "cmd") -> str:
        return f"{self.url}/response/{name}"

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length).decode()
                try:
                    body = json.loads(raw) if raw.startswith("{") else dict(parse_qsl(raw))
                except ValueError:
                    body = {"raw": raw}
                api = self.path.startswith("/api/")
                method = self.path.removeprefix("/api/") if api else "response_url"
                with fake.lock:
                    fake.calls.append(Call(path=self.path, method=method, body=body,
                                           headers=dict(self.headers)))
                    action = fake.behaviour.get(method)
                if isinstance(action, tuple) and action[0] == "sleep":
                    time.sleep(action[1])
                if action == "http500":
                    self._send(500, b"internal error", "text/plain")
                elif action == "error":
                    self._send(200, json.dumps({"ok": False, "error": "not_in_channel"}).encode())
                elif method == "response_url":
                    self._send(200, b"ok", "text/plain")
                else:
                    answer: dict[str, Any] = {"ok": True}
                    if method == "views.open":
                        answer["view"] = {"id": "V123", **(body.get("view") or {})}
                    if method == "chat.postMessage":
                        answer.update(channel=body.get("channel"), ts="1700000000.000100")
                    self._send(200, json.dumps(answer).encode())

            def _send(self, status: int, payload: bytes, kind: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", kind)
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:  # the client gave up (a timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.behaviour.clear()

    def of(self, method: str) -> list[Call]:
        with self.lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, *, count: int = 1, timeout: float = 30.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        seen = [c.method for c in self.calls]
        raise AssertionError(f"no {method} call within {timeout} s; saw {seen}")


def signed_headers(
    *, body: str, secret: str = SECRET, timestamp: int | None = None,
) -> dict[str, str]:
    """The headers Slack sends, signed the way Slack signs them."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(signing_secret=secret).generate_signature(timestamp=ts, body=body)
    assert signature is not None
    return {"x-slack-request-timestamp": ts, "x-slack-signature": signature,
            "content-type": "application/x-www-form-urlencoded"}


def command_body(*, text: str, response_url: str, trigger_id: str = "T-trigger-1") -> str:
    """A slash command as Slack posts it (form-encoded)."""
    return urlencode({
        "token": "legacy", "team_id": "T0001", "team_domain": "acme", "channel_id": "C0001",
        "channel_name": "ml-questions", "user_id": "U0001", "user_name": "dana",
        "command": "/advisor", "text": text, "api_app_id": "A0001", "response_url": response_url,
        "trigger_id": trigger_id,
    })


def submission_body(*, view: dict[str, Any], values: dict[str, Any]) -> str:
    """A view_submission interaction for `view` with the given state values."""
    # Every submission of a view carries Slack's hash of that view's state; a fresh one here.
    submitted = dict(view, id="V123", team_id="T0001", state={"values": values},
                     hash=view.get("hash") or uuid.uuid4().hex)
    payload = {"type": "view_submission", "team": {"id": "T0001", "domain": "acme"},
               "user": {"id": "U0001", "name": "dana", "team_id": "T0001"},
               "api_app_id": "A0001", "token": "legacy", "trigger_id": "T-trigger-2",
               "view": submitted}
    return urlencode({"payload": json.dumps(payload)})


def state_values(*, view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """Slack's view.state.values for `answers`, shaped by each block's element type."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element = block["element"]
        answer = answers.get(block["block_id"])
        kind = element["type"]
        if kind == "static_select":
            selected = None
            if answer is not None:
                wanted = str(answer).lower() if isinstance(answer, bool) else str(answer)
                matches = [o for o in element["options"] if o["value"] == wanted]
                invented = {"text": {"type": "plain_text", "text": wanted}, "value": wanted}
                selected = matches[0] if matches else invented
            state = {"type": kind, "selected_option": selected}
        else:
            state = {"type": kind, "value": None if answer is None else str(answer)}
        values[block["block_id"]] = {element["action_id"]: state}
    return values


def check_limits(blocks: list[dict[str, Any]]) -> None:
    """Every limit the result must respect, whatever went into it."""
    assert 0 < len(blocks) <= MAX_BLOCKS
    for block in blocks:
        text = block.get("text")
        if block["type"] == "section":
            assert 0 < slack_len(text["text"]) <= SECTION_LIMIT
        if block["type"] == "header":
            assert text["type"] == "plain_text" and slack_len(text["text"]) <= 150
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
            assert all(slack_len(e["text"]) <= 2000 for e in block["elements"])
        if block["type"] == "actions":
            for element in block["elements"]:
                assert len(element["url"]) <= 3000 and len(element["text"]["text"]) <= 75


def all_text(blocks: list[dict[str, Any]]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts += [e["text"] for e in block.get("elements", []) if isinstance(e.get("text"), str)]
    return "\n".join(parts)
