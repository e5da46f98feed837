"""Vectors of texts the service embeds at every start (built-in corpus, rule topics), kept on disk.

A fresh data directory re-indexes the built-in corpus and every start embeds the rule topics;
MiniLM needs seconds of CPU for that on a small machine, for vectors that never change. They
are kept beside the ONNX export in one file per model build (the file name carries the
embedder's backend_id, so vectors of different models or builds never mix), keyed by the
SHA-256 of the exact text. A missing, unreadable or foreign file only means recomputing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from knowledge.embeddings import TextEncoder

log = logging.getLogger(__name__)
# Texts this cache is meant for number in the hundreds; past this it keeps only this run's.
MAX_ENTRIES = 20_000


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class RememberingEncoder:
    """An encoder that answers texts it has embedded before from a file, and computes the rest."""

    def __init__(self, *, encoder: TextEncoder, folder: Path) -> None:
        self.encoder = encoder
        self.folder = folder
        self._lock = threading.Lock()
        self._known: dict[bytes, np.ndarray] | None = None
        self._used: set[bytes] = set()
        self._dirty = False

    @property
    def backend_id(self) -> str:
        """The wrapped model's id: ingest salts content hashes with it."""
        return self.encoder.backend_id

    @property
    def path(self) -> Path:
        """One file per model build."""
        return self.folder / f"{self.backend_id}.vectors.npz"

    def _load(self) -> dict[bytes, np.ndarray]:
        if self._known is None:
            self._known = {}
            try:
                with np.load(self.path) as data:
                    for key, row in zip(data["digests"], data["vectors"], strict=True):
                        self._known[bytes(key)] = row
            except FileNotFoundError:
                pass
            except Exception as err:  # a torn or foreign file is only a slower start
                log.warning("ignoring the vector cache %s (%s: %s)", self.path,
                            type(err).__name__, err)
                self._known = {}
        return self._known

    def encode(self, *, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit vectors in the order given; only texts never seen before reach the model."""
        keys = [_digest(text) for text in texts]
        with self._lock:
            known = self._load()
            todo = sorted({i for i, key in enumerate(keys) if key not in known})
        if todo:
            fresh = self.encoder.encode(texts=[texts[i] for i in todo], batch_size=batch_size)
            with self._lock:
                for i, row in zip(todo, fresh, strict=True):
                    known[keys[i]] = np.asarray(row, dtype=np.float32)
                self._dirty = True
        with self._lock:
            self._used.update(keys)
            if not keys:
                return self.encoder.encode(texts=[], batch_size=batch_size)
            return np.stack([known[key] for key in keys])

    def save(self) -> None:
        """Write the file (atomically) when this run embedded anything new."""
        with self._lock:
            if not self._dirty or self._known is None:
                return
            keep = self._known
            if len(keep) > MAX_ENTRIES:
                keep = {key: keep[key] for key in self._used if key in keep}
            digests = np.array(list(keep), dtype="S32")
            vectors = np.stack(list(keep.values())).astype(np.float32)
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryDirectory(dir=self.folder, prefix=".vectors-") as tmp:
                    staged = Path(tmp) / "vectors.npz"
                    np.savez(staged, digests=digests, vectors=vectors)
                    os.replace(staged, self.path)
                self._dirty = False
            except OSError as err:  # a read-only cache only costs the next start time
                log.warning("could not save the vector cache %s: %s", self.path, err)
