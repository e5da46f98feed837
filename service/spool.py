"""A durable, append-only spool for assessments made while the database was unreachable."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any


class Spool:
    """JSON Lines under ADVISOR_DATA_DIR, fsynced per record; replayed once the database is back."""

    def __init__(self, *, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"assessments-{os.getpid()}.jsonl"
        self._lock = threading.Lock()

    def append(self, *, doc: dict[str, Any], source: str) -> None:
        """Write and fsync one record before the caller answers, so no answer is ever lost."""
        line = json.dumps({"source": source, "doc": doc}, ensure_ascii=False) + "\n"
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode())
                os.fsync(fd)
            finally:
                os.close(fd)

    def files(self) -> list[Path]:
        """Every spool file, including ones left by earlier processes."""
        return sorted(self.folder.glob("assessments-*.jsonl")) if self.folder.exists() else []

    @staticmethod
    def _read(path: Path) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return records
        for line in lines:
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    continue  # a torn last line from a crash mid-write; its request got no answer
        return records

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

    def claim(self) -> list[tuple[Path, list[dict[str, Any]]]]:
        """Each spool file with its records; the caller stores them, then calls release()."""
        return [(path, self._read(path)) for path in self.files()]

    def release(self, *, path: Path, written: int) -> None:
        """Drop a file whose records are all in the database (appends made since are kept)."""
        with self._lock:
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
            rest = lines[written:]
            if not rest:
                path.unlink(missing_ok=True)
                return
            tmp = path.with_suffix(".tmp")
            tmp.write_text("\n".join(rest) + "\n", encoding="utf-8")
            with tmp.open("rb") as fh:
                os.fsync(fh.fileno())
            tmp.replace(path)
