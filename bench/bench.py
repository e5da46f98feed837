"""Benchmark the advisor as users feel it; prints a Markdown table of figures (no assertions).

Usage: .venv/bin/python bench/bench.py [--seconds 15] [--chunks 5000]
It starts `advisor serve` exactly as a user would (embedded database, fresh data dir), measures
the in-process model (bench/inference.py), cold and warm start, then drives /assess, a reference
endpoint and /healthz with wrk (installed from Debian when missing; bench/fresh.lua sends a
never-seen description per request) in the same run, with the CPU the client and the servers
used, and measures /guidance/search, the Slack slash-command ack, ingestion and peak memory.
Only the table goes to stdout (scripts/update_readme.py embeds it); progress goes to stderr.
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
from loadgen import Load, ensure_wrk, note, run_wrk, write_bodies, wrk_version
from workload import WORDS, generate_corpus, percentiles, signed_slash_command

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SLACK_SECRET = "bench-signing-secret"


def total_cpu(*, pid: int) -> float:
    """CPU seconds of a process, its live children and the children it has reaped."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
        total = 0.0
        for proc in procs:
            times = proc.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
        return total
    except psutil.Error:
        return 0.0


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`advisor serve` (or the reference app) in a subprocess, timed until ready."""

    def __init__(self, *, data_dir: Path, reference: bool = False) -> None:
        self.port = free_port()
        self.data_dir = data_dir
        self.reference = reference
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(
            os.environ,
            ADVISOR_DATA_DIR=str(data_dir),
            SLACK_SIGNING_SECRET=SLACK_SECRET,
            SLACK_BOT_TOKEN="xoxb-bench",
            SLACK_API_URL=f"http://127.0.0.1:{free_port()}/api/",
            # The load runs measure the work, not the limiter's 429s (120/minute by default).
            ADVISOR_RATE_ASSESS="10000000/minute",
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
                "--no-access-log",
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

    def start_row(self, *, name: str, target: str) -> Row:
        """Start, and report the wall time beside the CPU it took (readable on a busy machine)."""
        wall = self.start()
        assert self.proc is not None
        service = total_cpu(pid=self.proc.pid)
        postmaster = self.postmaster_pid()
        database = total_cpu(pid=postmaster) if postmaster else 0.0
        return (name, f"{wall:.1f} s (CPU: service {service:.1f} s, PostgreSQL {database:.1f} s)",
                target)

    def postmaster_pid(self) -> int | None:
        """The embedded postmaster serving this server (its backends do the SQL work)."""
        try:
            pid = int((self.data_dir / "pgdata" / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        return pid if pid > 0 else None

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


class LoadRuns:
    """The wrk runs of one benchmark: one tool, one set of bodies, for every endpoint."""

    def __init__(self, *, wrk: str, bodies: Path, seconds: float) -> None:
        self.wrk, self.bodies, self.seconds = wrk, bodies, seconds

    def run(self, *, server: Server, method: str, path: str, connections: int,
            seconds: float | None = None) -> Load:
        assert server.proc is not None
        note(f"wrk: {method} {path}, {connections} connection(s), {seconds or self.seconds:g} s")
        return run_wrk(
            wrk=self.wrk, url=server.url, method=method, path=path,
            bodies=self.bodies if method == "POST" else None, connections=connections,
            seconds=seconds or self.seconds, server_pid=server.proc.pid,
            database_pid=None if server.reference else server.postmaster_pid(),
        )


def client_verdict(*, loads: dict[str, Load]) -> str:
    """Whether the ratios can be read: wrk must not be the limit, and says so when it is."""
    bound = [name for name, load in loads.items() if load.client_bound]
    if bound:
        return f"yes on {', '.join(bound)}: do not read those ratios"
    client = max(load.client_cores for load in loads.values())
    server = [load.server_cores + load.database_cores for load in loads.values()]
    verdict = f"no: wrk used ≤ {client:.2f} cores, each server more"
    if min(server) < 0.7:
        verdict += (f"; the servers got only {min(server):.2f}–{max(server):.2f} cores, so the"
                    " machine was shared and the ratios are indicative")
    return verdict


def load_rows(*, server: Server, reference: Server, runs: LoadRuns) -> list[Row]:
    """/assess sequentially and under 16 connections, beside the reference endpoint and /healthz."""
    runs.run(server=server, method="POST", path="/assess", connections=4, seconds=3)  # warm-up
    seq = runs.run(server=server, method="POST", path="/assess", connections=1)
    assess = runs.run(server=server, method="POST", path="/assess", connections=16)
    ref = runs.run(server=reference, method="POST", path="/reference", connections=16)
    health = runs.run(server=server, method="GET", path="/healthz", connections=16)
    verdict = client_verdict(loads={"/assess": assess, "reference": ref, "/healthz": health})
    return [
        ("/assess sequential p50 / p95 / p99 (1 connection)",
         f"{seq.p50_ms:.1f} / {seq.p95_ms:.1f} / {seq.p99_ms:.1f} ms", "p95 ≤ 20 ms"),
        ("/assess 16 connections p50 / p95 / p99",
         f"{assess.p50_ms:.1f} / {assess.p95_ms:.1f} / {assess.p99_ms:.1f} ms", ""),
        ("/assess 16 connections errors", f"{assess.errors} of {assess.requests}", "0"),
        ("/assess throughput (16 connections)", f"{assess.rps:.0f} req/s ({assess.cpu()})", ""),
        ("reference endpoint throughput (16 connections)",
         f"{ref.rps:.0f} req/s ({ref.cpu()})", ""),
        ("/healthz throughput (16 connections)", f"{health.rps:.0f} req/s ({health.cpu()})", ""),
        ("was the client the limit?", verdict, "no"),
        ("/assess ÷ reference", f"{assess.rps / ref.rps:.1%}", "≥ 10% (aim 15%)"),
        ("/assess ÷ /healthz", f"{assess.rps / health.rps:.1%}", ""),
        ("/assess ÷ reference by server CPU per request",
         f"{ref.cpu_ms_per_request / assess.cpu_ms_per_request:.1%}", ""),
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


def run(*, seconds: float, chunks: int) -> list[Row]:
    """Every figure, in table order."""
    rng = random.Random(7)
    wrk = ensure_wrk()
    started_load = load_average()
    rows: list[Row] = [
        ("machine", f"{platform.machine()}, {os.cpu_count()} cores, "
         f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}",
         ""),
        ("load generator", f"{wrk_version(wrk=wrk)} (2 threads), bench/fresh.lua: a never-seen "
         f"description per POST; {seconds:g} s per run", ""),
    ]
    note("in-process model ...")
    rows.append(("Advisor.assess per questionnaire (in-process)",
                 f"{assess_ms(calls=200, rounds=5):.3f} ms", "< 1 ms"))
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        data = Path(tmp) / "data"
        note("cold start (fresh data dir) ...")
        server = Server(data_dir=data)
        rows.append(server.start_row(
            name="cold start (fresh data dir; model export and kept vectors present → /readyz 200)",
            target="≤ 8 s"))
        server.stop()
        note("warm start ...")
        server = Server(data_dir=data)
        rows.append(server.start_row(name="warm start (→ /readyz 200)", target="≤ 10 s"))
        reference = Server(data_dir=data, reference=True)
        reference.start()
        try:
            bodies = write_bodies(path=Path(tmp) / "bodies.jsonl", rng=rng, count=5000)
            runs = LoadRuns(wrk=wrk, bodies=bodies, seconds=seconds)
            rows += load_rows(server=server, reference=reference, runs=runs)
            note("/guidance/search and the Slack ack ...")
            rows += search_and_slack_rows(server=server, rng=rng)
            corpus = Path(tmp) / "corpus"
            made = generate_corpus(folder=corpus, chunks=chunks, rng=rng)
            note(f"ingesting {made} generated chunks ...")
            rate = ingest_rate(data=data, corpus=corpus, chunks=made)
            rows.append((f"ingestion ({made} chunks, model already loaded)",
                         f"{rate:.0f} chunks/s", "≥ 300 chunks/s"))
            rows.append(("peak RSS of the service process", f"{server.peak_rss_mb():.0f} MB", ""))
        finally:
            reference.stop()
            server.stop()
    rows.append(("load average (1/5/15 min) at start → end, all processes on the machine",
                 f"{started_load} → {load_average()}", ""))
    return rows


def load_average() -> str:
    """The machine's load: on a shared machine every figure above depends on it."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15, help="length of each wrk run")
    parser.add_argument("--chunks", type=int, default=5000)
    args = parser.parse_args()
    rows = run(seconds=args.seconds, chunks=args.chunks)
    print("| figure | measured | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
