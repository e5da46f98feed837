"""A durable, append-only spool for assessments made while the database was unreachable.

Each process appends to its own file and holds that file's lock (filelock) for its lifetime, so
only one process ever drains a file: its owner, or after the owner died whoever takes the lock.
Lines that do not parse (a corrupt line, a torn tail after a crash) are moved to a quarantine
file and logged, once; files stay 0600 in a 0700 folder.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

log = logging.getLogger(__name__)

QUARANTINE = "quarantine.jsonl"


class SpoolWriteError(Exception):
    """The spool could not be written, so nothing was stored: the request must fail (503)."""


def _write_private(*, path: Path, text: str) -> None:
    """Replace `path` with `text` atomically, mode 0600, fsynced."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _parse(line: str) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("doc"), dict):
        return None
    return record


def _lock(path: Path) -> FileLock:
    return FileLock(path.with_name(path.name + ".lock"), mode=0o600, thread_local=False)


class Spool:
    """JSON Lines under ADVISOR_DATA_DIR, fsynced per record; replayed once the database is back."""

    def __init__(self, *, folder: Path, owner: str | None = None) -> None:
        self.folder = folder
        self.path = folder / f"assessments-{owner or os.getpid()}.jsonl"
        self._lock = threading.Lock()
        self._own = _lock(self.path)
        self._claimed: dict[Path, FileLock] = {}

    def _prepare(self) -> None:
        """The folder private (0700) and this process's file owned."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        if not self._own.is_locked:
            self._own.acquire(timeout=1)

    def append(self, *, doc: dict[str, Any], source: str, caller: str | None = None) -> None:
        """Write and fsync one record before the caller answers, so no answer is ever lost."""
        line = json.dumps({"source": source, "caller": caller, "doc": doc}, ensure_ascii=False)
        with self._lock:
            try:
                self._prepare()
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(fd, (line + "\n").encode())
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except (OSError, Timeout) as err:
                log.error("spool write failed in %s: %s", self.folder, err)
                reason = getattr(err, "strerror", None) or type(err).__name__
                raise SpoolWriteError(
                    f"the database is unreachable and the local spool cannot be written "
                    f"({reason}); nothing was stored, try again shortly"
                ) from err

    def files(self) -> list[Path]:
        """Every spool file, including ones left by earlier processes."""
        return sorted(self.folder.glob("assessments-*.jsonl")) if self.folder.exists() else []

    @staticmethod
    def _read(path: Path) -> list[dict[str, Any]]:
        """Readable records (read-only: the owner quarantines what does not parse)."""
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        return [r for r in (_parse(line) for line in lines if line.strip()) if r is not None]

    def pending(self) -> list[dict[str, Any]]:
        """Records not yet replayed (oldest first)."""
        return [record for path in self.files() for record in self._read(path)]

    def depth(self) -> int:
        """How many records wait for the database."""
        return len(self.pending())

    def find(self, *, assessment_id: str) -> dict[str, Any] | None:
        """A spooled document, so GET /assessments/{id} can answer while the database is down."""
        for record in self.pending():
            if record["doc"].get("id") == assessment_id:
                doc: dict[str, Any] = record["doc"]
                return doc
        return None

    def _quarantine(self, *, path: Path, bad: list[tuple[int, str]]) -> None:
        """Move unreadable lines aside (never dropped) and say so in the log."""
        target = self.folder / QUARANTINE
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            for number, text in bad:
                entry = {"file": path.name, "line": number, "text": text}
                os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        log.error("spool %s: %d unreadable line(s) moved to %s (lines %s)", path.name, len(bad),
                  target, ", ".join(str(n) for n, _ in bad[:20]))

    def _repair(self, *, path: Path) -> list[dict[str, Any]]:
        """The owner's read: records kept, bad lines quarantined and the file rewritten once."""
        try:
            raw = path.read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            return []
        good: list[tuple[str, dict[str, Any]]] = []
        bad: list[tuple[int, str]] = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                record = _parse(line)
                if record is None:
                    bad.append((number, line))
                else:
                    good.append((line, record))
        if bad or (raw and not raw.endswith("\n")):
            if bad:
                self._quarantine(path=path, bad=bad)
            _write_private(path=path, text="".join(line + "\n" for line, _ in good))
        return [record for _, record in good]

    def _take(self, *, path: Path) -> bool:
        """Own `path` for a drain: ours already, or its lock is free (its owner is gone)."""
        if path == self.path:
            if not self._own.is_locked:
                try:
                    self._own.acquire(timeout=0)
                except (Timeout, OSError):
                    return False
            return True
        lock = _lock(path)
        try:
            lock.acquire(timeout=0)
        except (Timeout, OSError):
            return False  # a live process owns it and drains it itself
        self._claimed[path] = lock
        return True

    def claim(self) -> list[tuple[Path, list[dict[str, Any]]]]:
        """Each file this process may drain, with its records; then call release()."""
        claimed = []
        with self._lock:
            for path in self.files():
                if self._take(path=path):
                    claimed.append((path, self._repair(path=path)))
        return claimed

    def release(self, *, path: Path, written: int) -> None:
        """Drop records now in the database (appends made since are kept); give the file back."""
        with self._lock:
            try:
                if written:
                    self._drop_first(path=path, written=written)
                elif path != self.path and not self._read(path):
                    path.unlink(missing_ok=True)
            finally:
                lock = self._claimed.pop(path, None)
                if lock is not None:
                    lock.release()

    def drop(self, *, path: Path, written: int) -> None:
        """Drop the first `written` records of a claimed file, keeping the claim (batches)."""
        with self._lock:
            self._drop_first(path=path, written=written)

    def _drop_first(self, *, path: Path, written: int) -> None:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        rest = lines[written:]
        if rest:
            _write_private(path=path, text="\n".join(rest) + "\n")
        else:
            path.unlink(missing_ok=True)
