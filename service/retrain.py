"""`advisor train`: fit, compare with the artifact in place, and write only if not worse.

With --with-outcomes the recorded outcomes are checked and folded in, and the run is audited.
"""

from __future__ import annotations

import asyncio
import getpass
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from models.training import train_artifact, write_artifact
from service.config import Settings
from service.db import audit
from service.outcomes import Harvest, harvest, read_rows
from service.parts import open_parts
from service.state import Need

log = logging.getLogger("advisor.audit")
HIGHER_IS_BETTER = ("accuracy", "macro_f1")
LOWER_IS_BETTER = ("brier",)
TOLERANCE = 1e-6


@dataclass
class Retrain:
    """What a training run did."""

    artifact: dict[str, Any]
    harvest: Harvest | None
    worse: list[str] = field(default_factory=list)  # e.g. "accuracy 0.987 -> 0.886"
    written: bool = False


def held_out(*, artifact: dict[str, Any]) -> dict[str, float]:
    """The model's held-out figures in an artifact."""
    figures: dict[str, float] = artifact.get("metrics", {}).get("holdout", {}).get("model", {})
    return figures


def regressions(*, new: dict[str, Any], current: dict[str, Any] | None) -> list[str]:
    """Each held-out metric the new artifact does worse on than the current one."""
    if current is None:
        return []
    before, after = held_out(artifact=current), held_out(artifact=new)
    worse = []
    for name in (*HIGHER_IS_BETTER, *LOWER_IS_BETTER):
        if name not in before or name not in after:
            continue
        lower = name in LOWER_IS_BETTER
        delta = after[name] - before[name]
        if (delta > TOLERANCE) if lower else (delta < -TOLERANCE):
            worse.append(f"{name} {before[name]:.4f} -> {after[name]:.4f}")
    return worse


def _current(*, target: Path) -> dict[str, Any] | None:
    try:
        found: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found


def _finish(*, run: Retrain, target: Path, force: bool) -> Retrain:
    run.worse = regressions(new=run.artifact, current=_current(target=target))
    if not run.worse or force:
        write_artifact(artifact=run.artifact, path=target)
        run.written = True
    return run


def retrain(*, settings: Settings, target: Path, with_outcomes: bool, force: bool) -> Retrain:
    """Train (with checked outcomes when asked) and write unless held-out metrics got worse."""
    if not with_outcomes:
        run = _finish(run=Retrain(artifact=train_artifact(), harvest=None), target=target,
                      force=force)
        _log(run=run)
        return run
    return asyncio.run(_with_outcomes(settings=settings, target=target, force=force))


async def _with_outcomes(*, settings: Settings, target: Path, force: bool) -> Retrain:
    async with open_parts(settings=settings, needs=Need.DATABASE) as parts:
        rows = await asyncio.to_thread(read_rows, conninfo=parts.conninfo)
        found = harvest(rows=rows)
        artifact = await asyncio.to_thread(train_artifact, extra_cases=found.cases)
        run = _finish(run=Retrain(artifact=artifact, harvest=found), target=target, force=force)
        await asyncio.to_thread(_audit, conninfo=parts.conninfo, run=run)
    return run


def _detail(*, run: Retrain) -> dict[str, Any]:
    found = run.harvest
    return {
        "version": run.artifact.get("version"), "written": run.written, "worse": run.worse,
        "holdout": held_out(artifact=run.artifact),
        "outcomes_used": found.used if found else 0,
        "outcomes_rejected": len(found.rejected) if found else 0,
    }


def _log(*, run: Retrain) -> None:
    log.info("audit: %s model.train %s", _who(), _detail(run=run))


def _who() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"


def _audit(*, conninfo: str, run: Retrain) -> None:
    with psycopg.connect(conninfo, autocommit=True) as conn:
        audit.record_sync(conn, caller=_who(), action="model.train", detail=_detail(run=run))
