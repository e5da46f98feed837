"""Launch Debian's chromium for Playwright tests; Playwright cannot download browsers here."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
INSTALL_HINT = "chromium is not installed (apt-get install -y chromium)"


def chromium_path() -> str | None:
    """The system chromium binary, under either of Debian's names."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """A headless chromium for one test module; skips only when no chromium exists at all."""
    path = chromium_path()
    if path is None:
        pytest.skip(INSTALL_HINT)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """One headless chromium per test module."""
    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def page(chromium: Browser, server: Any) -> Iterator[Page]:
    """A fresh page on the live server (uploads and audits may take a while on 2 cores)."""
    context = chromium.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(120_000)
    page = context.new_page()
    yield page
    context.close()
