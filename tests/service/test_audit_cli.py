"""`advisor audit`: no database, a progress bar on stderr, the document or a summary on stdout,
the same answer as POST /datasets/audit, and a non-zero exit naming the fix for unusable input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.service.audit_support import Files, generated
from tests.service.test_audit_bad_input import BAD, TEN_MB_LINE, VALID
from tests.service.test_cli import run

NO_DATABASE = {"ADVISOR_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    return generated(folder=tmp_path_factory.mktemp("audit-cli"), n=2500, seed=43)


def measured(doc: dict[str, Any]) -> dict[str, Any]:
    """What must not depend on the channel: counts, quality, findings with lines and excerpts."""
    keep = ("format", "formats", "examples", "valid_examples", "usable_examples", "data_quality",
            "data_quality_reason", "findings", "tokens", "input_variety", "json_outputs", "eval",
            "traffic", "thresholds")
    return {key: doc[key] for key in keep}


def test_cli_and_api_agree_on_the_same_files(files: Files, client: httpx.Client) -> None:
    cli = run("audit", str(files.train), "--eval", str(files.eval), "--traffic",
              str(files.traffic), "--json", env=NO_DATABASE)
    assert cli.returncode == 0, cli.stderr
    doc = json.loads(cli.stdout)
    assert doc["id"] is None and doc["files"]["train"]["name"] == "train.jsonl"
    done = re.search(r"auditing train\.jsonl .* ([\d.]+)/([\d.]+) (kB|MB)", cli.stderr)
    assert done and done.group(1) == done.group(2), cli.stderr  # the bar reached the end
    api = client.post("/datasets/audit", timeout=300, files={
        name: (path.name, path.read_bytes(), "application/x-ndjson")
        for name, path in (("train", files.train), ("eval", files.eval),
                           ("traffic", files.traffic))}).json()
    assert measured(api) == measured(doc)
    assert {f["id"] for f in doc["findings"]} >= {"F-CONFLICT", "F-LEAKAGE", "F-DISTRIBUTION"}


def test_the_summary_is_a_findings_table(files: Files) -> None:
    result = run("audit", str(files.train), env=NO_DATABASE)
    assert result.returncode == 0, result.stderr
    doc = json.loads(run("audit", str(files.train), "--json", env=NO_DATABASE).stdout)
    out = result.stdout
    assert f"{doc['usable_examples']:,} usable" in out
    assert f"data quality: {doc['data_quality']}" in out
    assert "Findings" in out
    for finding in doc["findings"]:
        assert finding["id"] in out and f"{finding['count']:,}" in out


@pytest.mark.parametrize("name", list(BAD))
def test_unusable_input_exits_non_zero_naming_the_fix(tmp_path: Path, name: str) -> None:
    body, _status, words, _file, line = BAD[name]
    path = tmp_path / "train.jsonl"
    path.write_bytes(body)
    result = run("audit", str(path), "--json", env=NO_DATABASE)
    assert result.returncode == 1
    assert result.stdout == ""
    message = " ".join(result.stderr.split())
    assert "cannot audit (train file" in message
    if line is not None:
        assert f"line {line}" in message
    for word in words:
        assert word in message, (word, message)


def test_a_10_mb_line_among_good_ones_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(VALID * 5 + TEN_MB_LINE + VALID)
    result = run("audit", str(path), "--json", env=NO_DATABASE)
    assert result.returncode == 0, result.stderr
    [malformed] = [f for f in json.loads(result.stdout)["findings"] if f["id"] == "F-MALFORMED"]
    assert malformed["lines"] == [6]


def test_a_missing_file_is_a_usage_error() -> None:
    result = run("audit", "no-such-train.jsonl")
    assert result.returncode == 2 and "does not exist" in result.stderr
