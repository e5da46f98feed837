"""Shared fixtures for the reader tests: the real static embedder and the committed reader."""

from __future__ import annotations

import pytest

from knowledge.static_embeddings import StaticEmbedder
from models.reading.reader import Reader


@pytest.fixture(scope="session")
def static() -> StaticEmbedder:
    """The distilled static embedding table (built once into the user cache)."""
    return StaticEmbedder.load()


@pytest.fixture(scope="session")
def reader(static: StaticEmbedder) -> Reader:
    """The committed reader artifact on the real static embedder."""
    return Reader.load(embed=lambda texts: static.encode(texts=texts), embedder_id=static.model_id)
