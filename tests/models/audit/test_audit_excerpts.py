"""Excerpts of flagged lines: the right lines, readable, clipped and with personal data masked."""

from __future__ import annotations

import io
import json
from pathlib import Path

from models.audit import AuditOptions, run_audit
from models.audit.excerpts import EXCERPT_CHARS, add_excerpts, read_lines
from models.audit.pii import mask, pii_kinds


def test_mask_removes_everything_the_detector_counts_and_keeps_ids() -> None:
    text = ("Mail jo.doe@example.com, call +44 20 7946 0958 or (555) 123-4567, card "
            "4111-1111-1111-1111. Order ORD-2024-1234567890 on 2024-05-01 at 10:30.")
    masked = mask(text)
    assert pii_kinds(text) == 7 and pii_kinds(masked) == 0
    assert masked.count("<PHONE>") == 2 and "<EMAIL>" in masked and "<CARD>" in masked
    assert "ORD-2024-1234567890" in masked and "2024-05-01" in masked
    assert mask("no personal data, version 1.2.3") == "no personal data, version 1.2.3"


def test_lines_are_counted_as_the_audit_counts_them(tmp_path: Path) -> None:
    rows = [b'\xef\xbb\xbf{"prompt": "a", "completion": "b"}', b"", b"   ",
            b'{"prompt": "line four", "completion": "ok"}', b"x" * 3_000_000,
            b'{"prompt": "after the long line", "completion": "\x00"}']
    path = tmp_path / "f.jsonl"
    path.write_bytes(b"\r\n".join(rows))
    found = read_lines(source=path, wanted=[1, 4, 5, 6])
    assert found[1][0].text == "a \u27f6 b"
    assert found[4][0].text == "line four \u27f6 ok" and not found[4][0].clipped
    assert found[5][0].clipped and len(found[5][0].text) == EXCERPT_CHARS + 1
    assert "\x00" not in found[6][1].text and "\ufffd" in found[6][1].text
    with path.open("rb") as stream:
        stream.read(100)  # a stream the audit has read is rewound
        assert read_lines(source=stream, wanted=[4])[4][0].text == "line four \u27f6 ok"


def test_findings_show_their_first_lines(tmp_path: Path) -> None:
    good = [{"prompt": f"question {i} about parcel {i * 7}", "completion": f"answer {i}"}
            for i in range(30)]
    lines = [json.dumps(g) for g in good]
    lines[5] = lines[3]  # a duplicate of line 4
    lines[9] = '{"messages": "not a list"}'
    lines[12] = json.dumps({"prompt": "write to jo@example.org", "completion": "sure"})
    data = ("\n".join(lines) + "\n").encode()
    report = run_audit(train=io.BytesIO(data), options=AuditOptions(workers=1))
    add_excerpts(report=report, train=io.BytesIO(data))
    shown = {f.id: f.examples for f in report.findings}
    assert [e.line for e in shown["F-DUPLICATE"]] == [6]
    assert shown["F-DUPLICATE"][0].text == "question 3 about parcel 21 \u27f6 answer 3"
    assert shown["F-MALFORMED"][0].text == '{"messages": "not a list"}'  # as written
    assert shown["F-PII"][0].text == "write to <EMAIL> \u27f6 sure"
