"""Logs read by people on a terminal, JSON for collectors, and a first run that says where it is."""

from __future__ import annotations

import io
import json
import logging
import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.logging import configure_logging
from tests.conftest import free_port

BIN = Path(sys.executable).parent


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """configure_logging rewires the root and uvicorn's loggers; put them back afterwards."""
    names = ("", "uvicorn", "uvicorn.error", "uvicorn.access")
    saved = {n: (lg.handlers[:], lg.level, lg.propagate)
             for n, lg in ((n, logging.getLogger(n)) for n in names)}
    yield
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate


def emit_start_up() -> None:
    """What uvicorn and the service log around a start (uvicorn's own wording)."""
    uvicorn = logging.getLogger("uvicorn.error")
    uvicorn.info("Started server process [%d]", 4242)
    logging.getLogger("service.parts").info("built-in knowledge base: %d files, unchanged", 19)
    uvicorn.info("Application startup complete.")
    uvicorn.info("Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "127.0.0.1", 8000)
    logging.getLogger("advisor.access").info(
        "%s %s %s", "GET", "/healthz", 200, extra={"duration_ms": 0.42, "status": 200}
    )


def test_a_terminal_gets_readable_lines_and_one_line_that_says_where(
    restore_logging: None,
) -> None:
    out = Terminal()
    configure_logging(stream=out)
    emit_start_up()
    lines = out.getvalue().splitlines()
    assert [re.sub(r"^\d\d:\d\d:\d\d  ", "", line) for line in lines] == [
        "built-in knowledge base: 19 files, unchanged",
        "ready: service http://127.0.0.1:8000 · form http://127.0.0.1:8000/intake"
        " · API docs http://127.0.0.1:8000/docs (Ctrl+C stops)",
        "GET /healthz 200  0.4 ms",
    ]


def test_anything_else_gets_json_with_every_uvicorn_notice(restore_logging: None) -> None:
    out = io.StringIO()
    configure_logging(stream=out)
    emit_start_up()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 5
    assert records[0]["message"] == "Started server process [4242]"
    assert records[3]["message"].startswith("ready: service http://127.0.0.1:8000 ")
    assert records[4]["duration_ms"] == 0.42 and records[4]["logger"] == "advisor.access"


def serve(*, data_dir: Path, stderr: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, ADVISOR_DATA_DIR=str(data_dir))
    for name in ("ADVISOR_DATABASE_URL", "ADVISOR_API_KEYS", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    proc = subprocess.Popen([str(BIN / "advisor"), "serve", "--port", str(port)], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"advisor serve was not ready (exit code {proc.poll()})")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGINT)
    assert proc.wait(60) == 0


def drain(fd: int, into: list[bytes]) -> threading.Thread:
    def run() -> None:
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            into.append(chunk)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.mark.slow
def test_a_first_run_talks_on_a_terminal_and_writes_json_to_a_pipe(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    chunks: list[bytes] = []
    reader = drain(master, chunks)
    proc, url = serve(data_dir=tmp_path, stderr=slave)
    os.close(slave)
    stop(proc)
    reader.join(10)
    os.close(master)
    terminal = b"".join(chunks).decode().replace("\r\n", "\n")
    lines = [re.sub(r"^\d\d:\d\d:\d\d  ", "", line) for line in terminal.splitlines()]
    assert lines[0] == f"starting the advisor (data in {tmp_path})"
    assert any(line.startswith("creating the embedded PostgreSQL database") for line in lines)
    assert any(re.match(r"built-in knowledge base: \d+ passages from \d+ new", line)
               for line in lines)
    ready = f"ready: service {url} · form {url}/intake · API docs {url}/docs (Ctrl+C stops)"
    assert ready in lines
    assert not [line for line in lines if line.startswith("{") or "Warning" in line], terminal

    proc, url = serve(data_dir=tmp_path, stderr=subprocess.PIPE)
    stop(proc)
    assert proc.stderr is not None
    records = [json.loads(line) for line in proc.stderr.read().decode().splitlines()]
    messages = [record["message"] for record in records]
    assert f"ready: service {url} · form {url}/intake · API docs {url}/docs (Ctrl+C stops)" \
        in messages
    assert any(re.fullmatch(r"built-in knowledge base: \d+ files, unchanged", m)
               for m in messages)
