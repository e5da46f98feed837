"""Scoring an audit against a generated file's planted truth, per example line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models.audit import AuditOptions, AuditRun, audit
from models.audit.synthetic import DefectRates, Planted, eval_set, generate, write_lines

# The bar: 0.95 for every finding, 0.9 for near duplicates and conflicts.
MINIMUM = {"F-NEAR-DUPLICATE": 0.9, "F-CONFLICT": 0.9}
DEFAULT_MINIMUM = 0.95


@dataclass
class Audited:
    """A generated train (and eval) file, where it was written, and the audit of it."""

    train: Planted
    eval: Planted | None
    path: Path
    eval_path: Path | None
    run: AuditRun


def build(*, folder: Path, name: str, n: int, seed: int, config: str = "dev",
          formats: tuple[str, ...] = ("chat", "prompt_completion", "instruction"),
          rates: DefectRates | None = None, eval_n: int = 0, leak_share: float = 0.15,
          options: AuditOptions | None = None) -> Audited:
    """Generate, write and audit one dataset."""
    train = generate(n=n, seed=seed, config=config, formats=formats, rates=rates)
    path = write_lines(path=folder / f"{name}.jsonl", lines=train.lines)
    ev = eval_path = None
    if eval_n:
        ev = eval_set(train=train, n=eval_n, seed=seed + 1, config=config, formats=formats,
                      leak_share=leak_share)
        eval_path = write_lines(path=folder / f"{name}.eval.jsonl", lines=ev.lines)
    run = audit(train=path, eval=eval_path, options=options or AuditOptions())
    return Audited(train=train, eval=ev, path=path, eval_path=eval_path, run=run)


def score(*, flagged: Iterable[int], truth: set[int]) -> tuple[float, float]:
    """Recall and precision of flagged lines against the true ones (1.0 when both are empty)."""
    got = set(flagged)
    hit = len(got & truth)
    return (hit / len(truth) if truth else 1.0), (hit / len(got) if got else 1.0)


def scores(a: Audited) -> dict[str, tuple[int, float, float]]:
    """Per finding: true count, recall, precision."""
    truth = dict(a.train.truth)
    if a.eval is not None:
        truth["F-LEAKAGE"] = a.eval.truth["F-LEAKAGE"]
    out = {}
    for fid, lines in truth.items():
        recall, precision = score(flagged=a.run.lines.get(fid, []).tolist() if fid in a.run.lines
                                  else [], truth=lines)
        out[fid] = (len(lines), recall, precision)
    return out


def shortfalls(a: Audited) -> list[str]:
    """Every finding whose recall or precision is under the bar, with its figures."""
    bad = []
    for fid, (n, recall, precision) in scores(a).items():
        bar = MINIMUM.get(fid, DEFAULT_MINIMUM)
        if recall < bar or precision < bar:
            bad.append(f"{fid}: {n} planted, recall {recall:.3f}, precision {precision:.3f}")
    return bad


def usable_error(a: Audited) -> float:
    """Relative difference between the reported and the true usable count."""
    return abs(a.run.report.usable_examples - a.train.usable) / a.train.usable
