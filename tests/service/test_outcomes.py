"""Finding 2: outcomes cannot poison retraining. Each is checked against its own numbers and its
plan, belongs to one caller, is audited, and training rejects what does not hold together and
refuses an artifact that scores worse on the held-out cases."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg.types.json import Jsonb

from service.config import Settings
from service.outcomes import harvest
from service.retrain import Retrain, _finish, regressions
from tests.conftest import REPO, LiveServer
from tests.service.test_cli import run
from tests.support import answers

FULL = answers(full=True)
POISON = {"approach_taken": "fine_tuning", "metric_before": 0.9, "metric_after": 0.1,
          "verdict": "success"}


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[LiveServer]:
    settings = Settings(
        ADVISOR_DATA_DIR=Path(tmp_path_factory.mktemp("outcomes")),
        ADVISOR_DATABASE_URL=database_url, ADVISOR_INDEX_BUILTIN=False,
        ADVISOR_API_KEYS="team-a=k-a, team-b=k-b, viewer:read=k-v",
    )
    live = LiveServer(settings=settings).start()
    yield live
    live.stop()


def test_self_contradicting_outcomes_are_422(client: httpx.Client) -> None:
    doc = client.post("/assess", json=FULL).json()
    url = f"/assessments/{doc['id']}/outcome"
    poisoned = client.post(url, json=POISON)
    assert poisoned.status_code == 422
    assert "metric_after" in json.dumps(poisoned.json()["detail"])
    bar = doc["success_plan"]["success_threshold"]
    short = dict(POISON, metric_before=0.1, metric_after=round(bar - 0.05, 3))
    refused = client.post(url, json=short)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "metric_after"]
    assert "success_threshold" in refused.json()["detail"][0]["msg"]
    breach = {"approach_taken": "fine_tuning", "guardrail_before": 0.8, "guardrail_after": 0.9,
              "verdict": "guardrail_breached"}
    assert client.post(url, json=breach).status_code == 422
    fine = dict(POISON, metric_before=0.5, metric_after=min(1.0, bar + 0.01))
    assert client.post(url, json=fine).status_code in (200, 201)


def test_an_outcome_belongs_to_one_caller(keyed: LiveServer, database_url: str) -> None:
    with httpx.Client(base_url=keyed.url, timeout=30) as http:
        doc = http.post("/assess", json=FULL, headers={"x-api-key": "k-a"}).json()
        url = f"/assessments/{doc['id']}/outcome"
        body = {"approach_taken": "rag", "verdict": "no_gain_over_prompting"}
        assert http.post(url, json=body, headers={"x-api-key": "k-a"}).status_code == 201
        assert http.post(url, json=body, headers={"x-api-key": "k-a"}).status_code == 200
        taken = http.post(url, json=body, headers={"x-api-key": "k-b"})
        assert taken.status_code == 409 and "only that caller" in taken.json()["detail"]
        assert http.post(url, json=body, headers={"x-api-key": "k-v"}).status_code == 403
        listed = http.get("/assessments", params={"limit": 2}, headers={"x-api-key": "k-v"})
        assert listed.status_code == 200
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT caller, action FROM audit_log WHERE target = %s OR (action = "
            "'assessments.list' AND caller = 'viewer') ORDER BY id", (doc["id"],)
        ).fetchall()
        owner = conn.execute("SELECT caller FROM outcomes WHERE assessment_id = %s",
                             (doc["id"],)).fetchone()
    assert ("team-a", "assessment.create") in rows
    assert rows.count(("team-a", "outcome.record")) == 2
    assert ("viewer", "assessments.list") in rows and owner == ("team-a",)


def test_training_rejects_inconsistent_outcomes() -> None:
    plan = {"success_threshold": 0.8, "guardrail_max_drop": 0.02}
    rows = [
        {"assessment_id": "poison", "questionnaire": FULL, "plan": plan, "outcome": POISON},
        {"assessment_id": "short", "questionnaire": FULL, "plan": plan,
         "outcome": dict(POISON, metric_before=0.5, metric_after=0.7)},
        {"assessment_id": "good", "questionnaire": FULL, "plan": plan,
         "outcome": dict(POISON, metric_before=0.5, metric_after=0.9)},
        {"assessment_id": "unsettled", "questionnaire": FULL, "plan": plan,
         "outcome": {"approach_taken": "rag", "verdict": "inconclusive"}},
    ]
    found = harvest(rows=rows)
    assert found.used == 1 and found.cases[0]["id"] == "outcome-good"
    assert [r[0] for r in found.rejected] == ["poison", "short"]
    assert found.silent == 1


def test_a_worse_artifact_is_not_written_without_force(tmp_path: Path) -> None:
    current = json.loads((REPO / "models" / "artifact.json").read_text())
    worse = copy.deepcopy(current)
    worse["metrics"]["holdout"]["model"]["accuracy"] -= 0.1
    assert regressions(new=current, current=current) == []
    assert regressions(new=worse, current=current)[0].startswith("accuracy")
    target = tmp_path / "artifact.json"
    target.write_text(json.dumps(current))
    refused = _finish(run=Retrain(artifact=worse, harvest=None), target=target, force=False)
    assert not refused.written and json.loads(target.read_text()) == current
    forced = _finish(run=Retrain(artifact=worse, harvest=None), target=target, force=True)
    assert forced.written and json.loads(target.read_text()) == worse


@pytest.mark.slow
def test_train_with_outcomes_reports_used_and_rejected(database_url: str, tmp_path: Path) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        row = conn.execute("SELECT id FROM assessments ORDER BY created_at DESC LIMIT 1").fetchone()
        assert row is not None
        # A row written before issue 15's checks existed (straight into the table).
        fake_id = f"legacy-{uuid.uuid4()}"
        conn.execute(
            "INSERT INTO assessments (id, created_at, questionnaire, result, recommendation, "
            "model_version) SELECT %s, created_at, questionnaire, result, recommendation, "
            "model_version FROM assessments WHERE id = %s", (fake_id, row[0]))
        conn.execute("INSERT INTO outcomes (assessment_id, outcome) VALUES (%s, %s)",
                     (fake_id, Jsonb(POISON)))
    out = tmp_path / "artifact.json"
    env = {"ADVISOR_DATABASE_URL": database_url, "ADVISOR_DATA_DIR": str(tmp_path)}
    trained = run("train", "--with-outcomes", "--output", str(out), env=env)
    assert trained.returncode == 0, trained.stderr
    assert "used," in trained.stderr and f"rejected {fake_id}: " in trained.stderr
    with psycopg.connect(database_url) as conn:
        audited = conn.execute("SELECT detail FROM audit_log WHERE action = 'model.train' "
                               "ORDER BY id DESC LIMIT 1").fetchone()
    assert audited is not None and audited[0]["outcomes_rejected"] >= 1
