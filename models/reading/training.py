"""Fit the reader's per-field classifiers on the train sentences and write a readable artifact.

Units: every train sentence, plus its clauses and clause pairs (a clause carries a label when it
holds at least half of the label's span), so the classifier learns from narrow pieces as well as
whole sentences. Per field: classes are "none" plus the field's values ("present" for numbers).
Features: the static embedding of the unit, the `K_LEXICAL` named lexical features most
associated with the field (chi-squared over features seen in at least two sentences) and every
pattern flag. Model: multinomial logistic regression (lbfgs, deterministic; balanced class
weights for the fields in `BALANCED`). Thresholds come from
`models/reading/tuning.py` (cross-validation on the train sentences only). Coefficients are
rounded to `DIGITS` decimals, so the JSON is readable and byte-for-byte reproducible.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_selection import chi2
from sklearn.linear_model import LogisticRegression

from models.reading.base import NONE, Embed
from models.reading.cues import frequencies
from models.reading.lexical import lexical, marks, patterns
from models.reading.model import FORMAT
from models.reading.prototypes import best_similarity, embed_groups, spans_of
from models.reading.quantities import quantities
from models.reading.text import Unit, units
from models.reading.values import NUMERIC

FIELDS = (
    "task_narrowness", "knowledge_freshness", "requests_per_day", "mlops_capacity",
    "risk_domain", "primary_gap", "needs_private_context", "labeled_examples", "data_quality",
    "output_strictness", "success_metric_defined", "prompt_baseline_score",
    "workflow_stability", "latency_budget_ms", "knowledge_size_tokens",
)
K_LEXICAL = 500
C = 2.0
MIN_SENTENCES = 2
DIGITS = 4
SPAN_SHARE = 0.5
UNIT_KINDS = ("sentence", "clause")
# Fields whose values are rare next to "says nothing" and whose cues the classifier must confirm:
# balanced class weights let it agree with a domain word or a volume it has seen little of.
# (needs_private_context too was tried: recall up, but 'their contract' and 'each patient's
# prescription' read as private data and two old scenarios were lost)
BALANCED = frozenset({"risk_domain", "requests_per_day"})


@dataclass(frozen=True)
class Example:
    """One training unit: its text, features, sentence id and label per field."""

    sentence: str
    text: str
    lexical: frozenset[str]
    flags: frozenset[str]
    labels: dict[str, str]


def class_of(*, field: str, value: Any) -> str:
    """The class a label's value falls in: 'present' for numbers, the value's string otherwise."""
    if field in NUMERIC:
        return "present"
    return str(value).lower() if isinstance(value, bool) else str(value)


def examples_of(*, row: dict[str, Any]) -> list[Example]:
    """The sentence's units with the labels each one carries."""
    text = row["text"]
    found, cues, flags = quantities(text=text), frequencies(text=text), marks(text=text)
    out = []
    pieces = units(text=text)
    if not any(u.start == 0 and u.end == len(text) for u in pieces):
        pieces.insert(0, Unit(0, len(text), text, "sentence", 0))
    for unit in (u for u in pieces if u.kind in UNIT_KINDS):
        labels = {}
        for label in row["labels"]:
            start = text.find(label["span"])
            overlap = min(unit.end, start + len(label["span"])) - max(unit.start, start)
            if start >= 0 and overlap >= SPAN_SHARE * len(label["span"]):
                labels[label["field"]] = class_of(field=label["field"], value=label["value"])
        inside = [q for q in found if unit.start <= q.start and q.end <= unit.end]
        named = [c for c in cues if unit.start <= c.start and c.end <= unit.end]
        out.append(Example(row["id"], unit.text, frozenset(lexical(text=unit.text)),
                           frozenset(patterns(start=unit.start, end=unit.end, quantities=inside,
                                              cues=named, found=flags)),
                           labels))
    return out


def classes_of(*, field: str, rows: Sequence[dict[str, Any]]) -> list[str]:
    """'none' first, then the field's values in sorted order."""
    seen = {class_of(field=field, value=lab["value"]) for r in rows for lab in r["labels"]
            if lab["field"] == field}
    return [NONE, *sorted(seen)]


def _matrix(*, examples: Sequence[Example], names: Sequence[str]) -> sparse.csr_matrix:
    """Named features: lexical ones scaled by 1/sqrt(count), flags at 1."""
    index = {n: i for i, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, ex in enumerate(examples):
        scale = 1.0 / math.sqrt(len(ex.lexical)) if ex.lexical else 0.0
        for features, weight in ((ex.lexical, scale), (ex.flags, 1.0)):
            for feature in features:
                if feature in index:
                    rows.append(r)
                    cols.append(index[feature])
                    vals.append(weight)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(examples), len(names)))


def _select(*, examples: Sequence[Example], vocabulary: Sequence[str], y: np.ndarray
            ) -> list[str]:
    """The K lexical features most associated with the field's classes (chi-squared)."""
    binary = _matrix(examples=examples, names=vocabulary)
    binary.data[:] = 1.0
    scores, _ = chi2(binary, y)
    scores = np.nan_to_num(scores)
    ranked = sorted(range(len(vocabulary)), key=lambda i: (-scores[i], vocabulary[i]))
    return sorted(vocabulary[i] for i in ranked[:K_LEXICAL] if scores[i] > 0)


