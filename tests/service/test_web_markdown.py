"""The report as Markdown holds every section of the page, in order, with the same headings."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest

from models.document import AssessmentDocument
from service.web import view
from service.web.markdown import md, render
from service.web.pages import environment
from tests.support import answers, document

ORG_PASSAGE = {"text": "Acme: refunds over 500 EUR go to the duty manager.\n\nSecond paragraph.",
               "source": "refunds.md § Ladder", "score": 0.8, "title": "Refund ladder",
               "file": "refunds.md", "section": "Ladder", "collection": "acme",
               "supports": ["description"]}
BUILTIN_PASSAGE = {**ORG_PASSAGE, "text": "Built-in passage.", "title": "Built-in",
                   "collection": "builtin", "source": "x.md § Y", "file": "x.md"}


class Headings(HTMLParser):
    """The text of every h1, h2 and h3, in document order, with its level."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._level: int | None = None
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3"}:
            self._level, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h1", "h2", "h3"} and self._level is not None:
            self.found.append((self._level, " ".join("".join(self._text).split())))
            self._level = None

    def handle_data(self, data: str) -> None:
        if self._level is not None:
            self._text.append(data)


def markdown_headings(text: str) -> list[tuple[int, str]]:
    out = []
    for line in text.splitlines():
        match = re.match(r"^(#{1,3}) (.*)$", line)
        if match:
            out.append((len(match[1]), re.sub(r"\\(.)", r"\1", match[2]).strip()))
    return out


def html_of(doc: AssessmentDocument, pending: bool = False) -> str:
    return environment.get_template("report.html").render(
        **view.context(doc=doc, pending=pending))


DOCS: dict[str, dict[str, Any]] = {
    "tuned, every section": {},
    "prompting, long context first, an org passage": {
        "given": answers(full=True, requests_per_day=300, knowledge_size_tokens=2000,
                         latency_budget_ms=None, project_name="Demo # *not a heading* <b>x</b>"),
        "guidance": [ORG_PASSAGE, BUILTIN_PASSAGE]},
    "high stakes, degraded": {
        "given": answers(risk_domain="health", labeled_examples=50, data_quality="noisy"),
        "guidance": [], "degraded": True, "guidance_note": "the database is unreachable"},
    "stored before the new sections": {
        "long_context": None, "cost_projection": None, "fine_tuning_plan": None},
}


@pytest.mark.parametrize("name", list(DOCS))
def test_markdown_has_the_pages_headings_in_order(name: str) -> None:
    doc = document(**DOCS[name])
    page = Headings(html_of(doc)).found
    text = render(doc=doc, base_url="https://advisor.example")
    assert markdown_headings(text) == page
    assert [title for level, title in page if level == 2][-1] == "More"


def test_every_section_carries_its_content() -> None:
    doc = document(**DOCS["prompting, long context first, an org passage"])
    text = render(doc=doc, base_url="https://advisor.example/")
    assert doc.long_context is not None and doc.cost_projection is not None
    for piece in [doc.long_context.advice, doc.cost_projection.summary,
                  *(w.message for w in doc.warnings), *(r.message for r in doc.rules),
                  *(s.why for s in doc.next_steps), doc.success_plan.metric,
                  *(p.source for p in doc.guidance)]:
        assert md(piece) in text, piece
    assert "**Your organisation · acme**" in text
    assert "> Acme: refunds over 500 EUR go to the duty manager.\n>\n> Second paragraph." in text
    assert f"https://advisor.example/assessments/{doc.id}/report" in text
    for month in (0, 6, 12, 18, 24):
        assert f"Month {month} |" in text


def test_text_from_the_document_cannot_become_markup() -> None:
    doc = document(**DOCS["prompting, long context first, an org passage"])
    text = render(doc=doc, base_url="https://advisor.example")
    assert text.startswith("# Demo \\# \\*not a heading\\* \\<b\\>x\\</b\\>\n")
    assert "<b>" not in text


def test_pending_note_and_fine_tuning_plan() -> None:
    doc = document()
    assert doc.fine_tuning_plan is not None
    text = render(doc=doc, base_url="https://advisor.example", pending=True)
    assert "history database was unreachable" in text
    assert md(doc.fine_tuning_plan.summary) in text
    assert markdown_headings(text) == Headings(html_of(doc, pending=True)).found


def test_served_beside_the_page_with_the_same_headings(client: httpx.Client) -> None:
    created = client.post("/assess", json=answers(full=True)).json()
    page = client.get(f"/assessments/{created['id']}/report")
    assert f'href="/assessments/{created["id"]}/report.md"' in page.text
    response = client.get(f"/assessments/{created['id']}/report.md")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert f"assessment-{created['id']}.md" in response.headers["content-disposition"]
    assert markdown_headings(response.text) == Headings(page.text).found
    assert client.get("/assessments/00000000-0000-7000-8000-000000000000/report.md"
                      ).status_code == 404
    assert client.get("/assessments/bad%20id/report.md").status_code == 404
