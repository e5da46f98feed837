"""The reader artifact: trained on the train split only, reproducible byte for byte, readable."""

from __future__ import annotations

import json

from knowledge.static_embeddings import StaticEmbedder
from models.reading.data.check import load
from models.reading.model import DEFAULT_ARTIFACT, ReaderModel
from models.reading.training import FIELDS, dump, fit_all
from models.reading.tuning import choose, train_reader


def test_committed_artifact_matches_the_embedder_and_is_small(static: StaticEmbedder) -> None:
    artifact = json.loads(DEFAULT_ARTIFACT.read_text(encoding="utf-8"))
    assert artifact["embedder"] == static.model_id
    assert list(artifact["fields"]) == list(FIELDS)
    assert DEFAULT_ARTIFACT.stat().st_size < 5_000_000
    train = [r for r in load(name="sentences.jsonl") if r["split"] == "train"]
    assert artifact["training"]["sentences"] == len(train)
    for spec in artifact["fields"].values():
        assert spec["classes"][0] == "none" and 0 < spec["threshold"] < 1
        assert all(name.split(":")[0] in ("w", "b", "c", "p") for name in spec["features"])


def test_training_is_reproducible_byte_for_byte(static: StaticEmbedder) -> None:
    rows = load(name="sentences.jsonl")
    small = [r for r in rows if r["split"] == "train"][:150] + \
        [r for r in rows if r["split"] == "holdout"][:20]

    def embed(texts: list[str]) -> object:
        return static.encode(texts=texts)

    first = dump(artifact=train_reader(sentences=small, embed=embed, embedder_id=static.model_id))
    second = dump(artifact=train_reader(sentences=small, embed=embed,
                                        embedder_id=static.model_id))
    assert first == second
    assert json.loads(first)["training"]["sentences"] == 150  # holdout rows are never fitted


def test_fitted_model_scores_like_the_artifact_says(static: StaticEmbedder) -> None:
    rows = [r for r in load(name="sentences.jsonl") if r["split"] == "train"][:120]
    artifact = fit_all(rows=rows, embed=lambda t: static.encode(texts=t),
                       embedder_id=static.model_id)
    model = ReaderModel(artifact=artifact).attach(embed=lambda t: static.encode(texts=t))
    vectors = static.encode(texts=["hello"])
    probs = model.probabilities(logits=model.logits(vectors=vectors, features=[(set(), set())]),
                                field="risk_domain")
    assert abs(float(probs.sum()) - 1.0) < 1e-9


def test_threshold_is_the_lowest_that_reaches_the_target() -> None:
    scored = [(0.9, True), (0.8, True), (0.7, True), (0.6, False), (0.5, False), (0.4, False)]
    chosen = choose(scored=scored, labels=4)
    assert chosen["threshold"] == 0.7
    assert chosen["cv_precision"] == 1.0 and chosen["cv_recall"] == 0.75