def _full_rows(*, model: LogisticRegression, width: int) -> tuple[np.ndarray, np.ndarray]:
    """One coefficient row per class, absent classes at -inf-like intercepts (never chosen)."""
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:  # two classes seen: sklearn keeps one row (the second class's)
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.array([0.0, intercept[0]])
    rows = np.zeros((width, coef.shape[1]))
    bias = np.full(width, -30.0)
    for row, label in enumerate(model.classes_):
        rows[label], bias[label] = coef[row], intercept[row]
    return rows, bias


def fit_field(*, field: str, classes: Sequence[str], examples: Sequence[Example],
              vectors: np.ndarray, near: np.ndarray, vocabulary: Sequence[str],
              flags: Sequence[str]) -> dict[str, Any]:
    """One field's logistic regression, as the artifact stores it (threshold added later)."""
    y = np.array([classes.index(ex.labels.get(field, NONE)) for ex in examples])
    names = [*_select(examples=examples, vocabulary=vocabulary, y=y), *flags]
    dense = np.hstack([vectors, near])
    x = sparse.hstack([sparse.csr_matrix(dense), _matrix(examples=examples, names=names)])
    if len(set(y.tolist())) < 2:  # nothing labelled for this field here: it never fires
        coef, intercept = np.zeros((len(classes), x.shape[1])), np.full(len(classes), -30.0)
        intercept[0] = 0.0
    else:
        weight = "balanced" if field in BALANCED else None
        model = LogisticRegression(C=C, max_iter=5000, tol=1e-6, class_weight=weight)
        coef, intercept = _full_rows(model=model.fit(x.tocsr(), y), width=len(classes))
    dims, width = vectors.shape[1], dense.shape[1]

    def column(j: int) -> list[float]:
        return [round(float(coef[c, j]), DIGITS) for c in range(len(classes))]

    return {
        "classes": list(classes),
        "intercepts": [round(float(v), DIGITS) for v in intercept],
        "embedding": [[round(float(v), DIGITS) for v in row[:dims]] for row in coef],
        "prototype_weights": [column(j) for j in range(dims, width)],
        "features": names,
        "weights": [column(width + j) for j in range(len(names))],
        "threshold": 0.5,
    }


def fit_all(*, rows: Sequence[dict[str, Any]], embed: Embed, embedder_id: str,
            all_rows: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Every field's classifier fitted on `rows` (classes taken from `all_rows`, default rows)."""
    examples = [ex for row in rows for ex in examples_of(row=row)]
    vectors = np.asarray(embed([ex.text for ex in examples]), dtype=np.float64)
    per_sentence: dict[str, set[str]] = {}
    for ex in examples:
        per_sentence.setdefault(ex.sentence, set()).update(ex.lexical)
    seen = Counter(f for features in per_sentence.values() for f in features)
    vocabulary = sorted(f for f, n in seen.items() if n >= MIN_SENTENCES)
    flags = sorted({f for ex in examples for f in ex.flags})
    classes = {f: classes_of(field=f, rows=all_rows or rows) for f in FIELDS}
    spans = {f: spans_of(rows=rows, field=f, classes=classes[f], class_of=class_of)
             for f in FIELDS}
    near = _near(examples=examples, vectors=vectors, spans=spans, embed=embed)
    fields = {}
    for field in FIELDS:
        fields[field] = fit_field(field=field, classes=classes[field], examples=examples,
                                  vectors=vectors, near=near[field], vocabulary=vocabulary,
                                  flags=flags)
        fields[field]["prototypes"] = [sorted({s for _, s in g}) for g in spans[field]]
    return {"format": FORMAT, "embedder": embedder_id, "dimensions": int(vectors.shape[1]),
            "fields": fields}


def _near(*, examples: Sequence[Example], vectors: np.ndarray,
          spans: dict[str, list[list[tuple[str, str]]]], embed: Embed) -> dict[str, np.ndarray]:
    """Per field, each unit's best cosine to each class's spans from other sentences."""
    groups = [g for f in FIELDS for g in spans[f]]
    span_vectors = embed_groups(embed=embed, texts=[[s for _, s in g] for g in groups],
                                dims=vectors.shape[1])
    owners = np.array([sid for g in groups for sid, _ in g])
    units = np.array([ex.sentence for ex in examples])
    same = units[:, None] == owners[None, :] if len(owners) else None
    near = best_similarity(vectors=vectors, spans=span_vectors, groups=[len(g) for g in groups],
                           same=same)
    out, start = {}, 0
    for field in FIELDS:
        out[field] = near[:, start:start + len(spans[field])]
        start += len(spans[field])
    return out


def digest(*, rows: Sequence[dict[str, Any]]) -> str:
    """Fingerprint of the training sentences, recorded in the artifact."""
    text = json.dumps(list(rows), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def dump(*, artifact: dict[str, Any]) -> str:
    """The artifact as deterministic JSON: one line per weight row keeps it readable."""
    return json.dumps(artifact, ensure_ascii=False, indent=1, separators=(",", ": ")) + "\n"


def write(*, artifact: dict[str, Any], path: Path) -> None:
    """Write the artifact."""
    path.write_text(dump(artifact=artifact), encoding="utf-8")
