"""Fit the advisor from its labelled cases and write the readable JSON artifact.

Deterministic: the same cases give a byte-identical artifact (fixed solver, no randomness, no
timestamps, numbers rounded to 6 decimals before they are used or stored). Only `split: train`
cases are fitted; the `holdout` split (about a quarter of each label, fixed in the cases file)
is only ever scored. Cases folded in from recorded outcomes always join the training split.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.advisor import Advisor
from models.features import (
    FEATURE_ENCODING,
    FEATURE_NAMES,
    UNKNOWN_ENCODING,
    UNKNOWN_GRID,
    encode,
)
from models.metrics import summarize, targets
from models.questionnaire import Questionnaire
from models.rules import (
    FEW_EXAMPLES,
    HIGH_VOLUME,
    LOW_VOLUME,
    PROMPT_BAR,
    RULES_VERSION,
    THIN_DATA,
    TIGHT_LATENCY_MS,
    rule_table,
)
from models.scorer import MonotoneOvRScorer
from models.vocabulary import APPROACHES, FRESH_KNOWLEDGE, LABELS, PrimaryGap
from models.warning_rules import warning_table

CASES_PATH = Path(__file__).with_name("cases") / "cases.jsonl"
MODEL_SEMVER = "1.0.0"
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)  # L2 strengths tried; the best by CV is kept
CV_FOLDS = 5
BOTH_THRESHOLD = 0.5
# Coefficient signs (+1: >= 0, -1: <= 0). The monotonicity guarantees need rag/freshness and the
# six fine_tuning readiness answers; the rest state the seeds' direction of an answer's effect, so
# an explanation never shows e.g. an undefined metric pushing towards fine-tuning. The gap one-hots
# always sum to one, so only their order is identified: signs on all five of them pin that order
# (e.g. every gap tuning can fix ranks above knowledge and reasoning for fine_tuning).
SIGN_CONSTRAINTS: dict[str, dict[str, int]] = {
    "prompt_engineering": {
        "freshness": -1,
        "needs_private_context": -1,
        "prompt_baseline": 1,
        "gap_knowledge": -1,
        "gap_format": 1,
        "gap_style": 1,
        "gap_policy": 1,
        "gap_reasoning": 1,
    },
    "rag": {
        "freshness": 1,
        "needs_private_context": 1,
        "gap_knowledge": 1,
        "gap_format": -1,
        "gap_style": -1,
        "gap_policy": -1,
        "gap_reasoning": -1,
    },
    "fine_tuning": {
        "mlops": 1,
        "log_labeled_examples": 1,
        "data_quality": 1,
        "workflow_stability": 1,
        "narrowness": 1,
        "log_requests_per_day": 1,
        "strictness": 1,
        "success_metric_defined": 1,
        "prompt_baseline": -1,
        "high_stakes": -1,
        "gap_knowledge": -1,
        "gap_format": 1,
        "gap_style": 1,
        "gap_policy": 1,
        "gap_reasoning": -1,
    },
}


def load_cases(
    *, path: Path | None = None, extra_cases: Sequence[dict[str, Any]] = ()
) -> list[dict[str, Any]]:
    """Validated cases from the JSONL file plus extra ones (a later id replaces an earlier one)."""
    lines = (path or CASES_PATH).read_text(encoding="utf-8").splitlines()
    file_cases = [json.loads(line) for line in lines if line.strip()]
    if len({c["id"] for c in file_cases}) != len(file_cases):
        raise ValueError("duplicate case ids in the cases file")
    merged: dict[str, dict[str, Any]] = {c["id"]: c for c in file_cases}
    for extra in extra_cases:
        merged[str(extra["id"])] = {**extra, "split": "train"}
    for case in merged.values():
        if case["label"] not in LABELS or case.get("split", "train") not in ("train", "holdout"):
            raise ValueError(f"case {case['id']}: bad label or split")
        Questionnaire.model_validate(case["questionnaire"])
    return list(merged.values())


def data_sha256(*, cases: Sequence[dict[str, Any]]) -> str:
    """Hash of the cases as canonical JSON lines, independent of key order and whitespace."""
    digest = hashlib.sha256()
    for case in cases:
        digest.update(json.dumps(case, sort_keys=True, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def _r(x: float) -> float:
    return round(float(x), 6) + 0.0  # + 0.0 folds -0.0 into 0.0


def _evaluate(
    *, advisor: Advisor, cases: Sequence[dict[str, Any]], learned: bool
) -> dict[str, Any]:
    truth, predicted, scores = [], [], []
    for case in cases:
        q = Questionnaire.model_validate(case["questionnaire"])
        run = advisor.assess if learned else advisor.assess_rules_only
        result = run(questionnaire=q)
        truth.append(case["label"])
        predicted.append(result.recommendation.value)
        scores.append({a.value: s for a, s in result.scores.items()})
    return summarize(truth=truth, predicted=predicted, scores=scores)


def _fit(*, train: Sequence[dict[str, Any]], strength: float) -> dict[str, Any]:
    """Fit the constrained scorer and return the artifact's model part (no metrics yet)."""
    x = [encode(questionnaire=Questionnaire.model_validate(c["questionnaire"])) for c in train]
    y = [[targets(label=case["label"])[a] for a in APPROACHES] for case in train]
    scorer = MonotoneOvRScorer(
        approaches=APPROACHES,
        feature_names=FEATURE_NAMES,
        sign_constraints=SIGN_CONSTRAINTS,
        C=strength,
    ).fit(x, y)
    prevalence = {a: sum(row[i] for row in y) / len(y) for i, a in enumerate(APPROACHES)}
    return {
        "version": "unversioned",
        "rules_version": RULES_VERSION,
        "approaches": list(APPROACHES),
        "labels": list(LABELS),
        "features": list(FEATURE_NAMES),
        "estimator": {
            "kind": "one-vs-rest LogisticRegression (newton-cholesky, L2), "
            "sign-constrained by refitting",
            "C": strength,
            "sign_constraints": SIGN_CONSTRAINTS,
            "dropped_features": scorer.dropped_features_,
        },
        "coefficients": {
            a: {f: _r(scorer.coef_[i][j]) for j, f in enumerate(FEATURE_NAMES)}
            for i, a in enumerate(APPROACHES)
        },
        "intercepts": {a: _r(scorer.intercept_[i]) for i, a in enumerate(APPROACHES)},
        "thresholds": {
            "rag_and_fine_tuning": BOTH_THRESHOLD,
            "decision": "constraints first; rag_and_fine_tuning when fine-tuning is allowed, its "
            "score >= rag_and_fine_tuning and retrieval is required or also scores >= it; else "
            "the best-scoring allowed single approach",
            "rules": {
                "high_volume_requests_per_day": HIGH_VOLUME,
                "low_volume_requests_per_day": LOW_VOLUME,
                "few_labeled_examples": FEW_EXAMPLES,
                "thin_labeled_examples": THIN_DATA,
                "prompt_meets_bar_score": PROMPT_BAR,
                "tight_latency_ms": TIGHT_LATENCY_MS,
            },
        },
        "rules": rule_table(),
        "warnings": warning_table(),
        "rules_only": {
            "description": "base-rate intercepts plus rule log-odds and constraints, "
            "no learned terms",
            "intercepts": {a: _r(math.log(p / (1 - p))) for a, p in prevalence.items()},
        },
    }


