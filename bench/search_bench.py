"""Latency of search as users feel it: /guidance/search, and /assess with and without the
description's dense side. Prints a Markdown table (no assertions).

Usage: .venv/bin/python bench/search_bench.py [--requests 300]
Starts `advisor serve` (embedded database, fresh data dir) twice: with the default BM25-only
description search, then with ADVISOR_DENSE_DESCRIPTION=true (MiniLM ONNX on each description).
/guidance/search is asked realistic questions (the hard sets' wording, typos included) and
random word salads; every query goes through the rewriting (synonyms, spelling) it runs in use.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workload import WORDS, fresh_questionnaire

from bench import REPO, Server, timed

QUESTION_FILES = ("hard_seed_queries.jsonl", "hard_corpus_queries.jsonl", "seed_queries.jsonl")


def questions() -> list[str]:
    """Every labelled question's text: only their wording matters here, not their labels."""
    out = []
    for name in QUESTION_FILES:
        path = REPO / "knowledge" / "eval" / name
        out += [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines()]
    return out


def search_row(*, server: Server, rng: random.Random, requests: int) -> tuple[str, str, str]:
    """/guidance/search p50 / p95 / p99, one client, realistic and random questions mixed."""
    asked = questions()

    def make(i: int) -> tuple[str, str, dict[str, Any]]:
        q = rng.choice(asked) if i % 2 else " ".join(rng.sample(WORDS, 8))
        return "GET", "/guidance/search", {"params": {"q": q, "k": 5}}

    timed(url=server.url, make=make, total=30, concurrency=1)  # warm-up
    found = timed(url=server.url, make=make, total=requests, concurrency=1)
    return ("/guidance/search p50 / p95 / p99",
            f"{found['p50']:.1f} / {found['p95']:.1f} / {found['p99']:.1f} ms", "p95 ≤ 25 ms")


def assess_row(*, server: Server, rng: random.Random, requests: int,
               label: str) -> tuple[str, str, str]:
    """/assess p50 / p95 / p99, one client, a fresh description every time."""

    def make(i: int) -> tuple[str, str, dict[str, Any]]:
        return "POST", "/assess", {"json": fresh_questionnaire(rng=rng, i=i)}

    timed(url=server.url, make=make, total=30, concurrency=1)
    found = timed(url=server.url, make=make, total=requests, concurrency=1)
    return (f"/assess p50 / p95 / p99, description {label}",
            f"{found['p50']:.1f} / {found['p95']:.1f} / {found['p99']:.1f} ms", "p95 ≤ 20 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(14)
    rows = []
    with tempfile.TemporaryDirectory(prefix="advisor-search-bench-") as tmp:
        for dense in (False, True):
            server = Server(data_dir=Path(tmp) / "data")
            server.env["ADVISOR_DENSE_DESCRIPTION"] = "true" if dense else "false"
            server.start()
            try:
                if not dense:
                    rows.append(search_row(server=server, rng=rng, requests=args.requests))
                label = "hybrid (MiniLM ONNX)" if dense else "BM25 only (default)"
                rows.append(assess_row(server=server, rng=rng, requests=args.requests,
                                       label=label))
            finally:
                server.stop()
    print("| figure | measured | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
