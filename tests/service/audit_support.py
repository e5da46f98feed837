"""Generated training files for the audit's service tests, and raw-socket uploads that can
stream hundreds of megabytes (or stop half way) without holding them in memory."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import psycopg

from models.audit.synthetic import eval_set, generate, traffic, write_lines

CHUNK = b'{"prompt": "pad", "completion": "pad"}\n' * 26_000  # about 1 MB of valid lines


@dataclass(frozen=True)
class Files:
    """A generated train file with planted defects, its leaky eval file and a traffic sample."""

    train: Path
    eval: Path
    traffic: Path


def generated(*, folder: Path, n: int = 1500, seed: int = 41) -> Files:
    """Three formats mixed line by line, an eval file that leaks and unlike-train traffic."""
    planted = generate(n=n, seed=seed, formats=("chat", "prompt_completion", "instruction"))
    leaky = eval_set(train=planted, n=300, seed=seed + 1)
    return Files(
        train=write_lines(path=folder / "train.jsonl", lines=planted.lines),
        eval=write_lines(path=folder / "eval.jsonl", lines=leaky.lines),
        traffic=write_lines(path=folder / "traffic.txt",
                            lines=traffic(n=400, seed=seed + 2, like_train=False)))


def stored_audits(database_url: str) -> int:
    """How many audits the database holds."""
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT count(*) FROM dataset_audits").fetchone()
    return int(row[0]) if row else 0


def _connect(url: str) -> socket.socket:
    parts = urlparse(url)
    return socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=60)


def _head(*, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "host: test", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def slow_upload(*, url: str, body: bytes, pause_s: float, headers: dict[str, str]) -> int:
    """Send half the body, pause, send the rest: the answer's status."""
    with _connect(url) as sock:
        sock.sendall(_head(path="/datasets/audit", headers={
            "content-type": "application/x-ndjson", "content-length": str(len(body)), **headers}))
        sock.sendall(body[: len(body) // 2])
        time.sleep(pause_s)
        sock.sendall(body[len(body) // 2:])
        return _status(sock)


def _status(sock: socket.socket) -> int:
    """The response's status code (reads until the status line is in)."""
    data = b""
    while b"\r\n" not in data:
        more = sock.recv(65536)
        if not more:
            break
        data += more
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0


def stream_upload(*, url: str, path: str, total: int) -> tuple[int, int]:
    """Send `total` bytes as a chunked JSON Lines body, 1 MB at a time, watching for an early
    answer after each chunk. Returns (status, bytes sent before the answer came)."""
    sent = 0
    with _connect(url) as sock:
        sock.sendall(_head(path=path, headers={"content-type": "application/x-ndjson",
                                               "transfer-encoding": "chunked"}))
        try:
            while sent < total:
                if select.select([sock], [], [], 0)[0]:
                    return _status(sock), sent
                sock.sendall(f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n")
                sent += len(CHUNK)
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        return _status(sock), sent


def declared_upload(*, url: str, path: str, length: int) -> int:
    """Announce a body of `length` bytes and send none of it: the answer's status."""
    with _connect(url) as sock:
        sock.sendall(_head(path=path, headers={"content-type": "application/x-ndjson",
                                               "content-length": str(length)}))
        return _status(sock)


def abandoned_upload(*, url: str, path: str, body: Iterator[bytes], length: int) -> None:
    """Announce `length` bytes, send what `body` yields (all or part of it), then hang up
    without waiting for an answer."""
    with _connect(url) as sock:
        sock.sendall(_head(path=path, headers={"content-type": "application/x-ndjson",
                                               "content-length": str(length)}))
        for piece in body:
            sock.sendall(piece)
