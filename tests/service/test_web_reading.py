"""What the report, Markdown and Slack show of the description: evidence marked, conflicts first."""

from __future__ import annotations

from typing import Any

import httpx

from service.slack.blocks import result_blocks
from service.web import reading
from service.web.markdown import render as render_markdown
from tests.service.slack_support import all_text
from tests.service.web_support import Elements
from tests.support import answers, document

TEXT = "Support drafts, about 3,000 requests a day. Our best prompt gets 71% on the eval set."


def item(*, field: str, value: Any, evidence: str, status: str, **extra: Any) -> dict[str, Any]:
    start = TEXT.index(evidence)
    return {"field": field, "value": value, "evidence": evidence, "status": status,
            "confidence": 0.95, "specific": True, "hedged": False, "start": start,
            "end": start + len(evidence), **extra}


def read_document() -> Any:
    given = answers(full=True, description=TEXT, requests_per_day=500_000,
                    prompt_baseline_score=None)
    inferred = [item(field="requests_per_day", value=3000, status="conflicts",
                     evidence="about 3,000 requests a day"),
                item(field="prompt_baseline_score", value=0.71, status="filled",
                     evidence="Our best prompt gets 71%")]
    conflict = {"id": "W-CONFLICT", "field": "requests_per_day", "severity": "caution",
                "message": 'For the daily request volume, the form says "500,000" ...',
                "source": "s", "mistake": 1}
    base = document(given=given)
    return document(given=given, inferred=inferred,
                    warnings=[conflict, *[w.model_dump() for w in base.warnings]])


def test_segments_mark_exactly_the_evidence_and_keep_every_character() -> None:
    doc = read_document()
    parts = reading.segments(doc=doc)
    assert "".join(p.text for p in parts) == TEXT
    assert [(p.field, p.text) for p in parts if p.field] == [
        ("requests_per_day", "about 3,000 requests a day"),
        ("prompt_baseline_score", "Our best prompt gets 71%")]
    assert [i.status for i in reading.items(doc=doc)] == ["conflicts", "filled"]


def test_report_page_and_markdown_show_the_reading(server: Any) -> None:
    doc = read_document()
    from service.web.pages import environment
    from service.web.view import context

    page = Elements(environment.get_template("report.html").render(**context(doc=doc)))
    marks = [a["data-field"] for a in page.find("mark")]
    assert marks == ["requests_per_day", "prompt_baseline_score"]
    statuses = [(a["data-field"], a["data-status"]) for a in page.find("li")
                if "data-status" in a]
    assert statuses == [("requests_per_day", "conflicts"), ("prompt_baseline_score", "filled")]
    text = render_markdown(doc=doc, base_url="https://advisor.example")
    assert "## What we read from your description" in text
    assert "**about 3,000 requests a day**" in text and "Support drafts, " in text


def test_slack_puts_the_conflict_first(server: Any) -> None:
    doc = read_document()
    text = all_text(result_blocks(doc=doc, public_url="https://advisor.example"))
    assert text.index("Read from your words") < text.index("*Scores*")
    assert text.index(":warning: For the daily request volume") < text.index("best prompt")


def test_a_live_assessment_reads_numbers_from_the_description(client: httpx.Client) -> None:
    body = answers(description="We expect roughly 200k tickets a month and our prompt gets 71%.",
                   prompt_baseline_score=None)
    doc = client.post("/assess", json=body).json()
    read = {i["field"]: i for i in doc["inferred"]}
    assert read["prompt_baseline_score"]["status"] == "filled"
    assert abs(read["prompt_baseline_score"]["value"] - 0.71) < 1e-9
    assert read["requests_per_day"]["status"] in ("agrees", "conflicts")
    text = body["description"]
    assert all(text[i["start"]:i["end"]] == i["evidence"] for i in doc["inferred"])
    report = Elements(client.get(f"/assessments/{doc['id']}/report").text)
    marked = {f for a in report.find("mark") for f in a["data-field"].split()}
    assert "prompt_baseline_score" in marked
