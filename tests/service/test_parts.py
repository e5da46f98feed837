"""open_parts starts only what a command asks for and stops it in reverse, also on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.questionnaire import Questionnaire
from service.config import Settings
from service.db.embedded import EmbeddedPostgres
from service.parts import open_parts
from service.state import Need
from tests.support import answers

REQUIRED = answers(requests_per_day=500, mlops_capacity="limited")


async def test_the_model_alone_needs_no_database_and_no_embedder(tmp_path: Path) -> None:
    settings = Settings(ADVISOR_DATA_DIR=tmp_path,
                        ADVISOR_DATABASE_URL="postgresql://nobody@127.0.0.1:1/none")
    async with open_parts(settings=settings, needs=Need.ADVISOR) as parts:
        doc = parts.assessor.evaluate(questionnaire=Questionnaire.model_validate(REQUIRED))
        for name in ("database", "embedder", "pool", "supervisor", "history"):
            with pytest.raises(RuntimeError, match="was not started"):
                getattr(parts, name)
    assert doc.recommendation and doc.guidance == []
    assert not (tmp_path / "pgdata").exists()


async def test_an_embedded_database_is_stopped_on_exit_and_after_a_failed_start(
    tmp_path: Path,
) -> None:
    settings = Settings(ADVISOR_DATA_DIR=tmp_path, ADVISOR_DATABASE_URL=None)
    async with open_parts(settings=settings, needs=Need.DATABASE) as parts:
        embedded = parts.database.embedded
        assert embedded is not None and embedded.is_alive()
    assert not embedded.is_alive()
    broken = Settings(ADVISOR_DATA_DIR=tmp_path, ADVISOR_DATABASE_URL=None,
                      ADVISOR_MODEL_PATH=tmp_path / "no-such-artifact.json")
    with pytest.raises(FileNotFoundError):
        async with open_parts(settings=broken, needs=Need.DATABASE | Need.ADVISOR):
            pass
    assert not embedded.is_alive()


def test_a_failed_initdb_leaves_nothing_to_stop(tmp_path: Path) -> None:
    """initdb's bootstrap backend writes its pid negated; unwinding a failed start reads it."""
    embedded = EmbeddedPostgres(data_dir=tmp_path)
    embedded.pgdata.mkdir()
    (embedded.pgdata / "postmaster.pid").write_text("-23441\n/tmp/pgdata\n")
    assert embedded.postmaster_pid() is None and not embedded.is_alive()
    embedded.stop()  # nothing running: returns without signalling anything
