"""Finding 11: /docs renders Swagger UI from packaged assets with every other host unreachable."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Route

from service.api.routes.docs import ASSETS_URL

pytestmark = pytest.mark.browser



def test_docs_page_loads_nothing_from_elsewhere(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "http" not in page.text.replace("http-equiv", "")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "<script>" not in page.text  # no inline script
    bundle = client.get(f"{ASSETS_URL}/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 500_000


def test_swagger_ui_renders_offline_under_its_csp(chromium: Browser, server: Any) -> None:
    context = chromium.new_context(base_url=server.url)
    outside: list[str] = []
    problems: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(server.url):
            route.continue_()
        else:  # what a machine with no network would see
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "Fine-tuning advisor" in page.inner_text(".swagger-ui .info .title")
    page.wait_for_selector("#operations-assess-assess_assess_post", timeout=30_000)
    context.close()
    assert outside == []
    assert not [p for p in problems if "Content Security Policy" in p], problems
