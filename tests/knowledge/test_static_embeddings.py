"""The distilled static embedder: offline, cached, unit-length, deterministic, close to MiniLM."""

from __future__ import annotations

import numpy as np

from knowledge.static_embeddings import PCA_DIMS, StaticEmbedder, cache_key, source_dir

TEXTS = ["", "LoRA", "prices change every Friday", "Ünïcödé façade 東京 🚀", "long text " * 3000]


def test_vectors_are_unit_length_float32_and_deterministic() -> None:
    static = StaticEmbedder.load()
    first, second = static.encode(texts=TEXTS), static.encode(texts=TEXTS)
    assert first.shape == (len(TEXTS), PCA_DIMS) and first.dtype == np.float32
    assert np.array_equal(first, second)
    norms = np.linalg.norm(first, axis=1)
    assert norms[0] == 0.0 and np.allclose(norms[1:], 1.0, atol=1e-5)
    assert static.encode(texts=[]).shape == (0, PCA_DIMS)


def test_model_id_names_the_cache_key_of_the_weights_and_settings() -> None:
    static = StaticEmbedder.load()
    assert static.model_id.endswith(cache_key(source=source_dir())[:12])
    assert StaticEmbedder.load().model_id == static.model_id


def test_related_texts_are_closer_than_unrelated_ones() -> None:
    v = StaticEmbedder.load().encode(texts=[
        "the nurse checks the medication dose", "a clinician reviews the drug dosage",
        "our smart contract holds the tokens"])
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_a_batch_gives_each_text_the_bits_of_its_own_token_mean() -> None:
    """The one-gather batch equals, to the bit, each text's mean of its known token rows."""
    static = StaticEmbedder.load()
    texts = [*TEXTS, "we get roughly 3,000 tickets a day", "🚀🚀", "p95 under 800ms", "a"]
    got = static.encode(texts=texts)
    for row, text in enumerate(texts):
        ids = [i for i in static.tokenizer.encode(text, add_special_tokens=False).ids
               if i != static.unk_id]
        mean = static.vectors[ids].mean(axis=0) if ids else np.zeros(PCA_DIMS, np.float32)
        norm = np.linalg.norm(mean[None, :], axis=1, keepdims=True)
        expected = np.asarray(mean[None, :] / np.maximum(norm, 1e-12), dtype=np.float32)[0]
        assert np.array_equal(got[row], expected), text
        assert np.array_equal(static.encode(texts=[text])[0], expected)
