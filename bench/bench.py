"""Benchmark the advisor as users feel it; prints a Markdown table of figures (no assertions).

Usage: .venv/bin/python bench/bench.py [--requests 300] [--chunks 5000]
It starts `advisor serve` exactly as a user would (embedded database, fresh data dir), measures
the in-process model (bench/inference.py), cold and warm start, /assess latency and
throughput, /healthz and a reference endpoint, /guidance/search, the Slack slash-command ack,
ingestion throughput and peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inference import assess_ms
from workload import (
    WORDS,
    fresh_questionnaire,
    generate_corpus,
    percentiles,
    signed_slash_command,
)

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SLACK_SECRET = "bench-signing-secret"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`advisor serve` (or the reference app) in a subprocess, timed until ready."""

    def __init__(self, *, data_dir: Path, reference: bool = False) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(
            os.environ,
            ADVISOR_DATA_DIR=str(data_dir),
            SLACK_SIGNING_SECRET=SLACK_SECRET,
            SLACK_BOT_TOKEN="xoxb-bench",
            SLACK_API_URL=f"http://127.0.0.1:{free_port()}/api/",
        )
        self.env.pop("ADVISOR_DATABASE_URL", None)
        self.env.pop("ADVISOR_API_KEYS", None)
        if reference:
            self.cmd = [
                str(BIN / "uvicorn"),
                "reference_app:app",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--app-dir",
                str(REPO / "bench"),
            ]
            self.ready_path = "/docs"
        else:
            self.cmd = [str(BIN / "advisor"), "serve", "--port", str(self.port)]
            self.ready_path = "/readyz"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> float:
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            self.cmd, env=self.env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.cmd[0]} exited with {self.proc.returncode}")
            try:
                if httpx.get(self.url + self.ready_path, timeout=1).status_code == 200:
                    return time.perf_counter() - t0
            except httpx.HTTPError:
                pass
            if time.perf_counter() - t0 > 180:
                raise TimeoutError("server not ready in 180 s")
            time.sleep(0.05)

    def peak_rss_mb(self) -> float:
        assert self.proc is not None
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()


