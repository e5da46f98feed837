"""Index files into a collection: parse, chunk, embed, and replace per file in one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import psycopg
from pgvector.psycopg import register_vector

from knowledge.chunking import SUPPORTED_SUFFIXES, ParsedDocument, parse_document
from knowledge.embeddings import Embedder
from knowledge.search import refresh_term_stats

# Bump when chunking changes, so unchanged files are re-chunked once.
CHUNKER_VERSION = "chunker-5"
MAX_FILE_BYTES = 20 * 1024 * 1024
COPY_CHUNKS = (
    "COPY chunks (document_id, collection, ordinal, section, text, embedding)"
    " FROM STDIN WITH (FORMAT BINARY)"
)
COPY_TYPES = ["int8", "text", "int4", "text", "text", "vector"]


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
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
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


def _store(
    *, conn: psycopg.Connection, collection: str, name: str, digest: str,
    doc: ParsedDocument, vectors: Sequence[object],
) -> None:
    """Replace one file's document and chunks atomically."""
    with conn.transaction():
        conn.execute(
            "DELETE FROM documents WHERE collection = %(c)s AND path = %(p)s",
            {"c": collection, "p": name},
        )
        row = conn.execute(
            "INSERT INTO documents (collection, path, title, content_hash, cites)"
            " VALUES (%(c)s, %(p)s, %(t)s, %(h)s, %(cites)s::jsonb) RETURNING id",
            {"c": collection, "p": name, "t": doc.title, "h": digest,
             "cites": json.dumps(doc.cites)},
        ).fetchone()
        assert row is not None
        # Binary COPY: one round trip per file, no per-row statement parsing or text vectors.
        with conn.cursor() as cur, cur.copy(COPY_CHUNKS) as copy:
            copy.set_types(COPY_TYPES)
            for ch, vec in zip(doc.chunks, vectors, strict=True):
                copy.write_row((row[0], collection, ch.ordinal, ch.section, ch.text, vec))


class _BackgroundStore:
    """Writes one file while the next is embedded: the database works as the model computes."""

    def __init__(self, *, conn: psycopg.Connection, collection: str, report: IngestReport,
                 known: dict[str, str], progress: Callable[[str, int], None] | None) -> None:
        self.conn, self.collection, self.report = conn, collection, report
        self.known, self.progress = known, progress
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-store")
        self.pending: tuple[Future[None], str, int] | None = None

    def submit(self, *, name: str, digest: str, doc: ParsedDocument, vectors: np.ndarray) -> None:
        """Queue one file's transaction after the previous one has committed."""
        self.wait()
        future = self.pool.submit(_store, conn=self.conn, collection=self.collection, name=name,
                                  digest=digest, doc=doc, vectors=list(vectors))
        self.pending = (future, name, len(doc.chunks))

    def wait(self) -> None:
        """Block until the queued file is stored (re-raising its error), then count it."""
        if self.pending is None:
            return
        future, name, chunks = self.pending
        self.pending = None
        future.result()
        bucket = self.report.replaced if name in self.known else self.report.added
        bucket.append(name)
        self.report.chunks_written += chunks
        if self.progress is not None:
            self.progress(name, 1)

    def close(self) -> None:
        """Let a running write finish before the connection goes away."""
        self.pool.shutdown(wait=True)


def ingest(
    *, conninfo: str, paths: Iterable[Path], collection: str, embedder: Embedder,
    progress: Callable[[str, int], None] | None = None,
) -> IngestReport:
    """Index paths into a collection; unchanged files (same content hash) are left alone."""
    report = IngestReport()
    files, problems = discover(paths=paths)
    report.skipped.extend(problems)
    salt = embedder.backend_id
    with psycopg.connect(conninfo, autocommit=True) as conn:
        register_vector(conn)
        # A crash may lose the last commits, never half a file; the content hash re-indexes them.
        conn.execute("SET synchronous_commit = off")
        known: dict[str, str] = dict(
            conn.execute(
                "SELECT path, content_hash FROM documents WHERE collection = %(c)s",
                {"c": collection},
            ).fetchall()
        )
        store = _BackgroundStore(conn=conn, collection=collection, report=report, known=known,
                                 progress=progress)
        try:
            for source in files:
                text, problem, digest = read_text(path=source.path, salt=salt)
                doc = None
                if problem is None and known.get(source.name) == digest:
                    report.unchanged.append(source.name)
                elif problem is not None or text is None:
                    report.skipped.append((str(source.path), problem or "unreadable"))
                else:
                    doc = parse_document(name=source.name, raw=text)
                    if not doc.chunks:
                        report.skipped.append((str(source.path), "no text to index"))
                        doc = None
                if doc is None:
                    store.wait()
                    if progress is not None:
                        progress(source.name, 1)
                    continue
                vectors = embedder.encode(texts=[c.embed_text for c in doc.chunks])
                store.submit(name=source.name, digest=digest, doc=doc, vectors=vectors)
            store.wait()
        finally:
            store.close()
        changed = bool(report.added or report.replaced)
        if changed or (report.ingested_any and _stats_stale(conn=conn, collection=collection)):
            refresh_term_stats(conn=conn, collection=collection)
    return report


def _stats_stale(*, conn: psycopg.Connection, collection: str) -> bool:
    """Keyword statistics missing or counted over a different set of chunks (an interrupted run)."""
    row = conn.execute(
        "SELECT (SELECT chunks FROM collection_stats WHERE collection = %(c)s)"
        " IS DISTINCT FROM (SELECT count(*) FROM chunks WHERE collection = %(c)s)",
        {"c": collection},
    ).fetchone()
    return bool(row and row[0])
