"""The labelled cases the model learns from and is judged on, and outcomes turned into cases.

Two files, each with a fixed `split` per case (train or holdout, about a quarter held out):
- `cases/cases.jsonl`: everyday projects across domains;
- `cases/borderline.jsonl`: hard ones (two signals pulling apart, ruled-out fine-tuning,
  required-only answers, extreme values), each with a `kind`.
Every case has a best answer, `label`, and may list every defensible answer in `accept` (the label
first); without one, only the label is accepted. Fitting uses the labels of the train split;
evaluation counts a recommendation right when it is accepted. Hard scenarios
(`cases/hard_scenarios.jsonl`) are never loaded here: they are a final check, not training data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.conditions import compile_condition
from models.features import answers_of
from models.questionnaire import Questionnaire
from models.rules import RETRIEVAL_EVIDENCE
from models.vocabulary import LABELS

CASES_DIR = Path(__file__).with_name("cases")
CASES_PATH = CASES_DIR / "cases.jsonl"
BORDERLINE_PATH = CASES_DIR / "borderline.jsonl"
_EVIDENCE = compile_condition(condition=RETRIEVAL_EVIDENCE)


def accepted(*, case: dict[str, Any]) -> list[str]:
    """Every answer the case accepts (its label when it lists none)."""
    return list(case.get("accept") or [case["label"]])


def _read(*, path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [{**json.loads(line), "file": path.name} for line in lines if line.strip()]


def _check(*, case: dict[str, Any]) -> None:
    """Refuse a case the trainer would misread, naming it."""
    accept = accepted(case=case)
    if case["label"] not in LABELS or case.get("split", "train") not in ("train", "holdout"):
        raise ValueError(f"case {case['id']}: bad label or split")
    if accept[0] != case["label"] or not set(accept) <= set(LABELS):
        raise ValueError(f"case {case['id']}: accept must start with the label and hold labels")
    Questionnaire.model_validate(case["questionnaire"])


def load_cases(
    *, path: Path | None = None, borderline_path: Path | None = None,
    extra_cases: Sequence[dict[str, Any]] = (),
) -> list[dict[str, Any]]:
    """Validated cases of both files plus extra ones (which replace a case of the same id)."""
    file_cases = _read(path=path or CASES_PATH) + _read(path=borderline_path or BORDERLINE_PATH)
    if len({c["id"] for c in file_cases}) != len(file_cases):
        raise ValueError("duplicate case ids in the case files")
    merged: dict[str, dict[str, Any]] = {c["id"]: c for c in file_cases}
    for extra in extra_cases:
        merged[str(extra["id"])] = {**extra, "split": "train", "file": "outcomes"}
    for case in merged.values():
        _check(case=case)
    return list(merged.values())


def data_sha256(*, cases: Sequence[dict[str, Any]]) -> str:
    """Hash of the cases as canonical JSON lines, independent of key order and whitespace."""
    digest = hashlib.sha256()
    for case in cases:
        digest.update(json.dumps(case, sort_keys=True, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def outcome_to_case(
    *, questionnaire: dict[str, Any], approach_taken: str, verdict: str, assessment_id: str
) -> dict[str, Any] | None:
    """Turn a recorded outcome into a training case, or None when it teaches nothing clear.

    - `success`: the approach taken worked, so it becomes the label.
    - `no_gain_over_prompting` (or `no_gain`): after fine_tuning or rag_and_fine_tuning the label
      becomes rag when there is retrieval evidence (`models.rules.RETRIEVAL_EVIDENCE`), else
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
            label = "rag" if _EVIDENCE(answers_of(questionnaire=q)) else "prompt_engineering"
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
