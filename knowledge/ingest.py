"""The database-free half of ingest: find files, read and hash them, parse, chunk and embed.

service/indexing.py runs it against the database (which files are known, and the writes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge.chunking import SUPPORTED_SUFFIXES, ParsedDocument, parse_document
from knowledge.embeddings import TextEncoder

# Bump when chunking changes, so unchanged files are re-chunked once.
CHUNKER_VERSION = "chunker-6"
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class IngestReport:
    """What one ingest run did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    chunks_written: int = 0

    @property
    def ingested_any(self) -> bool:
        """True when at least one file is now in the index (new, replaced or already there)."""
        return bool(self.added or self.replaced or self.unchanged)

    @property
    def changed(self) -> bool:
        """True when this run wrote anything (so derived statistics need a recount)."""
        return bool(self.added or self.replaced)

    def stored(self, *, name: str, chunks: int, replaced: bool) -> None:
        """Count one file written to the index."""
        (self.replaced if replaced else self.added).append(name)
        self.chunks_written += chunks


@dataclass(frozen=True)
class SourceFile:
    """A file to index and the stable name it is stored under."""

    path: Path
    name: str


def discover(*, paths: Iterable[Path]) -> tuple[list[SourceFile], list[tuple[str, str]]]:
    """Expand files and folders into source files; report paths that cannot be used."""
    found: list[SourceFile] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if not child.resolve().is_relative_to(root):
                    problems.append((str(child), "links outside the folder given; not followed"))
                    continue
                if child.suffix.lower() not in SUPPORTED_SUFFIXES:
                    problems.append((str(child), f"unsupported file type {child.suffix!r}"))
                    continue
                found.append(SourceFile(path=child, name=child.relative_to(path).as_posix()))
        elif path.is_file():
            found.append(SourceFile(path=path, name=path.name))
        else:
            problems.append((str(path), "no such file or folder"))
    return found, problems


def read_text(*, path: Path, salt: str = "") -> tuple[str | None, str | None, str]:
    """(text, problem, content hash): binary, empty, huge or undecodable files give a problem.

    salt names the embedding backend, so vectors from another model never pass as unchanged.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, f"unreadable: {err.strerror or err}", ""
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\0{salt}\0".encode() + data).hexdigest()
    if len(data) > MAX_FILE_BYTES:
        return None, f"too large ({len(data)} bytes; limit {MAX_FILE_BYTES})", digest
    if not data.strip():
        return None, "empty file", digest
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes)", digest
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "not UTF-8 text", digest
    return text.replace("\x00", ""), None, digest


@dataclass(frozen=True)
class ToIndex:
    """A new or changed file, parsed into chunks and ready to embed."""

    name: str
    digest: str
    doc: ParsedDocument


def prepare(
    *, source: SourceFile, known_digest: str | None, salt: str, report: IngestReport
) -> ToIndex | None:
    """Parse a new or changed file; unchanged and unusable ones are noted in report instead."""
    text, problem, digest = read_text(path=source.path, salt=salt)
    if problem is None and known_digest == digest:
        report.unchanged.append(source.name)
        return None
    if problem is not None or text is None:
        report.skipped.append((str(source.path), problem or "unreadable"))
        return None
    doc = parse_document(name=source.name, raw=text)
    if not doc.chunks:
        report.skipped.append((str(source.path), "no text to index"))
        return None
    return ToIndex(name=source.name, digest=digest, doc=doc)


def embed(*, item: ToIndex, embedder: TextEncoder) -> np.ndarray:
    """One vector per chunk, from the text the chunk is searched by (heading path included)."""
    return embedder.encode(texts=[chunk.embed_text for chunk in item.doc.chunks])