def _folds(*, cases: Sequence[dict[str, Any]]) -> list[int]:
    """Stratified fold numbers: within each label, cases in id-hash order take turns."""
    fold = [0] * len(cases)
    for label in LABELS:
        members = [i for i, c in enumerate(cases) if c["label"] == label]
        members.sort(key=lambda i: hashlib.sha256(cases[i]["id"].encode()).hexdigest())
        for rank, i in enumerate(members):
            fold[i] = rank % CV_FOLDS
    return fold


def _choose_c(*, train: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Pick C by cross-validated Brier of the full model (learned terms plus rules)."""
    fold = _folds(cases=train)
    table = {}
    for c in C_GRID:
        total = 0.0
        for k in range(CV_FOLDS):
            fit = [case for case, f in zip(train, fold, strict=True) if f != k]
            held = [case for case, f in zip(train, fold, strict=True) if f == k]
            advisor = Advisor(artifact=_fit(train=fit, strength=c))
            total += _evaluate(advisor=advisor, cases=held, learned=True)["brier"] * len(held)
        table[str(c)] = _r(total / len(train))
    best = min(C_GRID, key=lambda c: (table[str(c)], c))
    return {"folds": CV_FOLDS, "grid": list(C_GRID), "cv_brier": table, "chosen": best}


def train_artifact(*, extra_cases: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """Choose C by cross-validation, fit on the training split, and assemble the artifact."""
    cases = load_cases(extra_cases=extra_cases)
    train = [c for c in cases if c.get("split", "train") == "train"]
    holdout = [c for c in cases if c.get("split") == "holdout"]
    selection = _choose_c(train=train)
    sha = data_sha256(cases=cases)
    model = _fit(train=train, strength=selection["chosen"])
    model["estimator"]["selection"] = selection
    artifact: dict[str, Any] = {
        "format": "advisor-artifact/1",
        **model,
        "version": f"advisor-model-{MODEL_SEMVER}+{sha[:12]}",
        "encoding": {
            "description": "see models/features.py: ordinal answers on [0, 1], counts as "
            "log10(1+n), unknown optional answers replaced by their mean encoding over "
            "unknown_grid (so an unknown answer is never the best or the worst)",
            "features": FEATURE_ENCODING,
            "unknown_grid": {k: list(v) for k, v in UNKNOWN_GRID.items()},
            "unknown_encoding": {
                k: {f: _r(v) for f, v in enc.items()} for k, enc in UNKNOWN_ENCODING.items()
            },
        },
        "training_data": {
            "sha256": sha,
            "cases": len(cases),
            "train": len(train),
            "holdout": len(holdout),
            "label_counts": {lab: sum(c["label"] == lab for c in cases) for lab in LABELS},
        },
    }
    advisor = Advisor(artifact=artifact)
    artifact["metrics"] = {
        split: {
            "model": _evaluate(advisor=advisor, cases=group, learned=True),
            "rules_only": _evaluate(advisor=advisor, cases=group, learned=False),
        }
        for split, group in (("train", train), ("holdout", holdout))
    }
    return artifact


def write_artifact(*, artifact: dict[str, Any], path: Path) -> None:
    """Write the artifact as indented, stable JSON (never a pickle)."""
    text = json.dumps(artifact, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def _knowledge_need(*, q: Questionnaire) -> bool:
    return (
        q.knowledge_freshness in FRESH_KNOWLEDGE
        or q.needs_private_context is True
        or q.primary_gap is PrimaryGap.knowledge
    )


def outcome_to_case(
    *, questionnaire: dict[str, Any], approach_taken: str, verdict: str, assessment_id: str
) -> dict[str, Any] | None:
    """Turn a recorded outcome into a training case, or None when it teaches nothing clear.

    - `success`: the approach taken worked, so it becomes the label.
    - `no_gain_over_prompting` (or `no_gain`): after fine_tuning or rag_and_fine_tuning the label
      becomes rag when the project needs knowledge (fresh, private or a knowledge gap), else
      prompt_engineering; after rag it becomes prompt_engineering; after prompt_engineering
      nothing is learned.
    - `guardrail_breached` after fine_tuning or rag_and_fine_tuning (the tuned model regressed
      elsewhere) counts against tuning exactly like no gain; after other approaches it is None.
    - `improved_short_of_bar` (better than the baseline, short of the bar) is ambiguous: None.
    An invalid questionnaire or unknown approach/verdict also gives None.
    """
    norm = verdict.strip().lower().replace("-", "_").replace(" ", "_")
    if approach_taken not in LABELS:
        return None
    try:
        q = Questionnaire.model_validate(questionnaire)
    except ValidationError:
        return None
    if norm == "success":
        label = approach_taken
    elif norm in ("no_gain", "no_gain_over_prompting", "guardrail_breached"):
        if approach_taken in ("fine_tuning", "rag_and_fine_tuning"):
            label = "rag" if _knowledge_need(q=q) else "prompt_engineering"
        elif approach_taken == "rag" and norm != "guardrail_breached":
            label = "prompt_engineering"
        else:
            return None
    else:
        return None
    return {
        "id": f"outcome-{assessment_id}",
        "domain": "outcome",
        "questionnaire": q.model_dump(mode="json", exclude_none=True),
        "label": label,
        "rationale": f"Recorded outcome: {approach_taken} gave '{norm}'.",
        "split": "train",
    }
