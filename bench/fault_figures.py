"""Print the reliability figures the fault tests recorded, as the README's Markdown table.

tests/service/test_faults.py (run by the test command) writes test-artifacts/fault-report.json;
this turns the latest run into the table, so the README never carries hand-copied figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "test-artifacts" / "fault-report.json"

ROWS = (
    ("400 requests from 16 clients", "{load_failures} failures, {pool_errors} pool errors"),
    ("postmaster killed (SIGKILL) during {kill_requests} requests from 8 clients",
     "{kill_answered_200} of {kill_requests} answered 200 ({kill_degraded_answers} degraded)"),
    ("time until `/readyz` is 200 again / guidance returns",
     "{ready_again_s} s / {guidance_back_s} s"),
    ("external PostgreSQL stopped and restarted",
     "degraded answers meanwhile; ready {external_ready_again_s} s after restart"),
    ("assessments lost / stored copy differs", "{assessments_lost} / {stored_differs}"),
    ("PostgreSQL frozen (SIGSTOP on postmaster and backends): `/readyz`",
     "{frozen_readyz_status} in {frozen_readyz_s} s"),
    ("PostgreSQL frozen: {frozen_requests} `/assess` from 6 clients",
     "{frozen_answered_200} answered 200 ({frozen_degraded} degraded) in {frozen_batch_s} s; "
     "{frozen_lost_or_changed} lost after SIGCONT; ready {frozen_ready_after_resume_s} s later"),
    ("{busy_list_requests} concurrent `GET /assessments?limit=50` on a 2-connection pool",
     "{busy_list_200} × 200, {busy_list_503} × 503 (busy); database marked down "
     "{busy_marked_down} times"),
    ("16 parallel 1 MB unknown-keys `/verdict` bodies",
     "422 of at most {unknown_keys_422_bytes} bytes; all done in {unknown_keys_16_s} s; "
     "`/healthz` meanwhile {unknown_keys_healthz_s} s"),
)


def main() -> None:
    """Print the table, or say which command produces the figures when none exist yet."""
    if not REPORT.exists():
        sys.exit("no fault figures yet: run `scripts/test tests/service/test_faults.py` first")
    figures = json.loads(REPORT.read_text(encoding="utf-8"))
    print("| figure | measured |\n|---|---|")
    for label, value in ROWS:
        try:
            print(f"| {label.format(**figures)} | {value.format(**figures)} |")
        except KeyError as missing:
            print(f"| {label.split('{')[0].strip()} | not measured ({missing}) |")
    bad = figures.get("bad_inputs", {})
    if bad:
        answers = "; ".join(f"{name} {status}" for name, status in bad.items())
        print(f"| bad inputs | {answers} |")


if __name__ == "__main__":
    main()
