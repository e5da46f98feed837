"""The home, intake and report pages over real HTTP against the live server."""

from __future__ import annotations

import re
from typing import Any

import httpx

from models.questionnaire import Questionnaire
from tests.service.web_support import FORM_ANSWERS, Elements
from tests.support import FULL_ANSWERS

EVIL = '<script>alert("owned")</script>'


def submit(client: httpx.Client, answers: dict[str, str]) -> httpx.Response:
    return client.post("/intake", data=answers, follow_redirects=False)


def stored_from(client: httpx.Client, response: httpx.Response) -> dict[str, Any]:
    """The assessment a successful submission redirected to."""
    assert response.status_code == 303, response.text[:500]
    match = re.fullmatch(r"/assessments/([A-Za-z0-9-]+)/report", response.headers["location"])
    assert match is not None
    stored = client.get(f"/assessments/{match.group(1)}")
    assert stored.status_code == 200
    doc: dict[str, Any] = stored.json()
    return doc


def test_intake_inputs_are_named_labelled_and_described(client: httpx.Client) -> None:
    response = client.get("/intake")
    assert response.status_code == 200
    page = Elements(response.text)
    controls = page.controls()
    assert [c["name"] for c in controls] and {c["name"] for c in controls} == set(
        Questionnaire.model_fields
    )
    for control in controls:
        assert control["id"] == control["name"]
        assert len(page.find("label", **{"for": control["id"]})) == 1, control["name"]
        for described in control["aria-describedby"].split():
            assert page.text.get(described, "").strip(), (control["name"], described)
    required = [c["name"] for c in controls if "required" in c]
    expected = [n for n, info in Questionnaire.model_fields.items() if info.is_required()]
    assert sorted(required) == sorted(expected)
    names = [c["name"] for c in controls]
    assert max(names.index(n) for n in required) < min(
        names.index(n) for n in names if n not in required
    )
    assert len(page.find("fieldset")) == 2
    score = page.find("input", name="prompt_baseline_score")[0]
    assert score["step"] == "any" and score["min"] == "0" and score["max"] == "1"
    volume = page.find("input", name="requests_per_day")[0]
    assert volume["type"] == "number" and volume["max"] == "1000000000"
    assert page.find("textarea", name="description")[0]["maxlength"] == "4000"
    assert page.find("input", name="project_name")[0]["maxlength"] == "200"
    assert page.selected(select_id="needs_private_context") == ""  # unknown by default


def test_pages_load_nothing_from_elsewhere(client: httpx.Client) -> None:
    for path in ("/", "/intake"):
        response = client.get(path)
        assert "default-src 'none'" in response.headers["content-security-policy"]
        page = Elements(response.text)
        assert not page.find("script") and not page.find("link") and not page.find("img")
        external = [a for _, a in page.tags for key in ("href", "src", "action")
                    if a.get(key, "").startswith(("http", "//"))]
        assert external == []


def test_home_links_to_form_docs_and_recent_reports(client: httpx.Client) -> None:
    doc = stored_from(client, submit(client, dict(FORM_ANSWERS, project_name="Home listing")))
    page = Elements(client.get("/").text)
    hrefs = {a.get("href") for a in page.find("a")}
    assert {"/intake", "/docs", f"/assessments/{doc['id']}/report"} <= hrefs


def test_submission_runs_the_assess_pipeline_and_redirects(client: httpx.Client) -> None:
    response = submit(client, FORM_ANSWERS)
    doc = stored_from(client, response)
    expected = Questionnaire.model_validate(FULL_ANSWERS)  # what the form text stands for
    assert Questionnaire.model_validate(doc["questionnaire"]) == expected
    same = client.post("/assess", json=expected.model_dump(mode="json", exclude_none=True)).json()
    assert same["recommendation"] == doc["recommendation"]
    assert same["scores"] == doc["scores"]
    report = client.get(response.headers["location"])
    assert report.status_code == 200
    page = Elements(report.text)
    [headline] = page.find(**{"data-recommendation": doc["recommendation"]})
    assert page.text[headline["id"]].strip()
    assert f'href="/assessments/{doc["id"]}"' in report.text
    for passage in doc["guidance"]:
        assert passage["source"] in report.text


def test_invalid_submission_keeps_every_answer(client: httpx.Client) -> None:
    answers = dict(FORM_ANSWERS, requests_per_day="2000000000", project_name=EVIL)
    response = submit(client, answers)
    assert response.status_code == 422
    page = Elements(response.text)
    [volume] = page.find("input", name="requests_per_day")
    assert volume["aria-invalid"] == "true"
    assert "requests_per_day-error" in volume["aria-describedby"].split()
    assert "at most 1,000,000,000" in page.text["requests_per_day-error"]
    for control in page.controls():
        if control["tag"] == "select":
            assert page.selected(select_id=control["id"]) == answers[control["name"]]
        elif control["tag"] == "input":
            assert control["value"] == answers[control["name"]], control["name"]
    assert page.text["description"].strip("\n") == answers["description"]
    assert EVIL not in response.text


def test_user_text_in_reports_is_escaped(client: httpx.Client) -> None:
    body = {"task_narrowness": "broad", "knowledge_freshness": "daily", "requests_per_day": 5,
            "mlops_capacity": "none", "risk_domain": "legal", "project_name": EVIL,
            "description": EVIL + ' "><img src=x onerror=alert(1)>'}
    doc = client.post("/assess", json=body).json()
    report = client.get(f"/assessments/{doc['id']}/report")
    assert report.status_code == 200
    assert EVIL not in report.text and "<img" not in report.text
    assert "&lt;script&gt;" in report.text
    assert not Elements(report.text).find("script")


def test_unknown_or_malformed_ids_get_a_404_page(client: httpx.Client) -> None:
    for path in ("/assessments/00000000-0000-7000-8000-000000000000/report",
                 "/assessments/not%20an%20id!/report"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "not found" in response.text.lower()


def test_what_if_links_prefill_the_form(client: httpx.Client) -> None:
    response = client.get("/intake", params={"task_narrowness": "broad", "requests_per_day": "12",
                                              "needs_private_context": "yes"})
    page = Elements(response.text)
    assert page.selected(select_id="task_narrowness") == "broad"
    assert page.selected(select_id="needs_private_context") == "yes"
    assert page.selected(select_id="risk_domain") in (None, "general")
    assert page.find("input", name="requests_per_day")[0]["value"] == "12"
