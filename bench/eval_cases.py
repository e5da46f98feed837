"""Score the advisor on case files with accept semantics; prints figures, asserts nothing.

Usage: .venv/bin/python bench/eval_cases.py [FILE ...] [--split train|holdout] [--json OUT]
Default files: models/cases/borderline.jsonl and models/cases/hard_scenarios.jsonl.

Each case runs through the public command line (`advisor assess --no-guidance`), so it sees
exactly what a caller sees, description reading included once the advisor has it. A case is
right when the recommendation is in its `accept` list (only its best answer when it has none);
its best answer is `label` (case files) or `best` (hard scenarios). Fields the current
questionnaire does not know are dropped and counted, so a file written for a newer contract can
still score an older model.

Reported per file: accuracy with accept semantics and against the best answer; how often the
recommended approach is not the top score (over all three approaches, and over those no fired
constraint rules out); the share of top scores >= 0.99 and >= 0.95; how many recommendations
whose own score is >= 0.95 are wrong; expected calibration error and a 10-bin reliability table
of the per-approach scores pooled (targets from the best answer, a hybrid counting for both
retrieval and fine-tuning), and the same for the recommendation's own score against being right.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from models.questionnaire import Questionnaire  # noqa: E402

DEFAULT_FILES = (
    REPO / "models" / "cases" / "borderline.jsonl",
    REPO / "models" / "cases" / "hard_scenarios.jsonl",
)
APPROACHES = ("prompt_engineering", "rag", "fine_tuning")
PARTS = {
    "prompt_engineering": {"prompt_engineering"},
    "rag": {"rag"},
    "fine_tuning": {"fine_tuning"},
    "rag_and_fine_tuning": {"rag", "fine_tuning"},
}
BINS = 10


def load(*, path: Path, split: str | None) -> list[dict[str, Any]]:
    """Cases of one file, optionally one split (hard scenarios have none and are all kept)."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [c for c in cases if split is None or c.get("split", split) == split]


