"""The embedded PostgreSQL 16 + pgvector that pgserver runs under ADVISOR_DATA_DIR."""

from __future__ import annotations

import logging
import os
import subprocess
import threading
from pathlib import Path

import psutil

log = logging.getLogger(__name__)

DATABASE = "advisor"


class EmbeddedPostgres:
    """Start, watch, restart and stop one pgserver-managed cluster."""

    def __init__(self, *, data_dir: Path) -> None:
        self.pgdata = data_dir / "pgdata"
        self._lock = threading.Lock()
        self.started_here = False

    def start(self) -> str:
        """Start (or adopt) the server and return a libpq URI for the advisor database."""
        import pgserver
        from pgserver.postgres_server import PostgresServer

        with self._lock:
            self.pgdata.parent.mkdir(parents=True, exist_ok=True)
            self._clear_dead_lockfile()
            self.started_here = not self.is_alive()
            PostgresServer._instances.pop(self.pgdata.resolve(), None)
            server = pgserver.get_server(self.pgdata, cleanup_mode=None)
            base_uri = server.get_uri()
            self._ensure_database(base_uri=base_uri)
            uri: str = server.get_uri(database=DATABASE)
            return uri

    def postmaster_pid(self) -> int | None:
        """The pid recorded in postmaster.pid, if the file is there and names a postmaster.

        A single-user backend (initdb's bootstrap) records its pid negated; that is no server.
        """
        try:
            first = int((self.pgdata / "postmaster.pid").read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return None
        return first if first > 0 else None

    def is_alive(self) -> bool:
        """True when the postmaster exists and is not a zombie (pgserver counts zombies as up)."""
        pid = self.postmaster_pid()
        if pid is None:
            return False
        try:
            return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    def stop(self) -> None:
        """Stop the server explicitly: uvicorn's SIGTERM path skips atexit hooks."""
        from pgserver import _commands

        pg_ctl = _commands.pg_ctl  # type: ignore[attr-defined]  # generated at import time

        with self._lock:
            if not self.is_alive():
                return
            try:
                pg_ctl(
                    ["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=_pg_user(), timeout=30
                )
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
                log.warning("pg_ctl stop failed (%s); terminating the postmaster", err)
                pid = self.postmaster_pid()
                if pid is not None:
                    _terminate(pid=pid)

    def _clear_dead_lockfile(self) -> None:
        """A killed postmaster leaves postmaster.pid behind; postgres refuses to start over it."""
        lockfile = self.pgdata / "postmaster.pid"
        if lockfile.exists() and not self.is_alive():
            log.warning("removing stale %s left by a dead postmaster", lockfile.name)
            lockfile.unlink(missing_ok=True)

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


def _pg_user() -> str | None:
    """pgserver runs postgres as a dedicated user when the service runs as root."""
    return "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None


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
