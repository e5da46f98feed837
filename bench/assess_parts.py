"""Where one /assess request spends its time, part by part, in process (no HTTP client).

Usage: .venv/bin/python bench/assess_parts.py [--requests 300]
Starts the service's parts exactly as the server does (open_parts: embedded database on a fresh
data dir, built-in index, reader, guidance), then for each fresh ~60-word description times the
steps of Assessor.assess one after the other and prints a Markdown table of milliseconds per
part (median and p95), beside the whole request through the ASGI app (Starlette's TestClient,
so routing, validation and middleware count). For a sampled profile of the server under load,
see bench/assess_cpu.py --profile. On a shared machine the figures are indicative: read them
side by side, from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reading_bench import description
from workload import fresh_questionnaire

os.environ.setdefault("ADVISOR_RATE_ASSESS", "10000000/minute")


def body(*, rng: random.Random, i: int) -> bytes:
    """A fresh questionnaire whose description reads like a team's (numbers, sources, limits)."""
    answers = fresh_questionnaire(rng=rng, i=i)
    answers["description"] = f"[{i}] " + description(rng=rng, words=60)
    return json.dumps(answers).encode()


class Clock:
    """Milliseconds per named part, over many requests."""

    def __init__(self) -> None:
        self.ms: dict[str, list[float]] = {}

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        yield
        self.ms.setdefault(name, []).append((time.perf_counter() - t0) * 1000)

    def table(self) -> str:
        lines = ["| part | median ms | p95 ms |", "|---|---|---|"]
        for name, values in self.ms.items():
            ordered = sorted(values)
            p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
            lines.append(f"| {name} | {statistics.median(values):.2f} | {p95:.2f} |")
        return "\n".join(lines)


async def parts(*, state: Any, bodies: list[bytes], clock: Clock) -> None:
    """The steps of Assessor.assess, each timed on its own."""
    from models.advice import build_advice
    from models.assessing import read_answers
    from models.document import AssessmentDocument, SupportingPassage
    from models.questionnaire import Questionnaire
    from models.reading.apply import DESCRIPTION
    from service.assessment import new_assessment_id
    from service.db.assessments import store

    assessor, finder = state.assessor, state.finder
    for raw in bodies:
        with clock.part("validate the questionnaire"):
            q = Questionnaire.model_validate_json(raw)
        with clock.part("read the description (reader)"):
            readings = assessor.reader.read(text=q.description)
        with clock.part("apply readings (understand, conflicts)"):
            told = read_answers(questionnaire=q, reader=None, advisor=assessor.advisor,
                                measured=readings)
        with clock.part("score (Advisor.assess)"):
            result = assessor.advisor.assess(questionnaire=told.effective)
        with clock.part("advice (what-if, plan, next steps)"):
            advice = build_advice(questionnaire=told.effective, result=result,
                                  advisor=assessor.advisor, assumptions=assessor.assumptions)
        with clock.part("build the document"):
            doc = AssessmentDocument.build(
                assessment_id=new_assessment_id(), questionnaire=q, result=result, advice=advice,
                inferred=[i for i in told.inferred if i.source == DESCRIPTION],
                measured=[i for i in told.inferred if i.source != DESCRIPTION])
        async with state.pool.connection() as conn:
            with clock.part("description search (keyword SQL; overlapped in /assess)"):
                described = await finder.search_description(conn, description=q.description)
            with clock.part("guidance (cached topics + any new)"):
                found = await finder.find(conn, result=result, described=described)
            doc.guidance = [SupportingPassage.model_validate(p) for p in found]
            with clock.part("encode the document once (to_json)"):
                encoded = doc.to_json()
            with clock.part("store (INSERT + audit)"):
                await store(conn, encoded=encoded, source="api", caller=None)


async def prepared(*, state: Any) -> str:
    """Which statements psycopg has prepared on one pooled connection (after 5 uses each)."""
    async with state.pool.connection() as conn:
        cur = await conn.execute("SELECT statement FROM pg_prepared_statements")
        rows = [" ".join(str(r[0]).split())[:60] for r in await cur.fetchall()]
    return f"prepared on one pooled connection: {len(rows)}: " + "; ".join(rows)


def end_to_end(*, client: Any, bodies: list[bytes], clock: Clock) -> None:
    """The whole request through the ASGI app."""
    for raw in bodies:
        with clock.part("whole POST /assess (ASGI, in process)"):
            response = client.post("/assess", content=raw,
                                   headers={"content-type": "application/json"})
        assert response.status_code == 200, response.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from service.config import Settings
    from service.main import create_app

    rng = random.Random(19)
    with tempfile.TemporaryDirectory(prefix="advisor-parts-") as tmp:
        settings = Settings(ADVISOR_DATA_DIR=Path(tmp), ADVISOR_DATABASE_URL=None,
                            ADVISOR_API_KEYS=None)
        with TestClient(create_app(settings=settings)) as client:
            state = client.app_state["app"]  # what the lifespan (open_parts) started
            warm = [body(rng=rng, i=-i - 1) for i in range(30)]
            end_to_end(client=client, bodies=warm, clock=Clock())
            clock = Clock()
            bodies = [body(rng=rng, i=i) for i in range(args.requests)]
            portal = client.portal
            assert portal is not None  # set while the client is open
            portal.call(lambda: parts(state=state, bodies=bodies, clock=clock))
            end_to_end(client=client, bodies=[body(rng=rng, i=10**6 + i)
                                              for i in range(args.requests)], clock=clock)
            print(clock.table())
            print("\n" + portal.call(lambda: prepared(state=state)))


if __name__ == "__main__":
    main()
