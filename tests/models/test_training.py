"""Training: determinism, the committed artifact, the hold-out and the labelled cases."""

from __future__ import annotations

import collections
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

import models.case_files as case_files
from models.advisor import DEFAULT_ARTIFACT
from models.case_files import load_cases
from models.metrics import LABELS
from models.rules import RULES_VERSION, rule_table
from models.signs import SIGN_CONSTRAINTS
from models.training import outcome_to_case, train_artifact, write_artifact
from tests.support import answers


@pytest.fixture(scope="module")
def fresh() -> dict[str, Any]:
    return train_artifact()


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    return load_cases()


def test_training_is_deterministic_to_the_byte(fresh: dict[str, Any], tmp_path: Path) -> None:
    again = train_artifact()
    assert again == fresh
    write_artifact(artifact=fresh, path=tmp_path / "a.json")
    write_artifact(artifact=again, path=tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_committed_artifact_equals_a_fresh_training_run(
    fresh: dict[str, Any], tmp_path: Path
) -> None:
    write_artifact(artifact=fresh, path=tmp_path / "artifact.json")
    assert DEFAULT_ARTIFACT.read_bytes() == (tmp_path / "artifact.json").read_bytes(), (
        "models/artifact.json is stale: run `advisor train`"
    )


def test_artifact_is_readable_json_with_everything_the_api_shows() -> None:
    text = DEFAULT_ARTIFACT.read_text(encoding="utf-8")
    assert text.startswith("{\n  ")
    artifact = json.loads(text)
    assert re.fullmatch(r"advisor-model-\d+\.\d+\.\d+\+[0-9a-f]{12}", artifact["version"])
    assert artifact["version"].endswith(artifact["training_data"]["sha256"][:12])
    assert artifact["rules_version"] == RULES_VERSION
    assert artifact["rules"] == json.loads(json.dumps(rule_table()))
    for approach in ("prompt_engineering", "rag", "fine_tuning"):
        assert set(artifact["coefficients"][approach]) == set(artifact["features"])
        assert approach in artifact["intercepts"]
    for split in ("train", "holdout"):
        for who in ("model", "rules_only"):
            assert {"accuracy", "accuracy_accept", "macro_f1", "brier", "log_loss", "ece"} <= set(
                artifact["metrics"][split][who])
    assert 0 < artifact["thresholds"]["rag_and_fine_tuning"] < 1
    estimator = artifact["estimator"]
    assert {"C", "cap", "ruled_out_cap", "feature_ranges", "bounds", "selection"} <= set(estimator)
    assert estimator["selection"]["chosen"]["cap"] == estimator["cap"]
    assert "log-loss" in estimator["selection"]["metric"]
    assert "Platt" in artifact["calibration"]["method"]
    encoding = artifact["encoding"]
    assert set(encoding["reference"]) <= set(artifact["features"])
    assert encoding["answer_distribution"]["needs_private_context"]


def test_no_learned_term_pushes_past_the_cap_or_against_its_sign() -> None:
    artifact = json.loads(DEFAULT_ARTIFACT.read_text(encoding="utf-8"))
    estimator = artifact["estimator"]
    for approach, coef in artifact["coefficients"].items():
        slope = artifact["calibration"]["slope"][approach]
        assert 0 < slope <= 1
        for feature, value in coef.items():
            cap = estimator["ruled_out_cap" if feature.startswith("ruled_out:") else "cap"]
            assert abs(value) * estimator["feature_ranges"][feature] <= cap + 1e-6
            sign = SIGN_CONSTRAINTS[approach].get(feature)
            if sign is not None:
                assert value * sign >= 0 and (sign != 0 or value == 0.0), (approach, feature)


def test_held_out_quality_and_calibration_beat_rules_only(fresh: dict[str, Any]) -> None:
    held = fresh["metrics"]["holdout"]
    assert held["model"]["n"] >= 0.2 * fresh["training_data"]["cases"]
    assert held["model"]["accuracy_accept"] >= 0.95
    assert held["model"]["ece"] <= 0.05
    assert held["model"]["brier"] < held["rules_only"]["brier"]
    assert held["model"]["log_loss"] < held["rules_only"]["log_loss"]


def test_hold_out_is_stratified_and_at_least_a_fifth(cases: list[dict[str, Any]]) -> None:
    for file, key in (("cases.jsonl", "label"), ("borderline.jsonl", "kind")):
        mine = [c for c in cases if c["file"] == file]
        for group in {c[key] for c in mine}:
            members = [c for c in mine if c[key] == group]
            held = [c for c in members if c["split"] == "holdout"]
            assert len(held) >= math.floor(0.2 * len(members)) and held, (file, group)


def test_every_accepted_answer_starts_with_the_best_one(cases: list[dict[str, Any]]) -> None:
    borderline = [c for c in cases if c["file"] == "borderline.jsonl"]
    assert len(borderline) >= 100 and all(c["accept"][0] == c["label"] for c in borderline)
    assert sum(len(c["accept"]) > 1 for c in borderline) >= 30


def test_hold_out_labels_never_reach_the_fit(
    fresh: dict[str, Any], cases: list[dict[str, Any]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for file, attribute in (("cases.jsonl", "CASES_PATH"), ("borderline.jsonl", "BORDERLINE_PATH")):
        flipped = []
        for case in (c for c in cases if c["file"] == file):
            case = {k: v for k, v in case.items() if k != "file"}
            if case["split"] == "holdout":
                label = LABELS[(LABELS.index(case["label"]) + 1) % len(LABELS)]
                case = {**case, "label": label, "accept": [label]}
            flipped.append(case)
        path = tmp_path / file
        path.write_text("".join(json.dumps(c) + "\n" for c in flipped), encoding="utf-8")
        monkeypatch.setattr(case_files, attribute, path)
    other = train_artifact()
    assert other["coefficients"] == fresh["coefficients"]
    assert other["intercepts"] == fresh["intercepts"]
    assert other["calibration"] == fresh["calibration"]
    assert other["metrics"]["holdout"] != fresh["metrics"]["holdout"]


def test_cases_are_many_varied_and_realistic(cases: list[dict[str, Any]]) -> None:
    cases = [c for c in cases if c["file"] == "cases.jsonl"]
    assert len(cases) >= 220
    assert len({c["id"] for c in cases}) == len(cases)
    domains = {c["domain"] for c in cases}
    assert {"support", "extraction", "classification", "style", "agents", "internal-qa",
            "finance", "health", "legal", "security", "web3", "edge"} <= domains
    assert len(domains) > 12
    counts = collections.Counter(c["label"] for c in cases)
    assert set(counts) == set(LABELS) and min(counts.values()) >= 25
    optional = [len(c["questionnaire"]) - 5 - ("description" in c["questionnaire"])
                - ("project_name" in c["questionnaire"]) for c in cases]
    assert sum(n <= 3 for n in optional) >= 0.3 * len(cases)
    assert sum(n >= 7 for n in optional) >= 0.2 * len(cases)
    assert sum(n == 0 for n in optional) >= 0.05 * len(cases)
    volumes = [c["questionnaire"]["requests_per_day"] for c in cases]
    assert math.log10(max(volumes)) - math.log10(max(1, min(volumes))) >= 6
    descriptions = [c["questionnaire"].get("description") for c in cases]
    assert sum(d is not None for d in descriptions) >= 0.9 * len(cases)
    assert len(set(descriptions)) >= 0.9 * len(cases)
    assert all(c["rationale"].strip() for c in cases)


def test_extra_cases_join_training_and_change_the_version(fresh: dict[str, Any]) -> None:
    case = outcome_to_case(
        questionnaire={"task_narrowness": "narrow", "knowledge_freshness": "static",
                       "requests_per_day": 90000, "mlops_capacity": "dedicated",
                       "risk_domain": "general"},
        approach_taken="fine_tuning", verdict="success", assessment_id="a1",
    )
    assert case is not None
    grown = train_artifact(extra_cases=[case])
    assert grown["training_data"]["train"] == fresh["training_data"]["train"] + 1
    assert grown["training_data"]["holdout"] == fresh["training_data"]["holdout"]
    assert grown["version"] != fresh["version"]


BASE = answers(mlops_capacity="limited")


@pytest.mark.parametrize(
    ("answers", "taken", "verdict", "label"),
    [
        (BASE, "fine_tuning", "success", "fine_tuning"),
        (BASE, "rag", "Success", "rag"),
        (BASE, "fine_tuning", "no_gain", "prompt_engineering"),
        ({**BASE, "needs_private_context": True}, "fine_tuning", "no-gain", "rag"),
        ({**BASE, "knowledge_freshness": "daily"}, "rag_and_fine_tuning", "no_gain", "rag"),
        (BASE, "rag", "no_gain", "prompt_engineering"),
        (BASE, "prompt_engineering", "no_gain", None),
        (BASE, "fine_tuning", "improved_short_of_bar", None),
        (BASE, "fine_tuning", "no_gain_over_prompting", "prompt_engineering"),
        (BASE, "fine_tuning", "guardrail_breached", "prompt_engineering"),
        (BASE, "rag", "guardrail_breached", None),
        (BASE, "fine_tuning", "bogus", None),
        (BASE, "magic", "success", None),
        ({**BASE, "requests_per_day": -1}, "rag", "success", None),
    ],
)
def test_outcomes_fold_into_cases(
    answers: dict[str, Any], taken: str, verdict: str, label: str | None
) -> None:
    case = outcome_to_case(
        questionnaire=answers, approach_taken=taken, verdict=verdict, assessment_id="x9"
    )
    if label is None:
        assert case is None
        return
    assert case is not None and case["label"] == label and case["split"] == "train"
    assert case["id"] == "outcome-x9"
    assert load_cases(extra_cases=[case])[-1]["id"] == "outcome-x9"


def test_cases_are_written_in_our_own_words(
    cases: list[dict[str, Any]], seeds_dir: Path
) -> None:
    span = 7
    spans: set[tuple[str, ...]] = set()
    for path in seeds_dir.glob("*.txt"):
        words = re.findall(r"[a-z0-9]+", path.read_text(encoding="utf-8").lower())
        spans |= {tuple(words[i : i + span]) for i in range(len(words) - span + 1)}
    for case in cases:
        # citations name seed headings; everything else must be our own words
        rationale = re.sub(r"[(][^()]*§[^()]*[)]", "", case["rationale"])
        text = f"{case['questionnaire'].get('description', '')} {rationale}"
        words = re.findall(r"[a-z0-9]+", text.lower())
        assert not [w for w in zip(*(words[i:] for i in range(span))) if w in spans], case["id"]
