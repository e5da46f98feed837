"""Findings 6 and 9: the spool never loses a line silently, repairs once, stays private and has
one owner per file."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest

from service.spool import QUARANTINE, Spool, SpoolWriteError


def doc(n: int) -> dict[str, object]:
    return {"id": f"0190-{n}", "recommendation": "rag"}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_unwritable_spool_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    spool = Spool(folder=blocker / "spool")
    with pytest.raises(SpoolWriteError, match="nothing was stored"):
        spool.append(doc=doc(1), source="api")


def test_a_corrupt_line_is_quarantined_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spool = Spool(folder=tmp_path / "spool", owner="a")
    spool.append(doc=doc(1), source="api")
    with spool.path.open("a") as fh:
        fh.write('{"source": "api", "doc": {"id": "0190-2", "recommendation": "r\n')  # corrupt
    spool.append(doc=doc(3), source="api")
    with caplog.at_level(logging.ERROR, logger="service.spool"):
        [(path, records)] = spool.claim()
    assert [r["doc"]["id"] for r in records] == ["0190-1", "0190-3"]
    text = (spool.folder / QUARANTINE).read_text()
    quarantined = [json.loads(line) for line in text.splitlines()]
    torn = '{"source": "api", "doc": {"id": "0190-2", "recommendation": "r'
    assert quarantined == [{"file": path.name, "line": 2, "text": torn}]
    assert "unreadable line(s) moved to" in caplog.text
    spool.release(path=path, written=2)
    assert not path.exists() and (spool.folder / QUARANTINE).exists()


def test_a_torn_tail_is_repaired_once_and_the_file_stays_private(tmp_path: Path) -> None:
    spool = Spool(folder=tmp_path / "spool", owner="a")
    spool.append(doc=doc(1), source="api")
    with spool.path.open("a") as fh:
        fh.write('{"source": "api", "doc": {"id"')  # a crash mid-write
    spool.claim()
    repaired = spool.path.stat()
    assert spool.path.read_text().endswith("}\n") and spool.path.read_text().count("\n") == 1
    for _ in range(3):  # later drains that store nothing do not rewrite it
        [(path, _records)] = spool.claim()
        spool.release(path=path, written=0)
    again = spool.path.stat()
    assert (again.st_ino, again.st_mtime_ns) == (repaired.st_ino, repaired.st_mtime_ns)
    assert mode(spool.path) == 0o600 and mode(spool.folder) == 0o700
    assert mode(spool.folder / QUARANTINE) == 0o600
    spool.append(doc=doc(2), source="api")
    [(path, _records)] = spool.claim()
    spool.release(path=path, written=1)  # rewrite keeps what is left, still 0600
    assert mode(spool.path) == 0o600 and len(spool._read(spool.path)) == 1


def test_each_file_has_one_owner(tmp_path: Path) -> None:
    folder = tmp_path / "spool"
    worker_a, worker_b = Spool(folder=folder, owner="a"), Spool(folder=folder, owner="b")
    worker_a.append(doc=doc(1), source="api")  # a live worker owns its file
    orphan = Spool(folder=folder, owner="dead")
    orphan.append(doc=doc(2), source="api")
    orphan._own.release()  # its process is gone: the lock is free
    claimed_b = {path.name for path, _ in worker_b.claim()}
    assert claimed_b == {"assessments-dead.jsonl"}  # not the live worker's file
    claimed_a = {path.name for path, _ in worker_a.claim()}
    assert claimed_a == {"assessments-a.jsonl"}  # not the orphan B is draining
    worker_b.release(path=folder / "assessments-dead.jsonl", written=1)
    worker_a.release(path=worker_a.path, written=1)
    assert worker_a.pending() == []
