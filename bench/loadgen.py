"""Load from wrk, a compiled client, so the figures measure the server rather than the client.

Every run reports throughput, latency percentiles and errors, and the CPU the client and the
server used meanwhile: a ratio between two endpoints only means something when the client was
not the limit, and these figures are how a reader checks that.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psutil
from workload import fresh_questionnaire

SCRIPT = Path(__file__).with_name("fresh.lua")
ID_TOKEN = "@ID@"  # fresh.lua swaps in thread id and request number


def note(message: str) -> None:
    """Progress goes to stderr: stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)


def ensure_wrk() -> str:
    """wrk's path, installing Debian's package first when it is missing."""
    found = shutil.which("wrk")
    if found:
        return found
    note("installing wrk (Debian package) for the load runs ...")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "install", "-y", "-qq", "wrk"], ["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "wrk"]):
        subprocess.run([*sudo, *command], env=env, capture_output=True, check=False)
        if found := shutil.which("wrk"):
            return found
    sys.exit("bench needs wrk: install it with `sudo apt-get install wrk` and run again")


def wrk_version(*, wrk: str) -> str:
    """'wrk 4.1.0 ...' from the banner (wrk -v prints it and exits 1)."""
    done = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    banner = (done.stdout or done.stderr).splitlines()
    return banner[0].split(" Copyright")[0] if banner else "wrk"


def write_bodies(*, path: Path, rng: random.Random, count: int) -> Path:
    """Questionnaires from the shared workload, one JSON line each, with the id token."""
    lines = []
    for i in range(count):
        body = fresh_questionnaire(rng=rng, i=i, tag=ID_TOKEN)
        lines.append(json.dumps(body, separators=(",", ":")))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Load:
    """One wrk run: what the server did, and what the client and server spent to get there."""

    requests: int
    errors: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    client_cores: float
    server_cores: float
    database_cores: float

    @property
    def client_bound(self) -> bool:
        """The client used most of a core, or more than the server: its rate is not the server's."""
        return self.client_cores >= 0.8 or self.client_cores >= self.server_cores

    @property
    def cpu_ms_per_request(self) -> float:
        """Server and database CPU per answered request, in milliseconds."""
        return (self.server_cores + self.database_cores) / self.rps * 1000

    def cpu(self) -> str:
        """CPU per party, in cores, and the server's CPU per request (robust to a busy machine)."""
        db = f", db {self.database_cores:.2f}" if self.database_cores >= 0.005 else ""
        return (f"client {self.client_cores:.2f}, server {self.server_cores:.2f}{db} cores; "
                f"{self.cpu_ms_per_request:.2f} ms server CPU per request")


def _cpu_by_pid(pids: list[int]) -> dict[int, float]:
    """User + system seconds of each process and its children, by pid."""
    seconds: dict[int, float] = {}
    for pid in pids:
        try:
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                times = proc.cpu_times()
                seconds[proc.pid] = times.user + times.system
        except psutil.Error:
            continue
    return seconds


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(
    *,
    wrk: str,
    url: str,
    method: str,
    path: str,
    bodies: Path | None,
    connections: int,
    seconds: float,
    server_pid: int,
    database_pid: int | None = None,
) -> Load:
    """Drive one endpoint for `seconds` with `connections` keep-alive connections."""
    threads = min(connections, 2)
    command = [wrk, "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s",
               "--timeout", "10s", "-s", str(SCRIPT), url, "--", method, path]
    if bodies is not None:
        command.append(str(bodies))
    server_before = _cpu_by_pid([server_pid])
    db_before = _cpu_by_pid([database_pid] if database_pid else [])
    client_before = _children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    client = _children_cpu() - client_before
    server = _spent(server_before, _cpu_by_pid([server_pid]))
    database = _spent(db_before, _cpu_by_pid([database_pid] if database_pid else []))
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("WRK-JSON ")]
    if done.returncode != 0 or not lines:
        sys.exit(f"wrk failed ({done.returncode}): {done.stderr[-1000:] or done.stdout[-1000:]}")
    figures = json.loads(lines[-1].removeprefix("WRK-JSON "))
    wall = figures["duration_us"] / 1e6
    errors = sum(figures[key] for key in ("connect", "read", "write", "status", "timeout"))
    return Load(
        requests=figures["requests"],
        errors=errors,
        rps=figures["requests"] / wall,
        p50_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        client_cores=client / wall,
        server_cores=server / wall,
        database_cores=database / wall,
    )
