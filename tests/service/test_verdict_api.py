"""POST /verdict with per-example results over HTTP, and outcomes that carry a verdict document."""

from __future__ import annotations

import json
from typing import Any

import httpx

from service.middleware import LARGE_BODY_BYTES
from service.outcomes import verdict_of
from tests.support import answers

PLAN = {"baseline": 0.6, "success_threshold": 0.66, "guardrail_max_drop": 0.02}


def pairs(*, n: int, wins: int) -> list[dict[str, int]]:
    """n examples: `wins` where only the candidate passes, the rest passed by both."""
    return [{"baseline": 0, "candidate": 1}] * wins + [{"baseline": 1, "candidate": 1}] * (n - wins)


def test_one_hundred_thousand_pairs_fit_in_one_request(client: httpx.Client) -> None:
    body = {"plan": PLAN, "results": pairs(n=100_000, wins=40_000)}
    raw = json.dumps(body)
    assert 1_000_000 < len(raw) < LARGE_BODY_BYTES["verdict"]
    response = client.post("/verdict", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text[:300]
    assert response.json()["verdict"] == "success"
    too_big = client.post("/verdict", content=b"{" + b" " * LARGE_BODY_BYTES["verdict"] + b"}",
                          headers={"content-type": "application/json"})
    assert too_big.status_code == 413


def test_a_bad_row_is_named(client: httpx.Client) -> None:
    rows: list[Any] = pairs(n=50, wins=5)
    rows[17] = {"baseline": 1, "candidate": 1.5}
    response = client.post("/verdict", json={"plan": PLAN, "results": rows})
    assert response.status_code == 422
    assert ["body", "results", 17, "candidate"] in [e["loc"] for e in response.json()["detail"]]


def test_an_outcome_carries_its_verdict_document_and_only_settled_ones_teach(
    client: httpx.Client,
) -> None:
    doc = client.post("/assess", json=answers(full=True)).json()
    small = client.post("/verdict", json={"plan": PLAN, "results": pairs(n=20, wins=2)}).json()
    assert small["verdict"] == "inconclusive"
    recorded = client.post(f"/assessments/{doc['id']}/outcome", json={
        "approach_taken": "fine_tuning", "verdict_document": small})
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["verdict"] == "inconclusive"
    assert verdict_of(outcome=recorded.json()) is None
    settled = client.post("/verdict", json={"plan": PLAN, "results": pairs(n=2000, wins=400)})
    assert verdict_of(outcome={"verdict_document": settled.json()}) == "success"
    clash = client.post(f"/assessments/{doc['id']}/outcome", json={
        "approach_taken": "fine_tuning", "verdict": "success", "verdict_document": small})
    assert clash.status_code == 422
    assert verdict_of(outcome={"verdict": "no_gain_over_prompting"}) == "no_gain_over_prompting"
