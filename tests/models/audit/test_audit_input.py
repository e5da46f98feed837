"""Reading: line numbers, blank lines, long lines, encodings, binary files, and files the audit
cannot use at all (a clear error naming the file, the line and the fix; never a crash)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from models.audit import AuditInputError, AuditOptions, run_audit
from models.audit.formats import parse_line
from models.audit.reader import LineReader

CHAT = {"messages": [{"role": "user", "content": "How do I reset my PIN?"},
                     {"role": "assistant", "content": "Open Settings, then Security."}]}


def lines_of(data: bytes, *, limit: int = 1 << 20) -> list[tuple[int, bytes | None]]:
    return list(LineReader(stream=io.BytesIO(data), file="train", max_line_bytes=limit))


def example(i: int) -> bytes:
    return json.dumps({"prompt": f"Question number {i} about topic {i * 7}",
                       "completion": f"Answer {i} with detail {i * 13}"}).encode()


def test_blank_lines_keep_numbering_but_are_not_examples() -> None:
    data = b"a\n\n  \n\tb\r\n\nc"
    assert lines_of(data) == [(1, b"a"), (4, b"\tb\r"), (6, b"c")]


def test_a_line_over_the_limit_is_skipped_without_being_held() -> None:
    data = b"short\n" + b"x" * 5000 + b"\nafter\n" + b"y" * 5000
    assert lines_of(data, limit=1024) == [(1, b"short"), (2, None), (3, b"after"), (4, None)]


def test_a_line_exactly_at_the_limit_is_kept() -> None:
    assert lines_of(b"z" * 1024 + b"\n", limit=1024) == [(1, b"z" * 1024)]


def test_byte_order_mark_is_ignored() -> None:
    assert lines_of(b"\xef\xbb\xbf" + json.dumps(CHAT).encode())[0][1] == json.dumps(CHAT).encode()


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", "{}".encode("utf-16"),
                                  gzip.compress(json.dumps(CHAT).encode()),
                                  bytes(range(1, 32)) * 10])
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(AuditInputError) as err:
        run_audit(train=io.BytesIO(data))
    assert err.value.file == "train" and "UTF-8" in err.value.message


@pytest.mark.parametrize("data", [b"", b"\n\n   \n"])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(AuditInputError, match="no examples"):
        run_audit(train=io.BytesIO(data))


def test_a_file_without_any_valid_line_names_the_first_bad_one() -> None:
    data = b"\n" + json.dumps({"question": "q", "answer": "a"}).encode() + b"\nnot json\n"
    with pytest.raises(AuditInputError) as err:
        run_audit(train=io.BytesIO(data))
    assert err.value.line == 2 and "no accepted format" in err.value.message


def test_ten_megabyte_line_and_bad_utf8_become_findings(tmp_path: Path) -> None:
    rows = [example(i) for i in range(30)]
    rows[4] = b'{"prompt": "' + b"a" * (10 << 20) + b'", "completion": "x"}'
    rows[9] = example(9).replace(b"Question", b"Qu\xe9stion")
    path = tmp_path / "train.jsonl"
    path.write_bytes(b"\n".join(rows))
    report = run_audit(train=path, options=AuditOptions(workers=1))
    malformed = next(f for f in report.findings if f.id == "F-MALFORMED")
    assert malformed.lines == [5, 10]
    assert malformed.breakdown == {"line too long": 1, "invalid UTF-8": 1}
    assert report.examples == 30 and report.valid_examples == 28


def test_latin1_file_with_nothing_valid_says_so() -> None:
    data = "\n".join(json.dumps({"prompt": "café", "completion": "olé"}, ensure_ascii=False)
                     for _ in range(3)).encode("latin-1")
    with pytest.raises(AuditInputError, match="invalid UTF-8"):
        run_audit(train=io.BytesIO(data))


@pytest.mark.parametrize(("line", "reason"), [
    (b"[1, 2]", "a JSON list, not an object"),
    (b"{oops", "not JSON"),
    (b'{"prompt": 5, "completion": "x"}', "must both be strings"),
    (b'{"messages": "hi"}', "not a list"),
    (b'{"messages": [{"content": "hi"}]}', "message 1 is not"),
    (b'{"instruction": "x"}', "must be strings"),
    (b'{"text": "x"}', "no accepted format (keys: text)"),
])
def test_malformed_reasons(line: bytes, reason: str) -> None:
    parsed = parse_line(line)
    assert isinstance(parsed, str) and reason in parsed