def known_answers(*, questionnaire: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The answers the current questionnaire accepts, and the names of those it does not."""
    known = set(Questionnaire.model_fields)
    kept = {k: v for k, v in questionnaire.items() if k in known}
    return kept, sorted(set(questionnaire) - known)


def assess_all(*, questionnaires: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run `advisor assess --no-guidance` once over all questionnaires, in input order."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("".join(json.dumps(q) + "\n" for q in questionnaires))
    advisor = Path(sys.executable).parent / "advisor"
    done = subprocess.run(
        [str(advisor), "assess", handle.name, "--no-guidance"],
        capture_output=True, text=True, check=False,
    )
    Path(handle.name).unlink()
    docs = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(docs) != len(questionnaires) or any("recommendation" not in d for d in docs):
        raise SystemExit(f"advisor assess failed: {done.stderr[-2000:]}")
    return docs


def ruled_out(*, doc: dict[str, Any]) -> set[str]:
    """Approaches the document rules out: its own `ruled_out` list, else the fired constraints."""
    if "ruled_out" in doc:
        return {r["approach"] if isinstance(r, dict) else str(r) for r in doc["ruled_out"]}
    out: set[str] = set()
    for rule in doc["rules"]:
        if rule.get("constraint") == "forbid_fine_tuning":
            out.add("fine_tuning")
        if rule.get("constraint") == "require_retrieval":
            out.add("prompt_engineering")
    return out


def row_of(*, case: dict[str, Any], doc: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
    """One case's outcome: what was recommended, how sure, and whether it was acceptable."""
    scores = {a: float(doc["scores"][a]) for a in APPROACHES}
    rec = doc["recommendation"]
    best = case.get("best") or case["label"]
    accept = case.get("accept") or [best]
    out = ruled_out(doc=doc)
    allowed = [a for a in APPROACHES if a not in out] or list(APPROACHES)
    return {
        "id": case["id"],
        "kind": case.get("kind") or ("description" if case.get("needs_description") else "-"),
        "best": best,
        "accept": accept,
        "recommendation": rec,
        "right": rec in accept,
        "scores": scores,
        "own_score": min(scores[a] for a in PARTS[rec]),
        "top": max(scores.values()),
        "not_top": max(scores, key=lambda a: scores[a]) not in PARTS[rec],
        "not_top_allowed": max(allowed, key=lambda a: scores[a]) not in PARTS[rec],
        "ruled_out": sorted(out),
        "dropped_fields": dropped,
    }


def reliability(*, pairs: Sequence[tuple[float, int]]) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error and the 10 equal-width bins behind it."""
    table, ece = [], 0.0
    for b in range(BINS):
        lo, hi = b / BINS, (b + 1) / BINS
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (b == BINS - 1 and p == 1.0)]
        if not inside:
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": 0, "predicted": None, "observed": None})
            continue
        predicted = sum(p for p, _ in inside) / len(inside)
        observed = sum(y for _, y in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(predicted - observed)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside),
                      "predicted": round(predicted, 3), "observed": round(observed, 3)})
    return ece, table


def summary(*, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The headline figures for a set of scored cases."""
    n = len(rows)
    per_approach = [
        (r["scores"][a], int(a in PARTS[r["best"]])) for r in rows for a in APPROACHES
    ]
    ece, table = reliability(pairs=per_approach)
    own_ece, own_table = reliability(pairs=[(r["own_score"], int(r["right"])) for r in rows])
    return {
        "n": n,
        "accuracy_accept": sum(r["right"] for r in rows) / n,
        "accuracy_best": sum(r["recommendation"] == r["best"] for r in rows) / n,
        "recommended_not_top": sum(r["not_top"] for r in rows),
        "recommended_not_top_of_allowed": sum(r["not_top_allowed"] for r in rows),
        "top_ge_0.99": sum(r["top"] >= 0.99 for r in rows) / n,
        "top_ge_0.95": sum(r["top"] >= 0.95 for r in rows) / n,
        "own_ge_0.95": sum(r["own_score"] >= 0.95 for r in rows),
        "wrong_own_ge_0.95": sum(r["own_score"] >= 0.95 and not r["right"] for r in rows),
        "ece_per_approach": ece,
        "reliability_per_approach": table,
        "ece_recommendation": own_ece,
        "reliability_recommendation": own_table,
        "by_kind": {
            kind: f"{sum(r['right'] for r in rows if r['kind'] == kind)}/"
            f"{sum(r['kind'] == kind for r in rows)}"
            for kind in sorted({r["kind"] for r in rows})
        },
        "dropped_fields": dict(Counter(f for r in rows for f in r["dropped_fields"])),
    }


def render(*, name: str, figures: dict[str, Any], rows: Sequence[dict[str, Any]]) -> str:
    """Figures as plain text, failures last."""
    f = figures
    lines = [
        f"## {name}: {f['n']} cases",
        f"accuracy (accept) {f['accuracy_accept']:.3f}   accuracy (best) {f['accuracy_best']:.3f}",
        f"recommended approach not the top score: {f['recommended_not_top']} "
        f"(not top among approaches not ruled out: {f['recommended_not_top_of_allowed']})",
        f"top score >= 0.99: {f['top_ge_0.99']:.3f}   >= 0.95: {f['top_ge_0.95']:.3f}",
        f"recommendations scored >= 0.95: {f['own_ge_0.95']}, wrong: {f['wrong_own_ge_0.95']}",
        f"ECE per-approach {f['ece_per_approach']:.3f}   "
        f"ECE recommendation-vs-right {f['ece_recommendation']:.3f}",
        f"right by kind: {f['by_kind']}",
    ]
    if f["dropped_fields"]:
        lines.append(f"fields the current questionnaire does not know (dropped): "
                     f"{f['dropped_fields']}")
    lines.append(f"{'bin':<9}{'n':>5}{'pred':>8}{'obs':>8}   {'n':>5}{'pred':>8}{'obs':>8}"
                 "   (per-approach | recommendation)")
    for a, b in zip(f["reliability_per_approach"], f["reliability_recommendation"], strict=True):
        cells = [f"{a['n']:>5}", *(f"{'-' if v is None else v:>8}" for v in
                                   (a["predicted"], a["observed"])),
                 f"   {b['n']:>5}", *(f"{'-' if v is None else v:>8}" for v in
                                      (b["predicted"], b["observed"]))]
        lines.append(f"{a['bin']:<9}" + "".join(cells))
    lines.append("wrong:")
    for r in rows:
        if not r["right"]:
            shown = " ".join(f"{a[:4]}={r['scores'][a]:.3f}" for a in APPROACHES)
            lines.append(f"  {r['id']:<12} {r['recommendation']:<20} accept={r['accept']} "
                         f"{shown} ruled_out={r['ruled_out']}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Score each file and print its figures; optionally write per-case rows as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--split", choices=("train", "holdout"), default=None)
    parser.add_argument("--json", type=Path, default=None, help="write per-case rows here")
    args = parser.parse_args()
    dump: dict[str, Any] = {}
    for path in args.files:
        cases = load(path=path, split=args.split)
        prepared = [known_answers(questionnaire=c["questionnaire"]) for c in cases]
        docs = assess_all(questionnaires=[q for q, _ in prepared])
        rows = [row_of(case=c, doc=d, dropped=dropped)
                for c, d, (_, dropped) in zip(cases, docs, prepared, strict=True)]
        figures = summary(rows=rows)
        print(render(name=path.name, figures=figures, rows=rows))
        dump[path.name] = {"figures": figures, "rows": rows}
    if args.json:
        args.json.write_text(json.dumps(dump, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
