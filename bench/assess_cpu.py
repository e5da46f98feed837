"""CPU per /assess request, compared between two versions in alternating runs; or a profile.

Usage: .venv/bin/python bench/assess_cpu.py [--against REV] [--runs 5] [--seconds 8]
       [--connections 4] [--path /assess] [--profile collapsed.txt]
Starts `advisor serve` from this checkout (and, with --against, from `git archive REV` in a
temporary folder, each on its own fresh data dir), warms them up, then runs wrk on each in turn,
`--runs` rounds of ABAB..., and prints the service's and PostgreSQL's CPU milliseconds per
request of every run and the medians. On a shared machine CPU per request still drifts with
what else runs (caches, SMT siblings), so a change is read from runs taken side by side, never
from figures taken at different times. With --profile, py-spy (from PyPI, on PATH) samples this
checkout's server during one extra run and writes collapsed stacks.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadgen import ensure_wrk, note, write_bodies

from bench import REPO, LoadRuns, Server

Sample = tuple[float, float, float, int]  # server ms, database ms, req/s, errors


def export(*, rev: str, into: Path) -> Path:
    """`git archive REV` unpacked into a folder: another version's code, no worktree."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def server_of(*, source: Path, data: Path) -> Server:
    """`advisor serve` running the code under `source` (first on PYTHONPATH)."""
    server = Server(data_dir=data)
    server.env["PYTHONPATH"] = os.pathsep.join(
        [str(source), *filter(None, [os.environ.get("PYTHONPATH")])])
    return server


def sample(*, server: Server, runs: LoadRuns, path: str, connections: int) -> Sample:
    """One wrk run: CPU milliseconds per answered request, throughput and errors."""
    method = "POST" if path == "/assess" else "GET"
    load = runs.run(server=server, method=method, path=path, connections=connections)
    return (load.server_cores / load.rps * 1000, load.database_cores / load.rps * 1000,
            load.rps, load.errors)


def report(*, name: str, rows: list[Sample]) -> tuple[float, float]:
    """One line per run, then the medians; returns (server, database) medians."""
    for service, database, rps, errors in rows:
        print(f"{name}: service {service:.2f} ms + db {database:.2f} ms CPU per request "
              f"({rps:.0f} req/s, {errors} errors)")
    service = statistics.median(r[0] for r in rows)
    database = statistics.median(r[1] for r in rows)
    print(f"{name} median: service {service:.2f} + db {database:.2f} = "
          f"{service + database:.2f} ms CPU per request")
    return service, database


def profile(*, server: Server, runs: LoadRuns, path: str, connections: int, out: Path) -> None:
    """py-spy samples the server process while wrk drives the path."""
    py_spy = shutil.which("py-spy")
    if py_spy is None:
        sys.exit("--profile needs py-spy on PATH (pip install py-spy)")
    assert server.proc is not None
    spy = subprocess.Popen(
        [py_spy, "record", "--pid", str(server.proc.pid), "--format", "raw", "--rate", "200",
         "--nonblocking", "--output", str(out), "--duration", str(int(runs.seconds) + 1)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    sample(server=server, runs=runs, path=path, connections=connections)
    spy.wait()
    note(f"collapsed stacks written to {out}")


def compare(*, servers: dict[str, Server], runs: LoadRuns, args: argparse.Namespace) -> None:
    """Warm every server, then alternate the measured runs between them."""
    for server in servers.values():
        runs.run(server=server, method="POST", path="/assess", connections=4, seconds=3)
    rows: dict[str, list[Sample]] = {name: [] for name in servers}
    for _ in range(args.runs):
        for name, server in servers.items():
            rows[name].append(sample(server=server, runs=runs, path=args.path,
                                     connections=args.connections))
    medians = {name: report(name=f"{name} {args.path}", rows=got) for name, got in rows.items()}
    if len(medians) == 2:
        (_, (s1, d1)), (_, (s2, d2)) = medians.items()
        print(f"this checkout vs {args.against}: service {s1 - s2:+.2f} ms, db {d1 - d2:+.2f} ms"
              f" ({(s1 + d1) / (s2 + d2) - 1:+.1%} in total)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", help="git revision to compare with (e.g. main)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--path", default="/assess", help="/assess (fresh bodies) or a GET path")
    parser.add_argument("--profile", type=Path, help="write py-spy collapsed stacks here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="advisor-cpu-") as tmp:
        folder = Path(tmp)
        sources = {"this checkout": REPO}
        if args.against:
            sources[args.against] = export(rev=args.against, into=folder / "against")
        servers = {name: server_of(source=source, data=folder / f"data-{i}")
                   for i, (name, source) in enumerate(sources.items())}
        try:
            for name, server in servers.items():
                note(f"{name}: ready in {server.start():.1f} s")
            bodies = write_bodies(path=folder / "bodies.jsonl", rng=random.Random(7), count=5000)
            runs = LoadRuns(wrk=ensure_wrk(), bodies=bodies, seconds=args.seconds)
            compare(servers=servers, runs=runs, args=args)
            if args.profile:
                profile(server=servers["this checkout"], runs=runs, path=args.path,
                        connections=args.connections, out=args.profile)
        finally:
            for server in servers.values():
                server.stop()


if __name__ == "__main__":
    main()
