"""POST /assess and the history, over real HTTP against the live server and database."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from models.questionnaire import REQUIRED_FIELDS
from tests.support import answers

FULL = answers(
    full=True, project_name="Billing macro drafts", knowledge_freshness="static",
    requests_per_day=50000, labeled_examples=4000, latency_budget_ms=500,
    description="Rewrite billing replies into our fixed macro template with strict JSON output.",
)
MINIMAL = {k: FULL[k] for k in REQUIRED_FIELDS}
APPROACHES = {"prompt_engineering", "rag", "fine_tuning"}
RECOMMENDATIONS = APPROACHES | {"rag_and_fine_tuning"}


def check_document(doc: dict[str, Any]) -> None:
    """The contract's required fields, with their types and ranges."""
    assert isinstance(doc["id"], str) and doc["id"]
    assert doc["recommendation"] in RECOMMENDATIONS
    assert set(doc["scores"]) == APPROACHES
    assert all(0.0 <= v <= 1.0 for v in doc["scores"].values())
    assert all({"id", "message"} <= set(r) for r in doc["rules"])
    assert all({"approach", "feature", "value"} <= set(c) for c in doc["contributions"])
    assert all({"id", "message"} <= set(w) for w in doc["warnings"])
    assert all({"text", "source", "score"} <= set(g) for g in doc["guidance"])
    assert isinstance(doc["model_version"], str) and doc["model_version"]


@pytest.mark.parametrize("body", [FULL, MINIMAL], ids=["full", "required-only"])
def test_assess_conforms_and_is_stored_unchanged(
    client: httpx.Client, body: dict[str, Any]
) -> None:
    response = client.post("/assess", json=body)
    assert response.status_code == 200, response.text
    doc = response.json()
    check_document(doc)
    stored = client.get(f"/assessments/{doc['id']}")
    assert stored.status_code == 200
    assert stored.json() == doc


def test_guidance_is_cited_and_tied_to_rules(client: httpx.Client) -> None:
    body = dict(
        FULL, knowledge_freshness="daily", needs_private_context=True, risk_domain="finance"
    )
    doc = client.post("/assess", json=body).json()
    guidance = doc["guidance"]
    assert len(guidance) >= 3
    assert len({g["text"] for g in guidance}) == len(guidance)
    fired = (
        {r["id"] for r in doc["rules"]}
        | {w["id"] for w in doc["warnings"]}
        | {doc["recommendation"]}
    )
    for passage in guidance:
        assert passage["source"] and "§" in passage["source"]
        assert passage["supports"] and set(passage["supports"]) <= fired | {"description"}
    supported = {s for g in guidance for s in g["supports"]}
    assert supported & ({r["id"] for r in doc["rules"]} | {w["id"] for w in doc["warnings"]})


def test_contributions_add_up_to_scores(client: httpx.Client) -> None:
    import math

    doc = client.post("/assess", json=FULL).json()
    for approach, score in doc["scores"].items():
        logit = doc["intercepts"][approach] + sum(
            c["value"] for c in doc["contributions"] if c["approach"] == approach
        )
        assert math.isclose(1 / (1 + math.exp(-logit)), score, abs_tol=1e-6)


BAD_BODIES = {
    "unknown field": dict(FULL, colour="blue"),
    "missing required": {k: v for k, v in FULL.items() if k != "risk_domain"},
    "bad enum": dict(FULL, task_narrowness="tiny"),
    "volume too big": dict(FULL, requests_per_day=1_000_000_001),
    "negative volume": dict(FULL, requests_per_day=-1),
    "float volume": dict(FULL, requests_per_day=10.5),
    "string volume": dict(FULL, requests_per_day="100"),
    "baseline above 1": dict(FULL, prompt_baseline_score=1.2),
    "bool as string": dict(FULL, needs_private_context="yes"),
    "latency zero": dict(FULL, latency_budget_ms=0),
    "empty name": dict(FULL, project_name=""),
    "long description": dict(FULL, description="x" * 4001),
    "nul byte": dict(FULL, description="abc\u0000def"),
}


@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_bad_bodies_get_field_level_422(client: httpx.Client, name: str) -> None:
    response = client.post("/assess", json=BAD_BODIES[name])
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail and all("loc" in d and "msg" in d for d in detail)


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'"text"', b"null", b"", b"\xff\xfe"])
def test_malformed_and_non_object_bodies_get_422(client: httpx.Client, raw: bytes) -> None:
    response = client.post("/assess", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text


def test_history_is_newest_first_with_limit(client: httpx.Client) -> None:
    ids = [
        client.post("/assess", json=dict(MINIMAL, requests_per_day=n)).json()["id"]
        for n in (1, 2, 3)
    ]
    items = client.get("/assessments", params={"limit": 3}).json()["items"]
    assert [d["id"] for d in items] == ids[::-1]
    assert client.get("/assessments", params={"limit": 0}).status_code == 422


def test_unknown_assessment_is_404(client: httpx.Client) -> None:
    assert client.get("/assessments/00000000-0000-7000-8000-000000000000").status_code == 404


def test_outcome_is_recorded(client: httpx.Client) -> None:
    doc = client.post("/assess", json=FULL).json()
    outcome = {
        "approach_taken": "fine_tuning",
        "metric_before": 0.72,
        "metric_after": 0.96,
        "verdict": "success",
    }
    response = client.post(f"/assessments/{doc['id']}/outcome", json=outcome)
    assert response.status_code == 201, response.text
    assert response.json()["assessment_id"] == doc["id"]
    missing = client.post("/assessments/00000000-0000-7000-8000-000000000000/outcome", json=outcome)
    assert missing.status_code == 404


def test_model_card(client: httpx.Client) -> None:
    card = client.get("/model").json()
    for key in (
        "version",
        "rules_version",
        "features",
        "coefficients",
        "intercepts",
        "rules",
        "metrics",
    ):
        assert key in card
    assert json.dumps(card)


def test_guidance_search(client: httpx.Client) -> None:
    results = client.get(
        "/guidance/search", params={"q": "our docs change every week", "k": 3}
    ).json()["results"]
    assert 1 <= len(results) <= 3
    assert results == sorted(results, key=lambda r: r["score"], reverse=True)
    assert all({"text", "source", "score", "title", "collection"} <= set(r) for r in results)
    assert client.get("/guidance/search", params={"q": "x", "collection": "no-such"}).json() == {
        "results": []
    }


def test_probes(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["knowledge_chunks"] >= 40


def test_openapi_documents_examples_and_errors(client: httpx.Client) -> None:
    from models.document import EXAMPLE as EXAMPLE_ASSESSMENT
    from models.document import AssessmentDocument

    AssessmentDocument.model_validate(EXAMPLE_ASSESSMENT)  # the shipped example stays valid
    spec = client.get("/openapi.json").json()
    ours = {name: schema for name, schema in spec["components"]["schemas"].items()
            if "enum" not in schema and name not in {"HTTPValidationError", "ValidationError"}}
    assert all("examples" in schema for schema in ours.values()), [
        name for name, schema in ours.items() if "examples" not in schema]
    responses = spec["paths"]["/assess"]["post"]["responses"]
    assert {"200", "401", "413", "422"} <= set(responses)
