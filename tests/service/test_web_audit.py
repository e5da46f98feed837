"""The audit pages over real HTTP: upload, the stored audit's page, its SVG and its problems."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveServer
from tests.service.audit_support import Files, generated, stored_audits
from tests.service.web_support import Elements

HOSTILE = (b'{"prompt": "<script>alert(1)</script> & <b>bold</b>", "completion": "ok"}\n')


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    return generated(folder=tmp_path_factory.mktemp("audit-web"), n=1200, seed=45)


def upload(client: httpx.Client, **parts: bytes) -> httpx.Response:
    return client.post("/audit", files={name: (f"{name}.jsonl", data, "application/x-ndjson")
                                        for name, data in parts.items()}, timeout=300)


def test_upload_redirects_to_the_stored_audit_page(client: httpx.Client, files: Files) -> None:
    posted = upload(client, train=HOSTILE * 2 + files.train.read_bytes(),
                    eval=files.eval.read_bytes())
    assert posted.status_code == 303
    target = posted.headers["location"]
    assert target.startswith("/datasets/audits/") and target.endswith("/report")
    audit_id = target.split("/")[3]
    doc = client.get(f"/datasets/audits/{audit_id}").json()
    page = client.get(target)
    assert page.status_code == 200
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    html = Elements(page.text)
    assert html.find("h2", id="quality")[0]["data-quality"] == doc["data_quality"]
    cards = html.find("li", **{"class": "finding"})
    assert sorted(c["data-finding"] for c in cards) == sorted(f["id"] for f in doc["findings"])
    shown = sum(len(f["examples"]) for f in doc["findings"])
    assert len(html.find("figure", **{"class": "excerpt"})) == shown > 0
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
    bins = doc["tokens"]["total"]["histogram"]
    assert len(html.find("svg", id="length-histogram")) == 1
    assert len(html.find("rect", **{"class": "bar"})) == len(bins)
    assert html.find("a", href=f"/intake?dataset_audit_id={audit_id}")


def test_bad_uploads_come_back_on_the_form(client: httpx.Client, database_url: str) -> None:
    before = stored_audits(database_url)
    empty = upload(client, train=b"")
    assert empty.status_code == 422
    assert "upload JSON Lines" in Elements(empty.text).text["upload-error"]
    binary = upload(client, train=b"\x1f\x8b\x08" + b"\x00" * 100)
    assert binary.status_code == 422 and "decompress" in binary.text
    nothing = client.post("/audit", files={"train": ("", b"")})
    assert nothing.status_code == 422 and "no `train` file" in nothing.text
    assert stored_audits(database_url) == before


def test_a_busy_auditor_says_when_to_retry(client: httpx.Client, server: LiveServer) -> None:
    slots = server.state.auditor.slots
    held = 0
    while slots.acquire(blocking=False):
        held += 1
    try:
        busy = upload(client, train=HOSTILE)
    finally:
        for _ in range(held):
            slots.release()
    assert busy.status_code == 503 and busy.headers["retry-after"]
    assert "busy" in busy.text


def test_the_form_lists_recent_audits_and_is_linked(client: httpx.Client, files: Files) -> None:
    posted = upload(client, train=files.train.read_bytes())
    audit_id = posted.headers["location"].split("/")[3]
    form = Elements(client.get("/audit").text)
    assert form.find("input", id="train", type="file")
    assert form.find("a", href=f"/datasets/audits/{audit_id}/report")
    for path in ("/", "/intake"):
        assert Elements(client.get(path).text).find("a", href="/audit"), path


def test_an_unknown_audit_page_is_404(client: httpx.Client) -> None:
    assert client.get("/datasets/audits/0190aaaa-0000-7000-8000-000000000000/report"
                      ).status_code == 404
    assert client.get("/datasets/audits/bad;id/report").status_code == 404
