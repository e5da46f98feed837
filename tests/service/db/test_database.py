"""advisor serve starts the embedded database while the app imports; the app claims it."""

from __future__ import annotations

from pathlib import Path

from service.config import Settings
from service.db.database import Database
from service.db.embedded import EmbeddedPostgres


def test_an_early_start_is_claimed_once_and_an_unclaimed_one_is_stopped(tmp_path: Path) -> None:
    settings = Settings(ADVISOR_DATA_DIR=tmp_path, ADVISOR_DATABASE_URL=None)
    Database.start_early(settings=settings)
    claimed = Database.claim(settings=settings)
    assert Database.claim(settings=settings) is not claimed  # claimed once; later ones are new
    assert claimed.start() == claimed.start()  # waits for the early start, does not redo it
    assert claimed.created and claimed.conninfo is not None
    assert claimed.embedded is not None and claimed.embedded.is_alive()
    claimed.stop()
    assert not claimed.embedded.is_alive()

    Database.start_early(settings=settings)
    Database.release_unclaimed()  # the app never came: the early start is stopped
    assert not EmbeddedPostgres(data_dir=tmp_path).is_alive()
    assert Database.claim(settings=settings)._early is None
