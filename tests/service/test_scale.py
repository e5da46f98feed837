"""Several uvicorn workers against one external PostgreSQL: every assessment lands and is shared."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil
import pytest

from tests.conftest import REPO, free_port

pytestmark = pytest.mark.slow


def test_two_workers_share_one_database(tmp_path: Path) -> None:
    """A fresh database, so both workers index the built-in corpus at the same moment."""
    from service.db.embedded import EmbeddedPostgres

    external = EmbeddedPostgres(data_dir=tmp_path / "external")
    database_url = external.start()
    port = free_port()
    env = dict(os.environ, ADVISOR_DATABASE_URL=database_url,
               ADVISOR_DATA_DIR=str(tmp_path / "svc"))
    env.pop("ADVISOR_API_KEYS", None)
    advisor = Path(sys.executable).with_name("advisor")
    proc = subprocess.Popen([str(advisor), "serve", "--port", str(port), "--workers", "2"],
                            env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "workers not ready in 120 s"
            time.sleep(0.2)
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True)
                   if "python" in p.name().lower() or "advisor" in " ".join(p.cmdline())]
        assert len(workers) >= 2

        def one(i: int) -> str:
            body = {"task_narrowness": "moderate", "knowledge_freshness": "daily",
                    "requests_per_day": 100 + i, "mlops_capacity": "none",
                    "risk_domain": "general", "description": f"replica check {i}"}
            with httpx.Client(base_url=base, timeout=30) as http:
                response = http.post("/assess", json=body)
                assert response.status_code == 200, response.text
                return str(response.json()["id"])

        with ThreadPoolExecutor(max_workers=8) as pool:
            ids = list(pool.map(one, range(60)))
        with httpx.Client(base_url=base, timeout=30) as http:
            for assessment_id in ids:
                assert http.get(f"/assessments/{assessment_id}").status_code == 200
        import psycopg

        with psycopg.connect(database_url) as conn:
            docs = conn.execute("SELECT count(*) FROM documents WHERE collection = 'builtin'")
            files = len(list((REPO / "knowledge" / "corpus").glob("*.md")))
            assert docs.fetchone() == (files,)
    finally:
        proc.terminate()
        proc.wait(60)
        external.stop()
