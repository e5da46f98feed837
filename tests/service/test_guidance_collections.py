"""An organisation's playbooks in /assess: named in the setting, cited, labelled, refreshed live."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from models.advisor import Advisor
from service.config import Settings
from service.guidance import _RECOMMENDATION_TOPICS
from service.indexing import ingest
from tests.conftest import LiveServer
from tests.support import answers

ACME = "acme"
# No description: only the rule, warning and recommendation topics are searched, and their
# passages are the ones the finder caches per corpus version. A 1 ms budget brings a latency
# warning the artifact does not list: its topic is met at request time and cached like the rest.
ANSWERS = answers(full=True, description=None, risk_domain="health", latency_budget_ms=1)


def write_playbooks(folder: Path, *, doc: dict[str, Any], revision: str) -> None:
    """One playbook per topic the assessment searches, each restating it in the org's terms."""
    topics = [r["message"] for r in doc["rules"]] + [w["message"] for w in doc["warnings"]]
    topics.append(_RECOMMENDATION_TOPICS[doc["recommendation"]])
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    for index, topic in enumerate(topics):
        (folder / f"playbook-{index}.md").write_text(
            f"# Acme playbook {index}\n\n{topic} Acme revision {revision} of this playbook "
            "applies to every team.\n", encoding="utf-8")


def acme_passages(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in doc["guidance"] if p["collection"] == ACME]


@pytest.fixture(scope="module")
def first_doc(server: LiveServer) -> dict[str, Any]:
    """The default (built-in only) assessment, whose topics the playbooks restate."""
    response = httpx.post(f"{server.url}/assess", json=ANSWERS, timeout=60)
    assert response.status_code == 200, response.text
    doc: dict[str, Any] = response.json()
    return doc


@pytest.fixture(scope="module")
def playbooks(tmp_path_factory: pytest.TempPathFactory, database_url: str, embedder: Any,
              first_doc: dict[str, Any]) -> Path:
    folder = tmp_path_factory.mktemp("acme")
    write_playbooks(folder, doc=first_doc, revision="ALPHA")
    report = ingest(conninfo=database_url, paths=[folder], collection=ACME, embedder=embedder)
    assert report.added
    return folder


@pytest.fixture(scope="module")
def acme_server(tmp_path_factory: pytest.TempPathFactory, database_url: str,
                playbooks: Path) -> Iterator[LiveServer]:
    settings = Settings(
        ADVISOR_DATA_DIR=tmp_path_factory.mktemp("acme-data"), ADVISOR_DATABASE_URL=database_url,
        ADVISOR_API_KEYS=None, ADVISOR_INDEX_BUILTIN=False,
        ADVISOR_GUIDANCE_COLLECTIONS=f"builtin,{ACME}",
    )
    live = LiveServer(settings=settings).start()
    yield live
    live.stop()


def test_named_collection_is_cited_and_labelled(acme_server: LiveServer) -> None:
    with httpx.Client(base_url=acme_server.url, timeout=60) as http:
        doc = http.post("/assess", json=ANSWERS).json()
        cited = acme_passages(doc)
        assert cited, doc["guidance"]
        assert all("revision ALPHA" in p["text"] and p["file"].startswith("playbook-")
                   for p in cited)
        assert any(p["collection"] == "builtin" for p in doc["guidance"]) or len(cited) == len(
            doc["guidance"])
        page = http.get(f"/assessments/{doc['id']}/report").text
    assert page.count('data-collection="acme"') == len(cited)
    assert "Your organisation" in page


def test_default_setting_cites_only_the_builtin_collection(
    client: httpx.Client, playbooks: Path
) -> None:
    doc = client.post("/assess", json=ANSWERS).json()
    assert doc["guidance"] and acme_passages(doc) == []
    assert {p["collection"] for p in doc["guidance"]} == {"builtin"}


def test_reingested_playbooks_show_up_without_a_restart(
    acme_server: LiveServer, playbooks: Path, database_url: str, embedder: Any,
    first_doc: dict[str, Any],
) -> None:
    write_playbooks(playbooks, doc=first_doc, revision="BRAVO")
    report = ingest(conninfo=database_url, paths=[playbooks], collection=ACME, embedder=embedder)
    assert report.replaced
    texts: list[str] = []
    with httpx.Client(base_url=acme_server.url, timeout=60) as http:
        for _ in range(60):  # the supervisor checks the corpus version about once a second
            texts = [p["text"] for p in acme_passages(http.post("/assess", json=ANSWERS).json())]
            if texts and all("revision BRAVO" in text for text in texts):
                break
            time.sleep(0.5)
    assert texts and all("revision BRAVO" in text for text in texts), texts


def test_first_doc_carries_a_warning_the_artifact_does_not_list(
    first_doc: dict[str, Any]
) -> None:
    listed = {w["id"] for w in Advisor.load().artifact["warnings"]}
    assert {w["id"] for w in first_doc["warnings"]} - listed
