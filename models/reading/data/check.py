"""Validate the hand-labelled reading data and print its counts, so a broken label never ships.

Run: `python -m models.reading.data.check` (exit status 1 when any problem is found).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from models.reading.data.scenario_check import (  # noqa: F401  (re-exported for callers)
    citation_problems,
    scenario_counts,
    scenario_problems,
    scenarios_apart,
    unique_ids,
)

DATA_DIR = Path(__file__).parent
NUMERIC = ("requests_per_day", "labeled_examples", "latency_budget_ms",
           "knowledge_size_tokens", "prompt_baseline_score")
FIELDS = (
    "task_narrowness", "knowledge_freshness", "requests_per_day", "mlops_capacity",
    "risk_domain", "primary_gap", "needs_private_context", "labeled_examples", "data_quality",
    "output_strictness", "success_metric_defined", "prompt_baseline_score",
    "workflow_stability", "latency_budget_ms", "knowledge_size_tokens",
)
BASE = {"task_narrowness": "moderate", "knowledge_freshness": "monthly",
        "requests_per_day": 1000, "mlops_capacity": "limited", "risk_domain": "general"}
MAX_TOKENS = 1_000_000_000_000  # the contract's bound for knowledge_size_tokens
MIN_PER_VALUE = 15
# Whole-description sets written later, each before the tuning round it checks; evaluation only.
FRESH_SETS = ("fresh_descriptions.jsonl", "fresh2_descriptions.jsonl", "fresh3_descriptions.jsonl",
              "fresh4_descriptions.jsonl", "fresh5_descriptions.jsonl", "fresh6_descriptions.jsonl",
              "fresh7_descriptions.jsonl", "fresh8_descriptions.jsonl", "fresh9_descriptions.jsonl",
              "fresh10_descriptions.jsonl", "fresh11_descriptions.jsonl",
              "fresh12_descriptions.jsonl", "fresh13_descriptions.jsonl",
              "fresh14_descriptions.jsonl", "fresh15_descriptions.jsonl",
              "fresh16_descriptions.jsonl", "fresh17_descriptions.jsonl",
              "fresh18_descriptions.jsonl", "fresh19_descriptions.jsonl",
              "fresh20_descriptions.jsonl", "fresh21_descriptions.jsonl",
              "fresh22_descriptions.jsonl", "fresh23_descriptions.jsonl",
              "fresh24_descriptions.jsonl", "fresh25_descriptions.jsonl",
              "fresh26_descriptions.jsonl", "fresh27_descriptions.jsonl",
              "fresh28_descriptions.jsonl", "fresh29_descriptions.jsonl",
              "fresh30_descriptions.jsonl")
# End-to-end scenarios written blind (rounds 4 to 9), apart from `scenarios.jsonl` and each
# other; evaluation only.
FRESH_SCENARIOS = "fresh_scenarios.jsonl"
FRESH_SCENARIO_SETS = (FRESH_SCENARIOS, "fresh2_scenarios.jsonl", "fresh3_scenarios.jsonl",
                       "fresh4_scenarios.jsonl", "fresh5_scenarios.jsonl", "fresh6_scenarios.jsonl",
                       "fresh7_scenarios.jsonl", "fresh8_scenarios.jsonl",
                       "fresh9_scenarios.jsonl", "fresh10_scenarios.jsonl",
                       "fresh11_scenarios.jsonl")
NEAR_COPY = 0.8  # holdout sentences at least this similar to a train sentence are near-copies


def load(*, name: str) -> list[dict[str, Any]]:
    """Read one JSON Lines file of the data folder (a missing file reads as empty)."""
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def value_problem(*, field: str, value: object) -> str | None:
    """Why `value` is not valid for questionnaire `field`, or None when it is."""
    if field not in FIELDS:
        return f"unknown field {field!r}"
    if field == "knowledge_size_tokens":
        ok = type(value) is int and 0 <= value <= MAX_TOKENS
        return None if ok else f"knowledge_size_tokens must be an int in [0, 1e12], got {value!r}"
    if field == "prompt_baseline_score" and type(value) is not float:
        return f"prompt_baseline_score must be a float, got {value!r}"
    try:
        Questionnaire.model_validate({**BASE, field: value})
    except ValidationError as err:
        return f"{field}={value!r}: {err.errors()[0]['msg']}"
    return None


def agrees(*, field: str, said: object, read: object) -> bool:
    """Whether an answer and a reading agree: numbers within a factor of 2, the rest equal."""
    if field not in NUMERIC:
        return said == read
    a, b = float(said), float(read)  # type: ignore[arg-type]
    if a == b:
        return True
    return min(a, b) > 0 and max(a, b) <= 2 * min(a, b)


def score_zone_problem(*, said: float, read: float) -> str | None:
    """Scores must not sit where the factor-2 rule and a 0.1 absolute rule disagree."""
    by_ratio = agrees(field="prompt_baseline_score", said=said, read=read)
    by_diff = abs(said - read) <= 0.1
    return None if by_ratio == by_diff else f"score pair {said} vs {read} is ambiguous"


def label_problems(*, where: str, text: str, labels: list[dict[str, Any]]) -> list[str]:
    """Problems with one record's labels: spans, values, duplicate fields, stray keys."""
    problems, seen = [], set()
    for lab in labels:
        extra = set(lab) - {"field", "value", "span", "hedged"}
        if extra or lab.get("hedged", True) is not True:
            problems.append(f"{where}: bad label keys or hedged flag {lab}")
        if (bad := value_problem(field=lab["field"], value=lab["value"])) is not None:
            problems.append(f"{where}: {bad}")
        if not lab["span"] or lab["span"] not in text:
            problems.append(f"{where}: span {lab['span']!r} is not a substring of the text")
        if lab["field"] in seen:
            problems.append(f"{where}: field {lab['field']} labelled twice")
        seen.add(lab["field"])
    return problems


