"""Bad uploads to POST /datasets/audit: a clear 4xx that names the file, line and fix (or a
finding), never a 500, and nothing stored. Sizes up to 300 MB are streamed, never held."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from service.middleware import LARGE_BODY_BYTES
from tests.conftest import LiveServer
from tests.service.audit_support import declared_upload, stored_audits, stream_upload

NDJSON = {"content-type": "application/x-ndjson"}
VALID = b'{"prompt": "Where is my parcel?", "completion": "It left the depot today."}\n'
TEN_MB_LINE = b'{"prompt": "' + b"a" * 10_000_000 + b'", "completion": "x"}\n'
# name: (body, status, words the message must hold, the file it names, the line it names)
BAD: dict[str, tuple[bytes, int, tuple[str, ...], str, int | None]] = {
    "empty file": (b"", 422, ("no examples", "one example per line"), "train", None),
    "blank lines only": (b"\n \n\t\n", 422, ("no examples",), "train", None),
    "no valid line": (b"not json\n[1, 2]\n{\"colour\": \"red\"}\n", 422,
                      ("no line", "line 1", "Each line must be"), "train", 1),
    "gzip file": (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, 422, ("gzip", "decompress"),
                  "train", None),
    "binary with NUL bytes": (b"\x00\x01\x02\x03" * 3000, 422, ("binary", "UTF-8"), "train", None),
    "one line of 10 MB": (TEN_MB_LINE, 422, ("no line", "line 1"), "train", 1),
    "only invalid UTF-8": (b'{"prompt": "\xff\xfe", "completion": "x"}\n', 422,
                           ("invalid UTF-8",), "train", 1),
}


@pytest.mark.parametrize("name", list(BAD))
def test_unusable_json_lines_get_a_422_that_names_the_fix(
        client: httpx.Client, database_url: str, name: str) -> None:
    body, status, words, file, line = BAD[name]
    before = stored_audits(database_url)
    response = client.post("/datasets/audit", content=body, headers=NDJSON, timeout=120)
    assert response.status_code == status, response.text[:300]
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", file] and problem["line"] == line
    for word in words:
        assert word in problem["msg"], (word, problem["msg"])
    assert stored_audits(database_url) == before


def test_a_10_mb_line_among_good_ones_is_a_finding(client: httpx.Client) -> None:
    body = VALID * 40 + TEN_MB_LINE + VALID.replace(b"today", b"yesterday") * 3
    response = client.post("/datasets/audit", content=body, headers=NDJSON, timeout=120)
    assert response.status_code == 201, response.text[:300]
    doc = response.json()
    [malformed] = [f for f in doc["findings"] if f["id"] == "F-MALFORMED"]
    assert malformed["lines"] == [41] and malformed["count"] == 1
    assert len(malformed["examples"][0]["text"]) <= 241  # clipped, not 10 MB
    assert doc["examples"] == 44 and doc["valid_examples"] == 43


@pytest.mark.parametrize(("headers", "files", "status", "loc"), [
    ({"content-type": "application/pdf"}, None, 415, ["header", "content-type"]),
    (None, {"eval": ("eval.jsonl", VALID)}, 422, ["body", "train"]),
    (None, {"file": ("train.jsonl", VALID)}, 422, ["body", "file"]),
    (None, {"train": ("", b"")}, 422, ["body", "train"]),
])
def test_a_wrong_request_shape_is_named(client: httpx.Client, database_url: str,
                                        headers: dict[str, str] | None,
                                        files: dict[str, tuple[str, bytes]] | None,
                                        status: int, loc: list[str]) -> None:
    before = stored_audits(database_url)
    if files is None:
        response = client.post("/datasets/audit", content=VALID, headers=headers)
    else:
        response = client.post("/datasets/audit", files=files)
    assert response.status_code == status, response.text
    [problem] = response.json()["detail"]
    assert problem["loc"] == loc and "`train`" in problem["msg"]
    assert stored_audits(database_url) == before


def test_a_multipart_train_file_that_is_binary_is_named(client: httpx.Client) -> None:
    response = client.post("/datasets/audit",
                           files={"train": ("data.jsonl.gz", b"\x1f\x8b\x08" + b"\x00" * 64)})
    assert response.status_code == 422
    assert "decompress" in response.json()["detail"][0]["msg"]


def test_300_mb_is_refused_by_its_length_and_while_streaming(server: LiveServer,
                                                             database_url: str) -> None:
    before = stored_audits(database_url)
    limit = LARGE_BODY_BYTES["audit"]
    assert declared_upload(url=server.url, path="/datasets/audit", length=300_000_000) == 413
    status, sent = stream_upload(url=server.url, path="/datasets/audit", total=300_000_000)
    assert status == 413
    assert limit <= sent < 300_000_000  # refused while streaming, before the end
    assert stored_audits(database_url) == before


def test_a_body_just_under_the_limit_streamed_without_length_is_taken(
        client: httpx.Client) -> None:
    """A chunked body (no Content-Length) well over the old 1 MB default gets through."""
    def body() -> Iterator[bytes]:
        for _ in range(3):
            yield VALID * 20_000  # about 1.5 MB each

    response = client.post("/datasets/audit", content=body(), headers=NDJSON, timeout=300)
    assert response.status_code == 201, response.text[:300]
    doc = response.json()
    assert doc["examples"] == 60_000 and doc["usable_examples"] == 1
    assert doc["data_quality"] == "noisy"
