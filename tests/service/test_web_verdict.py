"""The verdict page: plan filled in, pasted or uploaded scores judged, problems named by line."""

from __future__ import annotations

import random
import re
from typing import Any

import httpx
import pytest
from scipy.stats import binomtest

from tests.service.web_support import Elements
from tests.support import answers


@pytest.fixture(scope="module")
def assessed(server: Any) -> dict[str, Any]:
    """An assessment whose plan has a measured baseline (0.6) and therefore a bar."""
    body = answers(full=True, prompt_baseline_score=0.6)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        doc: dict[str, Any] = http.post("/assess", json=body).json()
    return doc


def scores_csv(*, n: int, baseline_rate: float, candidate_rate: float, seed: int = 3) -> str:
    rng = random.Random(seed)
    rows = ["id,baseline,candidate"]
    rows += [f"ex{i},{int(rng.random() < baseline_rate)},{int(rng.random() < candidate_rate)}"
             for i in range(n)]
    return "\n".join(rows) + "\n"


def test_form_shows_the_plan_of_the_assessment(
    client: httpx.Client, assessed: dict[str, Any]
) -> None:
    page = client.get(f"/assessments/{assessed['id']}/verdict")
    assert page.status_code == 200
    html = Elements(page.text)
    plan = assessed["success_plan"]
    assert html.find("input", id="baseline")[0]["value"] == f"{plan['baseline']:g}"
    bar = html.find("input", id="success_threshold")[0]["value"]
    assert bar == f"{plan['success_threshold']:g}"
    assert f"about {plan['held_out_examples']:,}" in page.text
    report = client.get(f"/assessments/{assessed['id']}/report").text
    assert f'href="/assessments/{assessed["id"]}/verdict"' in report


def test_pasted_scores_give_a_verdict_with_both_intervals_drawn(
    client: httpx.Client, assessed: dict[str, Any]
) -> None:
    plan = assessed["success_plan"]
    text = scores_csv(n=2000, baseline_rate=0.6, candidate_rate=0.85)
    page = client.post(f"/assessments/{assessed['id']}/verdict", data={
        "baseline": str(plan["baseline"]), "success_threshold": str(plan["success_threshold"]),
        "guardrail_max_drop": "0.02", "results_csv": text})
    assert page.status_code == 200, page.text[:500]
    [headline] = Elements(page.text).find(id="verdict-title")
    assert headline["data-verdict"] == "success"
    svg = page.text[page.text.index('<svg class="chart" id="verdict-chart"'):]
    assert svg.count('class="interval"') == 2 and svg.count('class="estimate"') == 2
    assert "baseline 0.600" in svg and f"bar {plan['success_threshold']:.3f}" in svg


def test_uploaded_file_is_read_and_a_small_set_is_inconclusive(
    client: httpx.Client, assessed: dict[str, Any]
) -> None:
    # 30 examples, 6 discordant pairs 5-1 in favour: exact McNemar cannot call that real.
    rows = ["baseline,candidate"] + ["0,1"] * 5 + ["1,0"] + ["1,1"] * 12 + ["0,0"] * 12
    exact = binomtest(5, 6, 0.5, alternative="greater").pvalue
    page = client.post(
        f"/assessments/{assessed['id']}/verdict",
        data={"success_threshold": "0.5", "guardrail_max_drop": "0.02"},
        files={"results_file": ("scores.csv", "\n".join(rows).encode(), "text/csv")},
    )
    assert page.status_code == 200, page.text[:500]
    assert Elements(page.text).find(id="verdict-title")[0]["data-verdict"] == "inconclusive"
    assert f"{exact:.4f}" in page.text
    assert re.search(r"about [\d,]+ more", page.text)


@pytest.mark.parametrize(("text", "needle"), [
    ("baseline,candidate\n1,1\n0,x\n", "line 3, column candidate"),
    ("baseline,candidate\n1,1.5\n", "line 2, column candidate"),
    ("baseline\n1\n", "candidate"),
    ("", "paste or upload"),
])
def test_bad_scores_name_the_line_and_keep_what_was_typed(
    client: httpx.Client, assessed: dict[str, Any], text: str, needle: str
) -> None:
    page = client.post(f"/assessments/{assessed['id']}/verdict",
                       data={"success_threshold": "0.7", "results_csv": text})
    assert page.status_code == 422
    assert needle in page.text
    assert Elements(page.text).text["results_csv"].strip() == text.strip()


def test_non_utf8_upload_and_unknown_assessment(
    client: httpx.Client, assessed: dict[str, Any]
) -> None:
    page = client.post(f"/assessments/{assessed['id']}/verdict", data={"success_threshold": "0.7"},
                       files={"results_file": ("s.csv", b"\xff\xfe\x00b", "text/csv")})
    assert page.status_code == 422 and "not UTF-8" in page.text
    assert client.get("/assessments/nope-not-there/verdict").status_code == 404
