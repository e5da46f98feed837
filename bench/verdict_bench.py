"""Time a per-example verdict in process, the way the route runs it; prints a Markdown table.

Usage: python bench/verdict_bench.py [--repeats 15]
Each row: JSON text -> json.loads -> VerdictRequest validation -> decide -> response JSON, the
median and 90th percentile over the repeats after one warm-up. The target (issue 17): the median
for 10,000 pairs stays well under 100 ms. Also timed: the error path (one bad row at the end),
and the CSV reader the verdict page will use. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import functools
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pydantic import ValidationError

from models.verdict import VerdictRequest, decide
from models.verdict.csv_input import parse_scores_csv

PLAN = {"baseline": 0.72, "success_threshold": 0.792}


def pairs(*, n: int, kind: str, seed: int) -> list[dict[str, float]]:
    """Paired scores: pass/fail with an 8-point gain, or fractions with a small noisy gain."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if kind == "pass/fail":
            base = float(rng.random() < 0.72)
            out.append({"baseline": base, "candidate": float(rng.random() < 0.80)})
        else:
            base = rng.random()
            out.append(
                {
                    "baseline": round(base, 4),
                    "candidate": round(min(1.0, base + rng.random() * 0.1), 4),
                }
            )
    return out


def timed(*, run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median and p90 wall time in milliseconds, after one warm-up run."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.9 * len(times)))]


def verdict_round_trip(body: str) -> Callable[[], object]:
    """What POST /verdict does with a body, minus HTTP."""

    def run() -> object:
        request = VerdictRequest.model_validate(json.loads(body))
        return decide(request=request).model_dump_json()

    return run


def rejected(body: str) -> Callable[[], object]:
    """The error path: validation that finds one bad row and names it."""

    def run() -> object:
        try:
            VerdictRequest.model_validate(json.loads(body))
        except ValidationError as error:
            return error.errors()
        raise AssertionError("the bad row was accepted")

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    rows = []
    for n in (1_000, 10_000, 100_000):
        for kind in ("pass/fail", "fractions"):
            data = pairs(n=n, kind=kind, seed=n)
            body = json.dumps({"plan": PLAN, "results": data})
            median, p90 = timed(run=verdict_round_trip(body), repeats=args.repeats)
            rows.append((f"verdict, {kind}", n, len(body), median, p90))
        data[-1] = {"baseline": 0.5, "candidate": "oops"}  # type: ignore[dict-item]
        body = json.dumps({"plan": PLAN, "results": data})
        median, p90 = timed(run=rejected(body), repeats=args.repeats)
        rows.append(("422 path (last row bad)", n, len(body), median, p90))
        text = "baseline,candidate\n" + "".join(
            f"{p['baseline']},{p['candidate']}\n" for p in pairs(n=n, kind="fractions", seed=n)
        )
        parse = functools.partial(parse_scores_csv, text=text)
        median, p90 = timed(run=parse, repeats=args.repeats)
        rows.append(("CSV text -> pairs", n, len(text), median, p90))
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.repeats} repeats")
    print("(shared machine: figures are indicative)\n")
    print("| what | pairs | body bytes | median ms | p90 ms |")
    print("|---|---:|---:|---:|---:|")
    for what, n, size, median, p90 in rows:
        print(f"| {what} | {n:,} | {size:,} | {median:.1f} | {p90:.1f} |")


if __name__ == "__main__":
    main()
