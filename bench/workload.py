"""Benchmark inputs: never-seen descriptions, a large generated corpus, signed Slack calls."""

from __future__ import annotations

import hashlib
import hmac
import random
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from models import questionnaire as q

WORDS = (
    "support tickets billing invoices refunds schema extraction contracts clauses wallet bridge "
    "policy weekly changelog pricing docs retrieval latency volume labels examples tone brand "
    "classification routing escalation compliance sanctions onboarding summaries governance "
    "proposals medical triage notes legal intake security alerts phishing triage edge device "
    "offline firmware catalogue products search answers agents tools planning reasoning "
    "forecasting portfolio risk disclosures KYC fields forms receipts emails translation"
).split()

ENUMS = {
    name: [member.value for member in enum]
    for name, enum in {
        "task_narrowness": q.TaskNarrowness, "knowledge_freshness": q.KnowledgeFreshness,
        "mlops_capacity": q.MlopsCapacity, "risk_domain": q.RiskDomain,
        "primary_gap": q.PrimaryGap, "data_quality": q.DataQuality,
        "output_strictness": q.OutputStrictness, "workflow_stability": q.WorkflowStability,
    }.items()
}


def fresh_questionnaire(*, rng: random.Random, i: int, tag: str | None = None) -> dict[str, Any]:
    """A random valid questionnaire whose description no cache has seen.

    tag replaces the unique prefix, for a load generator that fills in its own (bench/fresh.lua).
    """
    body: dict[str, Any] = {
        k: rng.choice(ENUMS[k])
        for k in ("task_narrowness", "knowledge_freshness", "mlops_capacity", "risk_domain")
    }
    body["requests_per_day"] = int(10 ** rng.uniform(1, 7))
    prefix = tag if tag is not None else f"{i}-{time.time_ns()}"
    body["description"] = f"[{prefix}] " + " ".join(rng.choices(WORDS, k=rng.randint(12, 40)))
    for key in ("primary_gap", "data_quality", "output_strictness", "workflow_stability"):
        if rng.random() < 0.7:
            body[key] = rng.choice(ENUMS[key])
    if rng.random() < 0.7:
        body["labeled_examples"] = int(10 ** rng.uniform(1, 5))
    if rng.random() < 0.5:
        body["prompt_baseline_score"] = round(rng.uniform(0.3, 0.98), 2)
    if rng.random() < 0.6:
        body["success_metric_defined"] = rng.random() < 0.6
    if rng.random() < 0.6:
        body["needs_private_context"] = rng.random() < 0.5
    return body


def percentiles(latencies: list[float]) -> dict[str, float]:
    """p50/p95/p99 in milliseconds."""
    if len(latencies) < 2:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    q = statistics.quantiles([x * 1000 for x in latencies], n=100, method="inclusive")
    return {"p50": q[49], "p95": q[94], "p99": q[98]}


def generate_corpus(*, folder: Path, chunks: int, rng: random.Random) -> int:
    """Markdown files of ~100-word sections; returns the number of sections written."""
    folder.mkdir(parents=True, exist_ok=True)
    per_file = 25
    made = 0
    for f in range(0, chunks, per_file):
        lines = [f"# Generated topic {f}"]
        for s in range(per_file):
            sentences = [" ".join(rng.choices(WORDS, k=12)).capitalize() + "." for _ in range(8)]
            lines += ["", f"## Section {f}-{s}", "", " ".join(sentences)]
            made += 1
        (folder / f"gen-{f:05d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return made


def signed_slash_command(*, secret: str, text: str, i: int) -> dict[str, Any]:
    """A slash-command POST signed the way Slack signs it (v0 HMAC-SHA256)."""
    body = urlencode(
        {
            "command": "/advisor",
            "text": text,
            "user_id": f"U{i:06d}",
            "channel_id": "C000BENCH",
            "team_id": "T000BENCH",
            "trigger_id": f"trigger-{i}",
            "response_url": "http://127.0.0.1:9/r",
            "user_name": "bench",
            "api_app_id": "A000BENCH",
            "token": "unused",
        }
    )
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "content": body,
        "headers": {
            "content-type": "application/x-www-form-urlencoded",
            "x-slack-request-timestamp": ts,
            "x-slack-signature": sig,
        },
    }
