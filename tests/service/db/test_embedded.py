"""The embedded server: a data dir from the former `pgserver` package, and an unprivileged user."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from service.db.embedded import EmbeddedPostgres
from service.db.migrate import apply_migrations

REPO = Path(__file__).resolve().parents[3]

# Runs under the former package (PostgreSQL 16.2, pgvector 0.6.2): the state a user upgrading
# from the previous release has, i.e. migrations 0001-0004 applied and a few indexed chunks.
OLD_RELEASE = r"""
import sys
import pgserver
import psycopg
from pgvector.psycopg import register_vector
from service.db.migrate import migration_files

server = pgserver.get_server(sys.argv[1], cleanup_mode="stop")
with psycopg.connect(server.get_uri(), autocommit=True) as conn:
    conn.execute('CREATE DATABASE "advisor"')
with psycopg.connect(server.get_uri(database="advisor"), autocommit=True) as conn:
    conn.execute("CREATE TABLE schema_migrations (version text PRIMARY KEY,"
                 " applied_at timestamptz NOT NULL DEFAULT now())")
    for version, sql in migration_files():
        if version < "0005":
            conn.execute(sql.encode())
            conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (version,))
    register_vector(conn)
    doc = conn.execute("INSERT INTO documents (collection, path, title, content_hash)"
                       " VALUES ('old', 'a.md', 'A', 'h') RETURNING id").fetchone()[0]
    for i in range(3):
        vector = [0.0] * 384
        vector[i] = 1.0
        conn.execute("INSERT INTO chunks (document_id, collection, ordinal, text, embedding)"
                     " VALUES (%s, 'old', %s, %s, %s::vector)",
                     (doc, i, f"passage {i}", str(vector)))
    row = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()
    print(row[0])
"""


def vector_versions(conninfo: str) -> tuple[str, str]:
    """(installed, available) versions of the vector extension."""
    with psycopg.connect(conninfo) as conn:
        row = conn.execute(
            "SELECT e.extversion, a.default_version FROM pg_extension e"
            " JOIN pg_available_extensions a ON a.name = e.extname WHERE e.extname = 'vector'"
        ).fetchone()
    assert row is not None
    return row[0], row[1]


def at_least_0_8(version: str) -> bool:
    major, minor = (int(part) for part in version.split(".")[:2])
    return (major, minor) >= (0, 8)


def test_a_data_dir_of_the_former_package_opens_and_gets_pgvector_updated(
    tmp_path: Path,
) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    made = subprocess.run(
        [sys.executable, "-c", OLD_RELEASE, str(tmp_path / "pgdata")],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert made.returncode == 0, made.stderr[-3000:]
    assert made.stdout.strip() == "0.6.2"

    embedded = EmbeddedPostgres(data_dir=tmp_path)
    try:
        conninfo = embedded.start()
        assert embedded.started_here
        installed, available = vector_versions(conninfo)
        assert installed == "0.6.2" and at_least_0_8(available)
        assert "0005_vector_update" in apply_migrations(conninfo=conninfo)
        assert vector_versions(conninfo) == (available, available)
        with psycopg.connect(conninfo) as conn:
            server_version = conn.execute("SHOW server_version").fetchone()
            # The HNSW index built under 0.6 still answers (the planner is steered onto it).
            conn.execute("SET enable_seqscan = off")
            conn.execute("SET enable_sort = off")
            nearest = (
                "SELECT text FROM chunks WHERE collection = 'old'"
                " ORDER BY embedding <=> ('[0,1' || repeat(',0', 382) || ']')::vector LIMIT 1"
            )
            plan = " ".join(row[0] for row in conn.execute("EXPLAIN " + nearest).fetchall())
            assert "chunks_embedding_hnsw" in plan
            assert conn.execute(nearest).fetchone() == ("passage 1",)
        assert server_version is not None and server_version[0].startswith("16.")
    finally:
        embedded.stop()
    assert not embedded.is_alive()


@pytest.fixture
def unprivileged_dir() -> Iterator[Path]:
    """A data dir the unprivileged user owns (pytest's own temp dirs are private to us)."""
    folder = Path(tempfile.mkdtemp(prefix="advisor-unprivileged-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user="nobody", group=_nobody_group())
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _nobody_group() -> str:
    import grp

    for name in ("nogroup", "nobody"):
        try:
            return grp.getgrnam(name).gr_name
        except KeyError:
            continue
    raise LookupError("no group for the user nobody")


# Start, kill the postmaster, let start() bring it back (the supervisor's path), then stop.
LIFECYCLE = r"""
import json, os, signal, sys, time
from pathlib import Path
import psycopg
from service.db.embedded import EmbeddedPostgres

embedded = EmbeddedPostgres(data_dir=Path(sys.argv[1]))
with psycopg.connect(embedded.start()) as conn:
    conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
    version = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
    vector = version.fetchone()[0]
first = embedded.postmaster_pid()
os.kill(first, signal.SIGKILL)
deadline = time.monotonic() + 90
while True:
    try:
        embedded.start()
        break
    except Exception:
        if time.monotonic() > deadline:
            raise
        time.sleep(0.5)
restarted = embedded.is_alive() and embedded.postmaster_pid() != first
embedded.stop()
print(json.dumps({"uid": os.geteuid(), "vector": vector, "restarted": restarted,
                  "stopped": not embedded.is_alive(),
                  "owner": (Path(sys.argv[1]) / "pgdata").stat().st_uid}))
"""


def _as_nobody(*, python: str) -> list[str]:
    return ["setpriv", "--reuid=nobody", f"--regid={_nobody_group()}", "--clear-groups", python]


def _interpreter_for_nobody() -> list[str] | None:
    """This interpreter if the user nobody may run it, else a system one of the same version."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for python in (sys.executable, shutil.which(version, path="/usr/local/bin:/usr/bin")):
        if python is None:
            continue
        probe = subprocess.run(
            [*_as_nobody(python=python), "-c", "import sys; print(sys.version_info[:2])"],
            capture_output=True, text=True, check=False,
        )
        if probe.returncode == 0 and probe.stdout.strip() == str(tuple(sys.version_info[:2])):
            return _as_nobody(python=python)
    return None


def test_the_server_runs_and_restarts_as_an_unprivileged_user(unprivileged_dir: Path) -> None:
    """Root runs postgres as a dedicated user; here the whole service is unprivileged."""
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot drop to an unprivileged user")
        command = _interpreter_for_nobody()
        if command is None:
            pytest.skip(f"the user nobody cannot run {sys.executable} or a system Python")
    else:
        command = [sys.executable]
    # This venv's packages serve a system interpreter of the same version too.
    path = [str(REPO), *site.getsitepackages()]
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env.update(PYTHONPATH=os.pathsep.join(path), HOME=str(unprivileged_dir))
    done = subprocess.run(
        [*command, "-c", LIFECYCLE, str(unprivileged_dir)],
        env=env, cwd=unprivileged_dir, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["uid"] != 0 and report["owner"] == report["uid"]
    assert at_least_0_8(report["vector"])
    assert report["restarted"] and report["stopped"]
