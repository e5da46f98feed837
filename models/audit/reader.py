"""Stream a JSON Lines file as numbered lines without ever holding more than one block and one
line: a line longer than the limit is counted and skipped (it becomes F-MALFORMED), blank lines
are not examples, and a binary file is refused before any work is done."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

BLOCK_BYTES = 1 << 20
SNIFF_BYTES = 8192
BOM = b"\xef\xbb\xbf"
# Bytes below 0x20 that text files hold: tab, newline, form feed, carriage return.
TEXT_CONTROLS = frozenset(b"\t\n\x0c\r")
MAGIC = {b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip", b"BZh": "bzip2", b"\xfd7zXZ": "xz",
         b"%PDF": "PDF", b"\x89PNG": "PNG"}

Source = BinaryIO | Path


class AuditInputError(ValueError):
    """Input the audit cannot read at all; `file` names which upload, the message names the fix."""

    def __init__(self, *, file: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.file, self.line, self.message = file, line, message


@contextlib.contextmanager
def opened(*, source: Source) -> Iterator[BinaryIO]:
    """A binary stream for a path (closed afterwards) or the caller's own stream (left open)."""
    if isinstance(source, Path):
        with source.open("rb") as stream:
            yield stream
    else:
        yield source


def sniff(*, head: bytes, file: str) -> None:
    """Refuse files that are not text: compressed archives, NUL bytes, control characters."""
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            raise AuditInputError(file=file, message=(
                f"the {file} file is a {kind} file, not JSON Lines text; "
                "decompress or export it as UTF-8 JSON Lines (one example per line)"))
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise AuditInputError(file=file, message=(
            f"the {file} file looks binary (it holds NUL bytes); if it is UTF-16 text, save it "
            "as UTF-8 JSON Lines, one example per line"))
    controls = sum(1 for b in sample if b < 0x20 and b not in TEXT_CONTROLS)
    if sample and controls / len(sample) > 0.05:
        raise AuditInputError(file=file, message=(
            f"the {file} file looks binary ({controls} control bytes in its first "
            f"{len(sample)}); upload UTF-8 JSON Lines, one example per line"))


class LineReader:
    """Numbered non-blank lines of a stream; `None` stands for a line over `max_line_bytes`."""

    def __init__(self, *, stream: BinaryIO, file: str, max_line_bytes: int) -> None:
        self.stream, self.file, self.max_line_bytes = stream, file, max_line_bytes
        self.bytes_read = 0
        self.line_no = 0

    def _blocks(self) -> Iterator[bytes]:
        first = True
        while True:
            block = self.stream.read(BLOCK_BYTES)
            if not block:
                return
            self.bytes_read += len(block)
            if first:
                sniff(head=block, file=self.file)
                block = block.removeprefix(BOM)
                first = False
            yield block

    def _emit(self, line: bytes) -> tuple[int, bytes | None] | None:
        self.line_no += 1
        if len(line) > self.max_line_bytes:
            return self.line_no, None
        return (self.line_no, line) if line.strip() else None

    def __iter__(self) -> Iterator[tuple[int, bytes | None]]:
        carry, skipping = b"", False
        for block in self._blocks():
            parts = block.split(b"\n")
            for part in parts[:-1]:
                if skipping:
                    skipping = False
                    self.line_no += 1
                    yield self.line_no, None
                    continue
                item = self._emit(carry + part)
                carry = b""
                if item is not None:
                    yield item
            if not skipping:
                carry += parts[-1]
                if len(carry) > self.max_line_bytes:
                    carry, skipping = b"", True
        if skipping:
            self.line_no += 1
            yield self.line_no, None
        elif carry:
            item = self._emit(carry)
            if item is not None:
                yield item

