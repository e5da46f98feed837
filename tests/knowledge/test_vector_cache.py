"""Vectors kept across starts: the same as the model's, reused only for the same text and model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from knowledge.embeddings import Embedder
from knowledge.vector_cache import RememberingEncoder

TEXTS = ["Fine-tune for a narrow, stable task.", "Retrieval keeps facts fresh.", "LoRA adapters"]


class Counting:
    """The real embedder, counting the texts that reach it."""

    def __init__(self, *, embedder: Embedder, backend_id: str | None = None) -> None:
        self.embedder = embedder
        self.seen: list[str] = []
        self._id = backend_id

    @property
    def backend_id(self) -> str:
        return self._id or self.embedder.backend_id

    def encode(self, *, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        self.seen += texts
        return self.embedder.encode(texts=texts, batch_size=batch_size)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder().load()


def test_a_second_start_embeds_only_new_texts(embedder: Embedder, tmp_path: Path) -> None:
    first = RememberingEncoder(encoder=Counting(embedder=embedder), folder=tmp_path)
    computed = first.encode(texts=TEXTS)
    first.save()
    assert first.path.exists() and first.path.name.startswith(embedder.backend_id)

    model = Counting(embedder=embedder)
    second = RememberingEncoder(encoder=model, folder=tmp_path)
    again = second.encode(texts=[TEXTS[2], "a text never embedded", TEXTS[0]])
    assert model.seen == ["a text never embedded"]
    np.testing.assert_array_equal(again[0], computed[2])
    np.testing.assert_array_equal(again[2], computed[0])
    np.testing.assert_allclose(again[1], embedder.encode(texts=["a text never embedded"])[0],
                               atol=1e-5)


def test_another_model_never_reads_these_vectors(embedder: Embedder, tmp_path: Path) -> None:
    first = RememberingEncoder(encoder=Counting(embedder=embedder), folder=tmp_path)
    first.encode(texts=TEXTS)
    first.save()
    other = Counting(embedder=embedder, backend_id="another-build")
    RememberingEncoder(encoder=other, folder=tmp_path).encode(texts=TEXTS)
    assert other.seen == TEXTS


def test_a_torn_file_only_means_recomputing(embedder: Embedder, tmp_path: Path,
                                            caplog: pytest.LogCaptureFixture) -> None:
    model = Counting(embedder=embedder)
    cache = RememberingEncoder(encoder=model, folder=tmp_path)
    cache.path.write_bytes(b"PK\x03\x04 not a whole npz file")
    vectors = cache.encode(texts=TEXTS)
    assert model.seen == TEXTS and vectors.shape == (3, 384)
    assert "ignoring the vector cache" in caplog.text
    cache.save()
    assert RememberingEncoder(encoder=model, folder=tmp_path).encode(texts=TEXTS).shape == (3, 384)
    assert model.seen == TEXTS  # the rewritten file answered
