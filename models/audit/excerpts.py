"""The first few flagged lines of each finding, read back from the file after the audit: clipped,
with personal data masked and control characters replaced, so people can see what a finding
means without the service keeping the data (an excerpt is at most EXCERPT_CHARS characters).

A valid example reads "input ⟶ output" (system turns left out, as the audit compares them); a
line whose structure is the problem (F-MALFORMED, F-ROLE) or that is too long to parse is shown
as written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from models.audit.formats import Parsed, parse_line
from models.audit.options import MAX_LINE_BYTES
from models.audit.pii import mask
from models.audit.reader import BOM, Source, opened
from models.audit.report import AuditReport, Excerpt

EXCERPTS_PER_FINDING = 3
EXCERPT_CHARS = 240
AS_WRITTEN = frozenset({"F-MALFORMED", "F-ROLE"})
SKIP_BYTES = 1 << 20
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(raw: bytes) -> str:
    """UTF-8 text (bad bytes shown as U+FFFD), control characters too: JSONB stores no NUL."""
    return CONTROL.sub("\ufffd", raw.decode("utf-8", errors="replace"))


def read_lines(*, source: Source, wanted: Iterable[int]) -> dict[int, tuple[Excerpt, Excerpt]]:
    """Excerpts (readable, as written) of the wanted one-based lines, reading the file once up to
    the last of them and holding at most MAX_LINE_BYTES of one line at a time."""
    todo = set(wanted)
    found: dict[int, tuple[Excerpt, Excerpt]] = {}
    if not todo:
        return found
    last = max(todo)
    with opened(source=source) as stream:
        if not isinstance(source, Path):
            stream.seek(0)
        number = 0
        while number < last:
            head = stream.readline(MAX_LINE_BYTES + 2)
            if not head:
                break
            number += 1
            if number == 1:
                head = head.removeprefix(BOM)
            whole = head.endswith(b"\n") or _skip_rest(stream=stream)
            if number in todo:
                raw = head.rstrip(b"\r\n")
                found[number] = (excerpt(line=number, raw=raw, whole=whole),
                                 excerpt(line=number, raw=raw, whole=whole, as_written=True))
    return found


def _skip_rest(*, stream: BinaryIO) -> bool:
    """Read past the rest of a line without holding it; True when there was no rest (EOF)."""
    more = stream.readline(SKIP_BYTES)
    empty = not more
    while more and not more.endswith(b"\n"):
        more = stream.readline(SKIP_BYTES)
    return empty


def _readable(*, raw: bytes, whole: bool, as_written: bool) -> str:
    """What people should see of one line: its texts when it parses, else the line itself."""
    parsed = parse_line(raw) if whole and not as_written else None
    if not isinstance(parsed, Parsed):
        return _clean(raw[: EXCERPT_CHARS * 4 + 256])
    said = [" ".join(t.split()) or "(empty)" for t in (parsed.input, parsed.output)]
    return _clean(f"{said[0]} \u27f6 {said[1]}".encode())


def excerpt(*, line: int, raw: bytes, whole: bool, as_written: bool = False) -> Excerpt:
    """One flagged line for people: readable, masked, clipped."""
    text = mask(_readable(raw=raw, whole=whole, as_written=as_written).strip())
    clipped = not whole or len(text) > EXCERPT_CHARS
    if len(text) > EXCERPT_CHARS:
        text = text[:EXCERPT_CHARS].rstrip() + "\u2026"
    return Excerpt(line=line, text=text, clipped=clipped)


def add_excerpts(*, report: AuditReport, train: Source, eval: Source | None = None) -> None:
    """Fill each finding's `examples` with its first EXCERPTS_PER_FINDING lines (F-LEAKAGE from
    the eval file; F-DISTRIBUTION has no lines)."""
    first = {f.id: f.lines[:EXCERPTS_PER_FINDING] for f in report.findings}
    leak = first.pop("F-LEAKAGE", [])
    texts = read_lines(source=train, wanted=[n for lines in first.values() for n in lines])
    leaked = read_lines(source=eval, wanted=leak) if eval is not None and leak else {}
    for finding in report.findings:
        pool = leaked if finding.id == "F-LEAKAGE" else texts
        written = finding.id in AS_WRITTEN
        finding.examples = [pool[n][written] for n in finding.lines[:EXCERPTS_PER_FINDING]
                            if n in pool]
