"""POST /datasets/audit and GET /datasets/audits/{id} over real HTTP against the real database."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from models.audit.excerpts import EXCERPT_CHARS, EXCERPTS_PER_FINDING
from service.config import Settings
from tests.conftest import LiveServer
from tests.service.audit_support import (
    Files,
    abandoned_upload,
    generated,
    slow_upload,
    stored_audits,
)

NDJSON = {"content-type": "application/x-ndjson"}
CONTRACT = {"id", "format", "examples", "valid_examples", "usable_examples", "data_quality",
            "data_quality_reason", "findings"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    return generated(folder=tmp_path_factory.mktemp("audit-api"))


def form(files: Files, *names: str) -> dict[str, Any]:
    """Multipart parts for the named inputs, read from the generated files."""
    paths = {"train": files.train, "eval": files.eval, "traffic": files.traffic}
    return {name: (paths[name].name, paths[name].read_bytes(), "application/x-ndjson")
            for name in names}


def test_json_lines_upload_is_measured_stored_and_read_back(
        client: httpx.Client, files: Files, database_url: str) -> None:
    before = stored_audits(database_url)
    response = client.post("/datasets/audit", content=files.train.read_bytes(), headers=NDJSON)
    assert response.status_code == 201, response.text[:500]
    doc = response.json()
    assert CONTRACT <= set(doc) and doc["id"]
    assert doc["examples"] == 1500 and doc["valid_examples"] <= doc["examples"]
    assert 0 < doc["usable_examples"] <= doc["valid_examples"]
    assert doc["data_quality"] in {"clean", "mixed", "noisy"}
    assert doc["files"] == {"train": {"name": None, "bytes": files.train.stat().st_size}}
    assert {f["id"] for f in doc["findings"]} >= {"F-DUPLICATE", "F-CONFLICT", "F-PII"}
    lines = files.train.read_bytes().split(b"\n")
    for finding in doc["findings"]:
        assert 0 < len(finding["lines"]) <= 20 and finding["count"] >= len(finding["lines"])
        shown = finding["examples"]
        assert [e["line"] for e in shown] == finding["lines"][:EXCERPTS_PER_FINDING]
        for item in shown:
            assert len(item["text"]) <= EXCERPT_CHARS + 1
            assert item["text"] or lines[item["line"] - 1].strip()
    assert stored_audits(database_url) == before + 1
    again = client.get(f"/datasets/audits/{doc['id']}")
    assert again.status_code == 200 and again.json() == doc
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT examples, usable_examples, data_quality, source FROM "
                           "dataset_audits WHERE id = %s", (doc["id"],)).fetchone()
    assert row == (doc["examples"], doc["usable_examples"], doc["data_quality"], "api")


def test_form_upload_checks_eval_leakage_and_traffic(client: httpx.Client, files: Files) -> None:
    response = client.post("/datasets/audit", files=form(files, "train", "eval", "traffic"))
    assert response.status_code == 201, response.text[:500]
    doc = response.json()
    found = {f["id"]: f for f in doc["findings"]}
    assert found["F-LEAKAGE"]["count"] == doc["eval"]["leaked"] > 0
    eval_lines = files.eval.read_bytes().split(b"\n")
    assert all(eval_lines[n - 1].strip() for n in found["F-LEAKAGE"]["lines"])
    assert doc["traffic"]["compared"] and "F-DISTRIBUTION" in found
    assert doc["files"]["eval"] == {"name": "eval.jsonl", "bytes": files.eval.stat().st_size}
    assert doc["files"]["traffic"]["name"] == "traffic.txt"


def test_personal_data_never_reaches_the_stored_excerpts(client: httpx.Client,
                                                         database_url: str) -> None:
    body = "\n".join(
        f'{{"prompt": "Reach me at jo.doe{i}@example.com or +44 20 7946 09{i:02d} about card '
        f'4111 1111 1111 1111", "completion": "Noted, we will call you back."}}'
        for i in range(30)).encode()
    doc = client.post("/datasets/audit", content=body, headers=NDJSON).json()
    [pii] = [f for f in doc["findings"] if f["id"] == "F-PII"]
    assert pii["count"] == 30 and pii["examples"]
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT document::text FROM dataset_audits WHERE id = %s",
                           (doc["id"],)).fetchone()
    assert row is not None
    stored = row[0]
    assert "<EMAIL>" in stored and "<PHONE>" in stored and "<CARD>" in stored
    assert "example.com" not in stored and "4111" not in stored and "7946" not in stored


def test_unknown_audit_is_404_and_a_bad_id_422(client: httpx.Client) -> None:
    missing = client.get("/datasets/audits/0190aaaa-0000-7000-8000-000000000000")
    assert missing.status_code == 404 and "no dataset audit" in missing.json()["detail"]
    assert client.get("/datasets/audits/not;an;id").status_code == 422


def test_a_busy_server_answers_503_with_retry_after(client: httpx.Client, server: LiveServer,
                                                   files: Files, database_url: str) -> None:
    slots = server.state.auditor.slots
    held = 0
    while slots.acquire(blocking=False):
        held += 1
    before = stored_audits(database_url)
    try:
        busy = client.post("/datasets/audit", content=files.train.read_bytes(), headers=NDJSON)
    finally:
        for _ in range(held):
            slots.release()
    assert held >= 1
    assert busy.status_code == 503 and int(busy.headers["retry-after"]) > 0
    assert "busy" in busy.json()["detail"]
    assert stored_audits(database_url) == before


def test_an_engine_failure_stores_nothing(client: httpx.Client, files: Files,
                                          database_url: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_: Any) -> Any:
        raise RuntimeError("worker crashed")

    monkeypatch.setattr("service.uploads.audit_files", broken)
    before = stored_audits(database_url)
    failed = client.post("/datasets/audit", content=files.train.read_bytes(), headers=NDJSON)
    assert failed.status_code == 500
    assert stored_audits(database_url) == before


def wait_idle(server: LiveServer, *, busy_within: float, idle_within: float) -> None:
    """Wait for an audit to take the slot (if it does soon) and then give it back."""
    slots = server.state.auditor.slots
    deadline = time.monotonic() + busy_within
    while time.monotonic() < deadline and slots.acquire(blocking=False):
        slots.release()
        time.sleep(0.02)
    deadline = time.monotonic() + idle_within
    while not slots.acquire(blocking=False):
        assert time.monotonic() < deadline, "the audit never finished"
        time.sleep(0.05)
    slots.release()


def test_a_client_that_hangs_up_stores_nothing(server: LiveServer, files: Files,
                                              database_url: str) -> None:
    data = files.train.read_bytes()
    before = stored_audits(database_url)
    # Half the body, then gone: the upload is dropped.
    abandoned_upload(url=server.url, path="/datasets/audit", body=iter([data[: len(data) // 2]]),
                     length=len(data))
    wait_idle(server, busy_within=2, idle_within=60)
    # The whole body, then gone before the answer: the audit runs but is not stored.
    abandoned_upload(url=server.url, path="/datasets/audit", body=iter([data]), length=len(data))
    wait_idle(server, busy_within=5, idle_within=120)
    assert stored_audits(database_url) == before


def test_keys_and_scopes_guard_both_routes(database_url: str, tmp_path: Path,
                                           files: Files) -> None:
    settings = Settings(ADVISOR_DATA_DIR=tmp_path, ADVISOR_DATABASE_URL=database_url,
                        ADVISOR_API_KEYS="ci:assess+read=audit-key, viewer:read=view-key",
                        ADVISOR_INDEX_BUILTIN=False, ADVISOR_BODY_TIMEOUT_S=1.0)
    live = LiveServer(settings=settings).start()
    try:
        with httpx.Client(base_url=live.url, timeout=60) as http:
            body = files.train.read_bytes()
            assert http.post("/datasets/audit", content=body, headers=NDJSON).status_code == 401
            viewer = http.post("/datasets/audit", content=body,
                               headers={**NDJSON, "x-api-key": "view-key"})
            assert viewer.status_code == 403 and "assess" in viewer.json()["detail"]
            created = http.post("/datasets/audit", content=body,
                                headers={**NDJSON, "x-api-key": "audit-key"})
            assert created.status_code == 201
            path = f"/datasets/audits/{created.json()['id']}"
            assert http.get(path).status_code == 401
            assert http.get(path, headers={"x-api-key": "view-key"}).status_code == 200
        # Other routes must send their body within 1 s here; an upload may take longer.
        assert slow_upload(url=live.url, body=body, pause_s=2.0,
                           headers={"x-api-key": "audit-key"}) == 201
    finally:
        live.stop()
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT d.created_by, a.caller FROM dataset_audits d JOIN audit_log a "
                           "ON a.target = d.id AND a.action = 'dataset_audit.create' "
                           "WHERE d.id = %s", (created.json()["id"],)).fetchone()
    assert row == ("ci", "ci")


def test_openapi_documents_the_upload_and_the_document(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/datasets/audit"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/x-ndjson", "multipart/form-data"}
    assert {"201", "401", "413", "415", "422", "503"} <= set(post["responses"])
    schema = spec["components"]["schemas"]["AuditDocument"]
    assert schema["examples"][0]["findings"] and CONTRACT <= set(schema["properties"])
    get = spec["paths"]["/datasets/audits/{audit_id}"]["get"]
    assert "404" in get["responses"]
