"""The audit page in a real chromium: upload a generated file, read the findings and the SVG."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page

from tests.service.audit_support import Files, generated
from tests.service.test_web_browser import ARTIFACTS, no_horizontal_overflow

pytestmark = pytest.mark.browser
AUDIT_URL = re.compile(r".*/datasets/audits/[A-Za-z0-9-]+/report$")
UNBROKEN = b'{"prompt": "' + b"x" * 900 + b'", "completion": "y"}\n'




@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("audit-browser")
    made = generated(folder=folder, n=1500, seed=47)
    made.train.write_bytes(UNBROKEN * 2 + made.train.read_bytes())  # a duplicate, shown
    return made


def test_upload_a_file_and_read_its_audit(page: Page, server: Any, files: Files) -> None:
    page.goto("/")
    page.get_by_role("link", name="Audit a training file").click()
    page.set_input_files("#train", str(files.train))
    page.set_input_files("#eval", str(files.eval))
    page.get_by_role("button", name="Audit the file").click()
    page.wait_for_url(AUDIT_URL)
    audit_id = page.url.rsplit("/", 2)[-2]
    doc = httpx.get(f"{server.url}/datasets/audits/{audit_id}", timeout=30).json()
    assert page.locator("[data-quality]").get_attribute("data-quality") == doc["data_quality"]
    assert f"{doc['usable_examples']:,} usable examples" in page.locator("#quality").inner_text()
    cards = page.locator("li.finding")
    assert cards.count() == len(doc["findings"]) >= 5
    for finding in doc["findings"]:
        card = page.locator(f'li.finding[data-finding="{finding["id"]}"]')
        assert card.is_visible()
        assert finding["message"][:60] in card.inner_text()
        for example in finding["examples"]:
            assert example["text"][:40] in card.locator("blockquote").all_inner_texts()[
                finding["examples"].index(example)]
    svg = page.locator("svg#length-histogram")
    assert svg.is_visible() and svg.get_attribute("role") == "img"
    bars = page.locator("svg#length-histogram rect.bar")
    assert bars.count() == len(doc["tokens"]["total"]["histogram"])
    heights = [float(bars.nth(i).get_attribute("height") or 0) for i in range(bars.count())]
    assert max(heights) > 100 and min(heights) >= 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "audit.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 800})
    assert no_horizontal_overflow(page)


def test_a_bad_file_comes_back_with_the_fix(page: Page, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("id,question,answer\n1,where,there\n", encoding="utf-8")
    page.goto("/audit")
    page.set_input_files("#train", str(path))
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Audit the file").click()
    assert posted.value.status == 422
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "Each line must be one JSON object" in summary.inner_text()
