"""An assessment that names a dataset audit: an unknown id is a 422 naming the field on every
channel, a known one is kept with the answers and its headline findings shown on the report."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.service.test_cli import run
from tests.service.web_support import FORM_ANSWERS, Elements
from tests.support import answers

UNKNOWN = "0190aaaa-0000-7000-8000-000000000000"
ROWS = [{"prompt": f"Where is parcel {i}?", "completion": f"Parcel {i} left the depot."}
        for i in range(60)]


@pytest.fixture(scope="module")
def stored_audit(server: Any) -> dict[str, Any]:
    """A real audit: 60 examples, six repeated word for word and two contradicted."""
    lines = [json.dumps(r) for r in ROWS] + [json.dumps(r) for r in ROWS[:6]]
    lines += [json.dumps({"prompt": ROWS[7]["prompt"], "completion": "We never ship parcels."}),
              json.dumps({"prompt": ROWS[8]["prompt"], "completion": "Call us instead."})]
    with httpx.Client(base_url=server.url, timeout=120) as http:
        created = http.post("/datasets/audit", content="\n".join(lines).encode(),
                            headers={"content-type": "application/x-ndjson"})
    assert created.status_code == 201, created.text
    doc: dict[str, Any] = created.json()
    return doc


def test_an_unknown_audit_id_is_a_422_naming_the_field(client: httpx.Client) -> None:
    response = client.post("/assess", json=answers(dataset_audit_id=UNKNOWN))
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "dataset_audit_id"]
    assert UNKNOWN in problem["msg"] and "POST /datasets/audit" in problem["msg"]
    malformed = client.post("/assess", json=answers(dataset_audit_id="not an id!"))
    assert malformed.status_code == 422
    assert malformed.json()["detail"][0]["loc"] == ["body", "dataset_audit_id"]


def test_a_known_audit_is_kept_and_shown_on_the_report(client: httpx.Client,
                                                       stored_audit: dict[str, Any]) -> None:
    response = client.post("/assess", json=answers(dataset_audit_id=stored_audit["id"]))
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc["questionnaire"]["dataset_audit_id"] == stored_audit["id"]
    html = Elements(client.get(f"/assessments/{doc['id']}/report").text)
    assert html.find("a", href=f"/datasets/audits/{stored_audit['id']}/report")
    section = html.text["dataset-audit"]
    assert f"{stored_audit['usable_examples']:,} usable" in " ".join(section.split())
    shown = [a["data-finding"] for a in html.find("li") if "data-finding" in a]
    assert shown and set(shown) <= {f["id"] for f in stored_audit["findings"]}
    assert shown[0] == "F-CONFLICT"  # the most serious first
    assert html.find("strong", **{"data-audit-quality": stored_audit["data_quality"]})


def test_the_intake_form_names_an_unknown_audit_beside_the_field(client: httpx.Client) -> None:
    response = client.post("/intake", data=dict(FORM_ANSWERS, dataset_audit_id=UNKNOWN))
    assert response.status_code == 422
    html = Elements(response.text)
    assert UNKNOWN in html.text["dataset_audit_id-error"]
    assert html.find("input", id="dataset_audit_id", value=UNKNOWN)


def test_the_command_line_says_the_id_needs_the_database() -> None:
    result = run("assess", "-", "--no-guidance",
                 stdin=json.dumps(answers(dataset_audit_id=UNKNOWN)) + "\n",
                 env={"ADVISOR_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"})
    assert result.returncode == 1
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["detail"][0]["loc"] == ["body", "dataset_audit_id"]
    assert "without --no-guidance" in line["detail"][0]["msg"]


def test_the_audit_fills_absent_answers_and_says_so(client: httpx.Client,
                                                    stored_audit: dict[str, Any]) -> None:
    body = answers(dataset_audit_id=stored_audit["id"], labeled_examples=None, data_quality=None)
    doc = client.post("/assess", json=body).json()
    measured = {m["field"]: m for m in doc["measured"]}
    assert measured["labeled_examples"]["value"] == stored_audit["usable_examples"]
    assert measured["data_quality"]["value"] == stored_audit["data_quality"]
    assert {m["status"] for m in measured.values()} == {"filled"}
    assert all(m["source"] == f"dataset audit {stored_audit['id']}" for m in measured.values())
    assert all(i["source"] == "description" for i in doc["inferred"])
    # the filled answers are what the model scored: the data-quality rules see the audit's value
    fired = {r["id"] for r in doc["rules"]}
    assert ("R-UNCLEAN-DATA" in fired) == (stored_audit["data_quality"] != "clean")


def test_a_form_answer_the_audit_contradicts_gets_one_w_conflict(
    client: httpx.Client, stored_audit: dict[str, Any]
) -> None:
    assert stored_audit["data_quality"] != "clean"  # duplicates and contradictions were planted
    body = answers(dataset_audit_id=stored_audit["id"], labeled_examples=50_000,
                   data_quality="clean")
    doc = client.post("/assess", json=body).json()
    conflicts = [w for w in doc["warnings"] if w["id"] == "W-CONFLICT"]
    assert sorted(w["field"] for w in conflicts) == ["data_quality", "labeled_examples"]
    quality = next(w for w in conflicts if w["field"] == "data_quality")
    assert '"Clean"' in quality["message"] and "measured" in quality["message"]
    assert f"dataset audit {stored_audit['id']}" in quality["message"]
    assert {m["status"] for m in doc["measured"]} == {"conflicts"}


def test_the_markdown_report_holds_the_audit_section_too(client: httpx.Client,
                                                          stored_audit: dict[str, Any]) -> None:
    doc = client.post("/assess", json=answers(dataset_audit_id=stored_audit["id"])).json()
    page = Elements(client.get(f"/assessments/{doc['id']}/report").text)
    text = client.get(f"/assessments/{doc['id']}/report.md").text
    assert page.text["audit-title"].strip() == "Training data, as audited"
    assert "## Training data, as audited" in text
    assert f"**{stored_audit['usable_examples']:,} usable**" in text
    assert f"/datasets/audits/{stored_audit['id']}/report" in text
