"""Shared fixtures for the model tests: one loaded advisor, and the seed folder if present."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.advisor import Advisor

REPO = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def advisor() -> Advisor:
    """The committed artifact, loaded once."""
    return Advisor.load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed documents next to the checkout; tests that read them skip when it is absent."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("seed documents not found next to the checkout")
    return SEEDS_DIR
