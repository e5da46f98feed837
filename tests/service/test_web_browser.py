"""The intake form and report in a real chromium, driven by Playwright against the live server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page

from service.web.fields import ALL_FIELDS, BY_NAME
from tests.service.web_support import FORM_ANSWERS

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
REPORT_URL = re.compile(r".*/assessments/[A-Za-z0-9-]+/report$")
LONG_DESCRIPTION = ("Unbroken" * 490 + " " + "x" * 70)[:4000]  # 4,000 chars, two giant words




def fill(page: Page, answers: dict[str, str]) -> None:
    """Answer each question the way a person would: pick options, type text."""
    for name, value in answers.items():
        if BY_NAME[name].kind in ("select", "tristate"):
            page.select_option(f"#{name}", value)
        else:
            page.fill(f"#{name}", value)


def stored(server: Any, page: Page) -> dict[str, Any]:
    """The JSON document behind the report the browser is showing."""
    assessment_id = page.url.rsplit("/", 2)[-2]
    doc: dict[str, Any] = httpx.get(f"{server.url}/assessments/{assessment_id}", timeout=30).json()
    return doc


def no_horizontal_overflow(page: Page) -> bool:
    return bool(page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth"
        " && document.body.scrollWidth <= window.innerWidth"))


def test_fill_submit_and_read_the_report(page: Page, server: Any) -> None:
    page.goto("/intake")
    fill(page, FORM_ANSWERS)
    page.click("button[type=submit]")
    page.wait_for_url(REPORT_URL)
    doc = stored(server, page)
    assert doc["questionnaire"]["prompt_baseline_score"] == 0.72  # step="any" let 0.72 through
    headline = page.locator("[data-recommendation]")
    assert headline.count() == 1
    assert headline.get_attribute("data-recommendation") == doc["recommendation"]
    assert headline.inner_text().strip()
    passages = page.locator(".passage")
    assert doc["guidance"], "the built-in knowledge base should support every assessment"
    assert passages.count() == len(doc["guidance"])
    for index, passage in enumerate(doc["guidance"]):
        assert passage["source"] in passages.nth(index).inner_text()
    chart = page.locator("svg.chart")
    assert chart.get_attribute("role") == "img"
    # one bar per approach that is not ruled out; a ruled-out one names its rules instead
    assert page.locator("svg.chart rect.bar").count() == len(doc["scores"]) - len(doc["ruled_out"])
    for approach, rules in doc["ruled_out"].items():
        named = page.locator(f'svg.chart text.ruled-out[data-approach="{approach}"]')
        assert named.text_content() == f"ruled out by {', '.join(rules)}"
    assert page.get_by_role("link", name=re.compile("JSON")).first.get_attribute("href") == (
        f"/assessments/{doc['id']}"
    )
    projection = page.locator("#projection-chart")
    assert projection.is_visible() and projection.get_attribute("role") == "img"
    assert projection.locator("polyline.series").count() == len(doc["cost_projection"]["series"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden()
    assert page.locator("[data-recommendation]").is_visible()


def test_a_server_side_error_keeps_every_answer(page: Page) -> None:
    answers = dict(FORM_ANSWERS, requests_per_day="2000000000", project_name="Kept <b>as typed</b>",
                   description="Line one\nLine two with ünïcode")
    page.goto("/intake")
    fill(page, answers)
    page.evaluate("document.getElementById('intake').noValidate = true")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("button[type=submit]")
    assert posted.value.status == 422
    for name, value in answers.items():
        assert page.locator(f"#{name}").input_value() == value, name
    error = page.locator("#requests_per_day-error")
    assert "at most 1,000,000,000" in error.inner_text()
    field = page.locator(".field", has=page.locator("#requests_per_day"))
    assert field.locator("#requests_per_day-error").count() == 1
    described = page.get_attribute("#requests_per_day", "aria-describedby") or ""
    assert "requests_per_day-error" in described.split()
    assert page.locator(".error").count() == 1
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"


@pytest.mark.parametrize("width", [1280, 360])
def test_layout_survives_a_very_long_description(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/intake")
    fill(page, dict(FORM_ANSWERS, description=LONG_DESCRIPTION, project_name="N" * 200))
    assert page.locator("#description").input_value() == LONG_DESCRIPTION
    assert no_horizontal_overflow(page)
    page.click("button[type=submit]")
    page.wait_for_url(REPORT_URL)
    assert page.locator("[data-recommendation]").is_visible()
    assert LONG_DESCRIPTION in page.content()
    assert no_horizontal_overflow(page)


def test_keyboard_alone_reaches_every_question_in_order_and_submits(
    page: Page, server: Any
) -> None:
    page.goto("/intake")
    order: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.name || '', document.activeElement.tagName]")
        if focused[1] == "BUTTON":
            break
        if focused[0]:
            order.append(focused[0])
        style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert style != "none", f"no visible focus on {focused}"
    assert order == [spec.name for spec in ALL_FIELDS]

    page.goto("/intake")
    page.focus("#task_narrowness")  # start where a keyboard user lands after the navigation
    for spec in ALL_FIELDS[:5]:
        assert page.evaluate("document.activeElement.id") == spec.name
        if spec.kind == "select" and not spec.default:
            page.keyboard.press("ArrowDown")
        elif spec.kind == "integer":
            page.keyboard.type("2500")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "project_name"
    page.keyboard.type("Keyboard only")
    page.keyboard.press("Enter")
    page.wait_for_url(REPORT_URL)
    doc = stored(server, page)
    first_choices = {spec.name: spec.choices[1].value for spec in ALL_FIELDS[:5]
                     if spec.kind == "select" and not spec.default}
    for name, value in first_choices.items():
        assert doc["questionnaire"][name] == value
    assert doc["questionnaire"]["requests_per_day"] == 2500
    assert doc["project_name"] == "Keyboard only"


def test_verdict_page_uploads_scores_and_draws_both_intervals(
    page: Page, server: Any, tmp_path: Path
) -> None:
    page.goto("/intake")
    fill(page, FORM_ANSWERS)
    page.click("button[type=submit]")
    page.wait_for_url(REPORT_URL)
    page.get_by_role("link", name=re.compile("Judge a training result")).click()
    page.wait_for_url(re.compile(r".*/verdict$"))
    assert page.input_value("#success_threshold")  # the plan's bar is filled in
    rows = ["baseline,candidate"] + ["0,1"] * 300 + ["1,1"] * 600 + ["0,0"] * 100
    scores = tmp_path / "scores.csv"
    scores.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.set_input_files("#results_file", str(scores))
    page.click("button[type=submit]")
    chart = page.locator("#verdict-chart")
    chart.wait_for()
    assert page.locator("[data-verdict]").get_attribute("data-verdict") == "success"
    assert page.locator("#verdict-chart line.interval").count() == 2
    assert "95% CI" in (chart.locator("title").first.text_content() or "")
    assert no_horizontal_overflow(page)
    page.screenshot(path=str(ARTIFACTS / "verdict.png"), full_page=True)


def test_cost_chart_marks_crossovers_and_the_report_comes_as_markdown(
    page: Page, server: Any
) -> None:
    page.goto("/intake")
    fill(page, dict(FORM_ANSWERS, requests_per_day="300", latency_budget_ms="",
                    knowledge_size_tokens="2000"))
    page.click("button[type=submit]")
    page.wait_for_url(REPORT_URL)
    doc = stored(server, page)
    projection = doc["cost_projection"]
    assert projection["crossovers"], "300 requests a day with a stable workflow cross over"
    chart = page.locator("#projection-chart")
    chart.scroll_into_view_if_needed()
    assert chart.locator("polyline.series").count() == len(projection["series"])
    assert chart.locator("line.crossover").count() == len(projection["crossovers"])
    for series in projection["series"]:
        points = chart.locator(f'polyline[data-approach="{series["approach"]}"]')
        assert len((points.get_attribute("points") or "").split()) == projection["months"] + 1
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200
    assert projection["summary"] in (chart.locator("desc").text_content() or "")
    assert no_horizontal_overflow(page)
    chart.screenshot(path=str(ARTIFACTS / "cost-projection.png"))
    link = page.get_by_role("link", name="This report as Markdown")
    markdown = page.request.get(link.get_attribute("href") or "")
    assert markdown.ok and markdown.headers["content-type"].startswith("text/markdown")
    assert f"## Cost over {projection['months']} months" in markdown.text()
