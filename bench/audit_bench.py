"""Benchmark the dataset audit: examples per second end to end and peak memory (no assertions).

Usage: .venv/bin/python bench/audit_bench.py [--examples 100000] [--seed 7] [--workers 2]

It writes a seeded file of generated chat examples (models/audit/synthetic, development
phrasebook, default defect rates) to a temporary folder, then audits it in a fresh Python
process exactly as a caller would (`run_audit` with worker processes), sampling the memory of
that process and all its children (forkserver and workers) every 50 ms. Figures on a shared
machine are indicative: the load average is printed next to them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def dataset(*, n: int, seed: int) -> Path:
    """The generated file, reused across runs with the same size and seed."""
    from models.audit.synthetic import generate, write_lines

    path = Path(tempfile.gettempdir()) / f"audit-bench-chat-{n}-{seed}.jsonl"
    if not path.exists():
        started = time.perf_counter()
        planted = generate(n=n, seed=seed, formats=("chat",))
        write_lines(path=path, lines=planted.lines)
        print(f"generated {n:,} examples in {time.perf_counter() - started:.1f} s -> {path}",
              file=sys.stderr)
    return path


def child(*, path: Path, workers: int) -> None:
    """Run the audit and print what it found and how long it took, as JSON."""
    from models.audit import AuditOptions, run_audit

    started = time.perf_counter()
    report = run_audit(train=path, options=AuditOptions(workers=workers))
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "audit_seconds": seconds, "examples": report.examples,
        "cpu_seconds": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
        "findings": {f.id: f.count for f in report.findings},
        "usable": report.usable_examples, "quality": report.data_quality.value}))


def tree_sample(proc: psutil.Process, cpu: dict[int, float]) -> tuple[int, int]:
    """Summed RSS and PSS (shared pages split between sharers) of a process and its children;
    records each process's CPU seconds so far in `cpu` (workers are not our children, so
    getrusage would miss them)."""
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            times = p.cpu_times()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
        cpu[p.pid] = times.user + times.system
    return rss, pss


def measure(*, path: Path, workers: int) -> dict[str, Any]:
    """Audit in a child process; peak memory of its process tree and wall time from launch."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(path),
                             "--workers", str(workers)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    watched = psutil.Process(proc.pid)
    peak_rss = peak_pss = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        try:
            rss, pss = tree_sample(watched, cpu)
        except psutil.NoSuchProcess:
            break
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    result = json.loads(out.strip().splitlines()[-1])
    main_cpu = result["cpu_seconds"]
    result["cpu_seconds"] = main_cpu + sum(v for pid, v in cpu.items() if pid != proc.pid)
    return {**result, "main_cpu_seconds": main_cpu, "process_seconds": wall,
            "peak_rss_mb": peak_rss / 2**20,
            "peak_pss_mb": peak_pss / 2**20, "load_before": load_before,
            "load_after": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", type=Path)
    args = parser.parse_args()
    if args.child:
        child(path=args.child, workers=args.workers)
        return
    path = dataset(n=args.examples, seed=args.seed)
    r = measure(path=path, workers=args.workers)
    n = r["examples"]
    print(f"| dataset audit ({n:,} chat examples, {path.stat().st_size / 2**20:.0f} MB, "
          f"{args.workers} workers, {os.cpu_count()} cores, Python {platform.python_version()})"
          " | value |\n|---|---|")
    rows = [
        ("end to end, process start to exit", f"{r['process_seconds']:.1f} s = "
         f"{n / r['process_seconds']:,.0f} examples/s"),
        ("audit call only", f"{r['audit_seconds']:.1f} s = {n / r['audit_seconds']:,.0f} "
         "examples/s"),
        ("CPU time, all processes (main process alone)",
         f"{r['cpu_seconds']:.1f} s ({r['main_cpu_seconds']:.1f} s) = "
         f"{n / r['cpu_seconds']:,.0f} examples per CPU-second"),
        ("bound on 2 idle cores: max(total CPU / 2, main CPU)",
         f"{n / max(r['cpu_seconds'] / 2, r['main_cpu_seconds']):,.0f} examples/s"),
        ("peak memory, process tree (PSS)", f"{r['peak_pss_mb']:.0f} MB"),
        ("peak memory, process tree (RSS sum, counts shared pages twice)",
         f"{r['peak_rss_mb']:.0f} MB"),
        ("load average before / after", f"{r['load_before']:.1f} / {r['load_after']:.1f}"),
        ("data quality, usable", f"{r['quality']}, {r['usable']:,}"),
        ("findings", ", ".join(f"{k} {v:,}" for k, v in r["findings"].items())),
    ]
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
