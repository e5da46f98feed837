"""Checks of the end-to-end scenario sets, kept apart so `check.py` stays one readable module."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from models.seeds import SEED_SECTIONS, parse_citations
from models.vocabulary import Recommendation

RECOMMENDATIONS = {r.value for r in Recommendation}
CITATION = re.compile(r"\d{3}_[0-9a-f]{16}\.txt § [^;()]+?(?=[;)]|$)")
KEYS = {"id", "kind", "questionnaire", "accept", "best", "decisive", "rationale"}


def unique_ids(*, rows: list[dict[str, Any]], name: str) -> list[str]:
    """Every id appears once (shared by every labelled set)."""
    counts = Counter(r["id"] for r in rows)
    return [f"{name}: duplicate id {i}" for i, n in counts.items() if n > 1]


def scenario_problems(*, rows: list[dict[str, Any]]) -> list[str]:
    """Questionnaires validate, labels are recommendations, decisive facts and citations exist."""
    problems = unique_ids(rows=rows, name="scenarios")
    for r in rows:
        if set(r) != KEYS or r["kind"] not in ("description", "control"):
            problems.append(f"{r['id']}: keys {sorted(r)} or kind {r.get('kind')!r}")
            continue
        try:
            Questionnaire.model_validate(r["questionnaire"])
        except ValidationError as err:
            problems.append(f"{r['id']}: questionnaire invalid: {err.errors()[0]}")
        if not set(r["accept"]) <= RECOMMENDATIONS or r["best"] not in r["accept"]:
            problems.append(f"{r['id']}: accept {r['accept']} / best {r['best']!r} invalid")
        text = r["questionnaire"].get("description") or ""
        if r["kind"] == "description" and r["decisive"] not in text:
            problems.append(f"{r['id']}: decisive fact is not quoted from the description")
        problems += citation_problems(where=r["id"], rationale=r["rationale"])
    return problems


def citation_problems(*, where: str, rationale: str) -> list[str]:
    """The rationale cites at least one seed section, and every cited section exists."""
    found = CITATION.findall(rationale)
    if not found:
        return [f"{where}: rationale cites no seed section"]
    problems = []
    for seed, section in (p for c in found for p in parse_citations(source=c.strip())):
        if section not in SEED_SECTIONS.get(seed, ()):
            problems.append(f"{where}: unknown seed section {seed} § {section}")
    return problems


def scenarios_apart(*, rows: list[dict[str, Any]], earlier: list[dict[str, Any]],
                    name: str) -> list[str]:
    """A later scenario set shares no id and no description with the scenarios before it."""
    ids = {r["id"] for r in earlier}
    texts = {t for r in earlier if (t := r["questionnaire"].get("description"))}
    return [f"{name}: {r['id']} repeats an earlier scenario's id or description" for r in rows
            if r["id"] in ids or r["questionnaire"].get("description") in texts]


def scenario_counts(*, name: str, rows: list[dict[str, Any]]) -> str:
    """One line: how many scenarios of each kind, and their best recommendations per kind."""
    kinds = Counter(r["kind"] for r in rows)
    best = Counter((r["kind"], r["best"]) for r in rows)
    return (f"{name}: {len(rows)} ({dict(kinds)}); best: "
            + ", ".join(f"{k}/{b}:{n}" for (k, b), n in sorted(best.items())))
