"""Versioned, idempotent SQL migrations recorded in schema_migrations."""

from __future__ import annotations

import logging
from importlib import resources

import psycopg

log = logging.getLogger(__name__)

_LOCK_KEY = 7_340_221  # advisory lock id: one migrator at a time across workers and replicas


def migration_files() -> list[tuple[str, str]]:
    """Migrations shipped in the package, ordered by their numeric prefix."""
    folder = resources.files("service.db") / "migrations"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name.removesuffix(".sql"), p.read_text(encoding="utf-8")) for p in files]


def apply_migrations(*, conninfo: str) -> list[str]:
    """Apply the migrations not yet recorded; returns the versions applied now."""
    applied_now: list[str] = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%(key)s)", {"key": _LOCK_KEY})
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            rows = conn.execute("SELECT version FROM schema_migrations").fetchall()
            done = {row[0] for row in rows}
            for version, sql in migration_files():
                if version in done:
                    continue
                with conn.transaction():
                    conn.execute(sql.encode())
                    conn.execute(
                        "INSERT INTO schema_migrations (version) VALUES (%(v)s)", {"v": version}
                    )
                applied_now.append(version)
                log.debug("applied migration %s", version)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%(key)s)", {"key": _LOCK_KEY})
    return applied_now
