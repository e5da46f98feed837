"""Index files into a collection: the pure steps from knowledge.ingest, the writes from db."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import psycopg

from knowledge.embeddings import TextEncoder
from knowledge.ingest import IngestReport, ToIndex, discover, embed, prepare
from service.db import documents, keyword_stats

Progress = Callable[[str, int], None]
BUILTIN_LOCK = "advisor:index-builtin"


class _BackgroundStore:
    """Writes one file while the next is embedded: the database works as the model computes."""

    def __init__(self, *, conn: psycopg.Connection[Any], collection: str, report: IngestReport,
                 known: dict[str, str], progress: Progress | None) -> None:
        self.conn, self.collection, self.report = conn, collection, report
        self.known, self.progress = known, progress
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-store")
        self.pending: tuple[Future[None], ToIndex] | None = None

    def submit(self, *, item: ToIndex, vectors: np.ndarray) -> None:
        """Queue one file's transaction after the previous one has committed."""
        self.wait()
        future = self.pool.submit(
            documents.replace, self.conn, collection=self.collection, name=item.name,
            digest=item.digest, doc=item.doc, vectors=list(vectors),
        )
        self.pending = (future, item)

    def wait(self) -> None:
        """Block until the queued file is stored (re-raising its error), then count it."""
        if self.pending is None:
            return
        future, item = self.pending
        self.pending = None
        future.result()
        self.report.stored(name=item.name, chunks=len(item.doc.chunks),
                           replaced=item.name in self.known)
        if self.progress is not None:
            self.progress(item.name, 1)

    def close(self) -> None:
        """Let a running write finish before the connection goes away."""
        self.pool.shutdown(wait=True)


def ingest(
    *, conninfo: str, paths: Iterable[Path], collection: str, embedder: TextEncoder,
    progress: Progress | None = None,
) -> IngestReport:
    """Index paths into a collection; unchanged files (same content hash) are left alone."""
    report = IngestReport()
    files, problems = discover(paths=paths)
    report.skipped.extend(problems)
    salt = embedder.backend_id
    with documents.writer(conninfo) as conn:
        known = documents.content_hashes(conn, collection=collection)
        store = _BackgroundStore(conn=conn, collection=collection, report=report, known=known,
                                 progress=progress)
        try:
            for source in files:
                item = prepare(source=source, known_digest=known.get(source.name), salt=salt,
                               report=report)
                if item is None:
                    store.wait()
                    if progress is not None:
                        progress(source.name, 1)
                    continue
                store.submit(item=item, vectors=embed(item=item, embedder=embedder))
            store.wait()
        finally:
            store.close()
        if report.changed or (
            report.ingested_any and keyword_stats.stale(conn, collection=collection)
        ):
            keyword_stats.refresh(conn, collection=collection)
    return report


def index_builtin(*, conninfo: str, corpus_dir: Path, collection: str,
                  embedder: TextEncoder) -> IngestReport:
    """Index the built-in corpus; workers starting together take turns under one lock."""
    with documents.index_lock(conninfo, name=BUILTIN_LOCK):
        return ingest(conninfo=conninfo, paths=[corpus_dir], collection=collection,
                      embedder=embedder)
