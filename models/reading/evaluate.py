"""How well the reader reads: per-field precision and recall, conflicts, and end-to-end accuracy.

Sets (models/reading/data, listed in its README): the holdout sentences, the whole descriptions,
the fresh description sets (each written before the cue round it checks), the scenarios and the
fresh scenario sets (written blind), none of them used for fitting or thresholds. A reading is
right when its field is labelled with the same value (numbers within a factor of 2,
`prompt_baseline_score` within 0.1). Conflicts are the fields `understand` flags against the
descriptions' form answers. End-to-end accuracy is the share of scenarios whose recommendation
is in `accept`, with and without the reader.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from models.questionnaire import Questionnaire
from models.reading.apply import Decider, understand
from models.reading.data.check import FRESH_SCENARIO_SETS, FRESH_SETS, load
from models.reading.reader import Reader
from models.reading.training import FIELDS
from models.reading.tuning import right

Rows = Sequence[dict[str, Any]]


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def field_scores(*, reader: Reader, rows: Rows) -> dict[str, Any]:
    """Per-field and overall precision/recall of (field, value) readings, plus evidence check."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    substrings = True
    for row in rows:
        labels = {lab["field"]: lab["value"] for lab in row["labels"]}
        gold.update(list(labels))
        for r in reader.read(text=row["text"]):
            substrings &= row["text"][r.start:r.end] == r.evidence and r.evidence in row["text"]
            ok = r.field in labels and right(field=r.field, said=labels[r.field], read=r.value)
            (tp if ok else fp)[r.field] += 1
    per_field = {f: {"precision": _ratio(tp[f], tp[f] + fp[f]), "recall": _ratio(tp[f], gold[f]),
                     "read": tp[f] + fp[f], "labelled": gold[f]} for f in FIELDS}
    hits, said = sum(tp.values()), sum(tp.values()) + sum(fp.values())
    return {"precision": _ratio(hits, said), "recall": _ratio(hits, sum(gold.values())),
            "evidence_is_substring": substrings, "fields": per_field}


def conflict_scores(*, reader: Reader, rows: Rows, decider: Decider) -> dict[str, Any]:
    """Precision and recall of the W-CONFLICT fields against the descriptions' `conflicts`."""
    tp = fp = fn = 0
    readings_on_nothing = nothing = 0
    for row in rows:
        answers = {k: v for k, v in row["answers"].items()}
        for field, value in (("task_narrowness", "moderate"), ("knowledge_freshness", "monthly"),
                             ("requests_per_day", 1000), ("mlops_capacity", "limited"),
                             ("risk_domain", "general")):
            answers.setdefault(field, value)
        readings = reader.read(text=row["text"])
        told = understand(questionnaire=Questionnaire.model_validate(answers),
                          readings=readings, decider=decider)
        found = {w.field for w in told.warnings if w.field in row["answers"]}
        expected = set(row["conflicts"])
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), \
            fn + len(expected - found)
        if not row["labels"]:
            nothing += 1
            readings_on_nothing += len(readings)
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "found": tp + fp,
            "expected": tp + fn, "imply_nothing_descriptions": nothing,
            "readings_on_imply_nothing": readings_on_nothing}


def end_to_end(*, reader: Reader, rows: Rows, decider: Decider) -> dict[str, Any]:
    """Accepted-recommendation rate per scenario kind, with and without reading the text."""
    out: dict[str, Any] = {}
    for kind in ("description", "control"):
        chosen = [r for r in rows if r["kind"] == kind]
        plain = read = 0
        for row in chosen:
            q = Questionnaire.model_validate(row["questionnaire"])
            plain += decider.decide(questionnaire=q).recommendation.value in row["accept"]
            told = understand(questionnaire=q, readings=reader.read(text=q.description),
                              decider=decider)
            read += decider.decide(questionnaire=told.effective).recommendation.value \
                in row["accept"]
        out[kind] = {"scenarios": len(chosen), "without_reader": _ratio(plain, len(chosen)),
                     "with_reader": _ratio(read, len(chosen))}
    return out


def _conflicts_key(name: str) -> str:
    return "conflicts" if name == "descriptions" else name.replace("_descriptions", "_conflicts")


DESCRIPTION_SETS = ("descriptions", *(n.removesuffix(".jsonl") for n in FRESH_SETS))
SCENARIO_SETS = ("scenarios", *(n.removesuffix(".jsonl") for n in FRESH_SCENARIO_SETS))


def evaluate_reader(*, reader: Reader, decider: Decider) -> dict[str, Any]:
    """Every figure: holdout sentences, descriptions, conflicts, scenarios."""
    sentences = [r for r in load(name="sentences.jsonl") if r["split"] == "holdout"]
    figures: dict[str, Any] = {"holdout_sentences": field_scores(reader=reader, rows=sentences)}
    for name in DESCRIPTION_SETS:
        rows = load(name=f"{name}.jsonl")
        figures[name] = field_scores(reader=reader, rows=rows)
        figures[_conflicts_key(name)] = conflict_scores(reader=reader, rows=rows,
                                                        decider=decider)
    for name in SCENARIO_SETS:
        figures[name] = end_to_end(reader=reader, rows=load(name=f"{name}.jsonl"),
                                   decider=decider)
    return figures


def report(*, figures: dict[str, Any]) -> str:
    """The figures as plain text, one line per field."""
    lines = []
    for name in ("holdout_sentences", *DESCRIPTION_SETS):
        part = figures[name]
        lines.append(f"{name}: precision {part['precision']} recall {part['recall']} "
                     f"(evidence always an exact substring: {part['evidence_is_substring']})")
        for field, s in part["fields"].items():
            lines.append(f"  {field:24s} P {s['precision']!s:6s} R {s['recall']!s:6s} "
                         f"read {s['read']:3d} labelled {s['labelled']:3d}")
    for name in map(_conflicts_key, DESCRIPTION_SETS):
        c = figures[name]
        lines.append(f"{name}: precision {c['precision']} recall {c['recall']} (found "
                     f"{c['found']}, expected {c['expected']}); readings on "
                     f"{c['imply_nothing_descriptions']} imply-nothing descriptions: "
                     f"{c['readings_on_imply_nothing']}")
    for name in SCENARIO_SETS:
        for kind, s in figures[name].items():
            lines.append(f"{name}/{kind}: {s['scenarios']} accepted without reader "
                         f"{s['without_reader']}, with reader {s['with_reader']}")
    return "\n".join(lines)