async def timed_requests(*, url: str, make: Any, total: int, concurrency: int) -> dict[str, Any]:
    """Send `total` requests from `concurrency` clients; latency percentiles, errors, throughput."""
    latencies: list[float] = []
    errors = 0
    queue = list(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            while queue:
                i = queue.pop()
                method, path, kwargs = make(i)
                t0 = time.perf_counter()
                try:
                    r = await client.request(method, path, **kwargs)
                    ok = r.status_code < 400
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    return {**percentiles(latencies), "errors": errors, "rps": total / wall, "n": total}


def ingest_rate(*, data: Path, corpus: Path, chunks: int) -> float:
    """Chunks per second through the real ingest path into the running embedded database."""
    from knowledge.embeddings import Embedder
    from service.config import Settings
    from service.db.embedded import EmbeddedPostgres
    from service.indexing import ingest

    conninfo = EmbeddedPostgres(data_dir=data).start()
    embedder = Embedder(backend=Settings().embedding_backend).load()
    embedder.encode(texts=["warm up"])
    t0 = time.perf_counter()
    report = ingest(conninfo=conninfo, paths=[corpus], collection="bench", embedder=embedder)
    took = time.perf_counter() - t0
    return report.chunks_written / took


Row = tuple[str, str, str]


def timed(*, url: str, make: Any, total: int, concurrency: int) -> dict[str, Any]:
    """timed_requests, run to completion."""
    return asyncio.run(timed_requests(url=url, make=make, total=total, concurrency=concurrency))


def assess_rows(*, server: Server, rng: random.Random, requests: int) -> tuple[list[Row], float]:
    """/assess latency, sequential and under 16 clients; also returns the 16-client req/s."""

    def assess(i: int) -> tuple[str, str, dict[str, Any]]:
        return "POST", "/assess", {"json": fresh_questionnaire(rng=rng, i=i)}

    timed(url=server.url, make=assess, total=30, concurrency=1)  # warm-up
    seq = timed(url=server.url, make=assess, total=requests, concurrency=1)
    conc = timed(url=server.url, make=assess, total=400, concurrency=16)
    rows = [
        (
            "/assess sequential p50 / p95 / p99",
            f"{seq['p50']:.1f} / {seq['p95']:.1f} / {seq['p99']:.1f} ms",
            "p95 ≤ 60 ms",
        ),
        (
            "/assess 16 clients p50 / p95 / p99",
            f"{conc['p50']:.1f} / {conc['p95']:.1f} / {conc['p99']:.1f} ms",
            "",
        ),
        ("/assess 16 clients errors", f"{conc['errors']} of {conc['n']}", "0"),
    ]
    return rows, float(conc["rps"])


def throughput_rows(
    *, server: Server, reference: Server, rng: random.Random, assess_rps: float
) -> list[Row]:
    """/assess throughput beside /healthz and the cheapest endpoint of the same shape."""
    health = timed(url=server.url, make=lambda i: ("GET", "/healthz", {}), total=2000,
                   concurrency=16)
    ref = timed(
        url=reference.url,
        make=lambda i: ("POST", "/reference", {"json": fresh_questionnaire(rng=rng, i=i)}),
        total=2000,
        concurrency=16,
    )
    return [
        ("/assess throughput (16 clients)", f"{assess_rps:.0f} req/s", ""),
        ("/healthz throughput (16 clients)", f"{health['rps']:.0f} req/s", ""),
        ("reference endpoint throughput (16 clients)", f"{ref['rps']:.0f} req/s", ""),
        ("/assess ÷ /healthz", f"{assess_rps / health['rps']:.1%}", ""),
        ("/assess ÷ reference", f"{assess_rps / ref['rps']:.1%}", "≥ 5% (aim 25%)"),
    ]


def search_and_slack_rows(*, server: Server, rng: random.Random) -> list[Row]:
    """/guidance/search latency and the Slack slash-command acknowledgement."""
    search = timed(
        url=server.url,
        make=lambda i: (
            "GET", "/guidance/search", {"params": {"q": " ".join(rng.sample(WORDS, 8)), "k": 5}}
        ),
        total=200,
        concurrency=1,
    )
    slack = timed(
        url=server.url,
        make=lambda i: (
            "POST", "/slack/events", signed_slash_command(secret=SLACK_SECRET, text="help", i=i)
        ),
        total=200,
        concurrency=4,
    )
    return [
        ("/guidance/search p50 / p95", f"{search['p50']:.1f} / {search['p95']:.1f} ms", ""),
        (
            "Slack slash-command ack p50 / p99",
            f"{slack['p50']:.1f} / {slack['p99']:.1f} ms ({slack['errors']} errors)",
            "p99 ≤ 300 ms",
        ),
    ]


def run(*, requests: int, chunks: int) -> list[Row]:
    """Every figure, in table order."""
    rng = random.Random(7)
    rows: list[Row] = [
        ("Advisor.assess per questionnaire (in-process)",
         f"{assess_ms(calls=200, rounds=5):.3f} ms", "< 1 ms"),
    ]
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        data = Path(tmp) / "data"
        server = Server(data_dir=data)
        rows.append(("cold start (fresh data dir → /readyz 200)", f"{server.start():.1f} s",
                     "≤ 20 s"))
        server.stop()
        server = Server(data_dir=data)
        rows.append(("warm start (→ /readyz 200)", f"{server.start():.1f} s", "≤ 10 s"))
        reference = Server(data_dir=data, reference=True)
        reference.start()
        try:
            latency, assess_rps = assess_rows(server=server, rng=rng, requests=requests)
            rows += latency
            rows += throughput_rows(server=server, reference=reference, rng=rng,
                                    assess_rps=assess_rps)
            rows += search_and_slack_rows(server=server, rng=rng)
            corpus = Path(tmp) / "corpus"
            made = generate_corpus(folder=corpus, chunks=chunks, rng=rng)
            rate = ingest_rate(data=data, corpus=corpus, chunks=made)
            rows.append((f"ingestion ({made} chunks, model already loaded)",
                         f"{rate:.0f} chunks/s", "≥ 200 chunks/s"))
            rows.append(("peak RSS of the service process", f"{server.peak_rss_mb():.0f} MB", ""))
        finally:
            reference.stop()
            server.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--chunks", type=int, default=5000)
    args = parser.parse_args()
    rows = run(requests=args.requests, chunks=args.chunks)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}"
    )
    print("\n| figure | measured | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
