"""Settings: every knob the service reads from the environment, validated at start."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.config import Settings


def test_embedding_backend_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ADVISOR_EMBEDDING_BACKEND", raising=False)
    assert Settings().embedding_backend == "onnx-fp32"
    monkeypatch.setenv("ADVISOR_EMBEDDING_BACKEND", "onnx-int8")
    assert Settings().embedding_backend == "onnx-int8"
    monkeypatch.setenv("ADVISOR_EMBEDDING_BACKEND", "nonsense")
    with pytest.raises(ValidationError, match="unknown embedding backend"):
        Settings()


def test_database_waits_are_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ADVISOR_DB_WAIT_S", "ADVISOR_DB_TIMEOUT_S", "ADVISOR_DB_OPEN_TIMEOUT_S"):
        monkeypatch.delenv(name, raising=False)
    defaults = Settings()
    assert (defaults.db_wait_s, defaults.db_timeout_s, defaults.db_open_timeout_s) == (2, 5, 30)
    monkeypatch.setenv("ADVISOR_DB_WAIT_S", "0.25")
    assert Settings().db_wait_s == 0.25
    monkeypatch.setenv("ADVISOR_DB_WAIT_S", "0")
    with pytest.raises(ValidationError, match="ADVISOR_DB_WAIT_S"):
        Settings()


def test_guidance_collections_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ADVISOR_GUIDANCE_COLLECTIONS", raising=False)
    assert Settings().guidance_collection_list == ("builtin",)
    monkeypatch.setenv("ADVISOR_GUIDANCE_COLLECTIONS", " builtin, acme ,,acme")
    assert Settings().guidance_collection_list == ("builtin", "acme")
    monkeypatch.setenv("ADVISOR_GUIDANCE_COLLECTIONS", " , ")
    with pytest.raises(ValidationError, match="ADVISOR_GUIDANCE_COLLECTIONS"):
        Settings()