def sentence_problems(*, rows: list[dict[str, Any]]) -> list[str]:
    """Schema, span, value and balance checks of the sentence bank."""
    problems = unique_ids(rows=rows, name="sentences")
    keys = {"id", "text", "domain", "voice", "labels", "split"}
    texts = Counter(r["text"].strip().lower() for r in rows)
    problems += [f"sentences: duplicate text {t!r}" for t, n in texts.items() if n > 1]
    for r in rows:
        if set(r) != keys or r["split"] not in ("train", "holdout"):
            problems.append(f"{r['id']}: keys {sorted(r)} or split {r.get('split')!r} invalid")
        problems += label_problems(where=r["id"], text=r["text"], labels=r["labels"])
    per_value = value_counts(rows=rows)
    problems += [f"sentences: only {n} for {k}" for k, n in per_value.items()
                 if k[1] != "number" and n < MIN_PER_VALUE]
    empty = sum(1 for r in rows if not r["labels"])
    if empty < 0.2 * len(rows):
        problems.append(f"sentences: only {empty} of {len(rows)} imply nothing (need 20%)")
    return problems


def value_counts(*, rows: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    """How many records carry each (field, value); numbers are pooled as 'number'."""
    counts: Counter[tuple[str, str]] = Counter()
    for r in rows:
        for lab in r["labels"]:
            v = lab["value"]
            shown = str(v).lower() if isinstance(v, (str, bool)) else "number"
            counts[(lab["field"], shown)] += 1
    return counts


def near_copies(*, rows: list[dict[str, Any]]) -> list[str]:
    """Holdout sentences that nearly repeat a train sentence (difflib ratio >= NEAR_COPY)."""
    holdout = [(r["id"], r["text"].lower()) for r in rows if r["split"] == "holdout"]
    found: dict[str, str] = {}
    matcher = SequenceMatcher(autojunk=False)
    for other in (r["text"].lower() for r in rows if r["split"] == "train"):
        matcher.set_seq2(other)  # difflib caches the analysis of the second sequence
        for rid, text in holdout:
            matcher.set_seq1(text)
            if rid not in found and matcher.real_quick_ratio() >= NEAR_COPY \
                    and matcher.quick_ratio() >= NEAR_COPY and matcher.ratio() >= NEAR_COPY:
                found[rid] = other
    return [f"{rid}: near-copy of train sentence {other!r}" for rid, other in found.items()]


def conflict_problems(*, row: dict[str, Any]) -> list[str]:
    """`conflicts` lists exactly the fields where a firm (unhedged) reading disagrees."""
    answers, problems = row["answers"], []
    expected = set()
    for lab in row["labels"]:
        field = lab["field"]
        if field not in answers or answers[field] is None:
            continue
        if field == "prompt_baseline_score":
            zone = score_zone_problem(said=answers[field], read=lab["value"])
            problems += [f"{row['id']}: {zone}"] if zone else []
        if not lab.get("hedged") and not agrees(field=field, said=answers[field],
                                                read=lab["value"]):
            expected.add(field)
    if expected != set(row["conflicts"]):
        problems.append(f"{row['id']}: conflicts {sorted(row['conflicts'])} but the labels "
                        f"and answers disagree on {sorted(expected)}")
    return problems


def description_problems(*, rows: list[dict[str, Any]], bank: list[dict[str, Any]]) -> list[str]:
    """Schema, spans, answers, conflicts and separation from the sentence bank."""
    problems = unique_ids(rows=rows, name="descriptions")
    bank_texts = [s["text"] for s in bank if len(s["text"]) > 25]
    for r in rows:
        if set(r) != {"id", "text", "labels", "answers", "conflicts"}:
            problems.append(f"{r['id']}: keys {sorted(r)}")
            continue
        words = len(r["text"].split())
        if not 15 <= words <= 200:
            problems.append(f"{r['id']}: {words} words (need 15-200)")
        problems += label_problems(where=r["id"], text=r["text"], labels=r["labels"])
        for field, value in r["answers"].items():
            if (bad := value_problem(field=field, value=value)) is not None:
                problems.append(f"{r['id']}: answer {bad}")
        problems += conflict_problems(row=r)
        problems += [f"{r['id']}: contains sentence-bank text {t!r}"
                     for t in bank_texts if t in r["text"]]
    return problems


def report(*, sentences: list[dict[str, Any]], descriptions: list[dict[str, Any]],
           scenarios: list[dict[str, Any]]) -> str:
    """Counts per set, split, (field, value), domain and voice, as plain text."""
    lines = [f"sentences: {len(sentences)} "
             f"({Counter(r['split'] for r in sentences)}; "
             f"{sum(1 for r in sentences if not r['labels'])} imply nothing)"]
    for split in ("train", "holdout"):
        counts = value_counts(rows=[r for r in sentences if r["split"] == split])
        lines.append(f"  {split}: " + ", ".join(f"{f}={v}:{n}" for (f, v), n in
                                                  sorted(counts.items())))
    lines.append("  domains: " + ", ".join(f"{k}:{n}" for k, n in
                                           Counter(r["domain"] for r in sentences).most_common()))
    lines.append("  voices: " + ", ".join(f"{k}:{n}" for k, n in
                                          Counter(r["voice"] for r in sentences).most_common()))
    with_conflict = sum(1 for r in descriptions if r["conflicts"])
    nothing = sum(1 for r in descriptions if len(r["labels"]) <= 1)
    lines.append(f"descriptions: {len(descriptions)} ({with_conflict} with a conflict, "
                 f"{nothing} implying at most one thing)")
    counts = value_counts(rows=descriptions)
    lines.append("  labels: " + ", ".join(f"{f}={v}:{n}" for (f, v), n in sorted(counts.items())))
    conflicts = Counter(f for r in descriptions for f in r["conflicts"])
    lines.append("  conflicts: " + ", ".join(f"{k}:{n}" for k, n in sorted(conflicts.items())))
    lines.append(scenario_counts(name="scenarios", rows=scenarios))
    return "\n".join(lines)


def all_problems() -> tuple[list[str], str]:
    """Every problem in the three sets, and the counts report."""
    sentences = load(name="sentences.jsonl")
    descriptions = load(name="descriptions.jsonl")
    scenarios = load(name="scenarios.jsonl")
    problems = sentence_problems(rows=sentences) + near_copies(rows=sentences)
    problems += description_problems(rows=descriptions, bank=sentences)
    earlier, counts = list(descriptions), []
    for name in FRESH_SETS:
        rows = load(name=name)
        problems += description_problems(rows=rows, bank=sentences)
        problems += apart_problems(rows=rows, earlier=earlier, name=name)
        counts.append(f"{name}: {len(rows)} ({sum(1 for r in rows if not r['labels'])} imply "
                      f"nothing, {sum(len(r['conflicts']) for r in rows)} conflicts)")
        earlier += rows
    problems += scenario_problems(rows=scenarios)
    before = list(scenarios)
    for name in FRESH_SCENARIO_SETS:
        rows = load(name=name)
        problems += scenario_problems(rows=rows)
        problems += scenarios_apart(rows=rows, earlier=before, name=name)
        counts.append(scenario_counts(name=name, rows=rows))
        before += rows
    text = report(sentences=sentences, descriptions=descriptions, scenarios=scenarios)
    return problems, "\n".join([text, *counts])


def apart_problems(*, rows: list[dict[str, Any]], earlier: list[dict[str, Any]],
                   name: str) -> list[str]:
    """A later evaluation set shares no text and no id with the sets written before it."""
    texts, ids = {r["text"] for r in earlier}, {r["id"] for r in earlier}
    return [f"{name}: {r['id']} repeats an earlier set's text or id" for r in rows
            if r["text"] in texts or r["id"] in ids]


def main() -> int:
    """Print the counts and every problem; exit 1 when there is any."""
    problems, text = all_problems()
    print(text)
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
