"""The held-out report: every metric beside the baseline, calibration, and its diagram."""

from __future__ import annotations

import re
from pathlib import Path

from models.advisor import DEFAULT_ARTIFACT, Advisor
from models.evaluation import DEFAULT_DIAGRAM, render_report
from models.metrics import (
    accuracy_accept,
    brier,
    calibration,
    confusion,
    log_loss,
    macro_f1,
    reliability,
)


def _value(report: str, name: str) -> tuple[float, float]:
    line = next(line for line in report.splitlines() if line.startswith(name))
    model, baseline = re.findall(r"\d+\.\d+", line)[-2:]
    return float(model), float(baseline)


def test_report_lists_each_metric_beside_the_baseline(tmp_path: Path) -> None:
    report = render_report(diagram_path=tmp_path / "r.svg")
    stored = Advisor.load().artifact["metrics"]["holdout"]
    for name, key, digits in (("accuracy (best answer)", "accuracy", 3),
                              ("accuracy (accept)", "accuracy_accept", 3),
                              ("macro-F1", "macro_f1", 3), ("Brier", "brier", 4),
                              ("log-loss", "log_loss", 4), ("ECE", "ece", 4),
                              ("share of top scores >= 0.99", "top_score_ge_0.99", 3)):
        model, baseline = _value(report, name)
        assert model == round(stored["model"][key], digits), name
        assert baseline == round(stored["rules_only"][key], digits), name
    assert "Confusion matrix" in report and "Reliability" in report
    for file in ("cases.jsonl holdout", "borderline.jsonl holdout"):
        assert re.search(rf"{file}: accuracy \(accept\) \d\.\d{{3}}", report), file
    assert re.search(r"recommendations scored >= 0.95: \d+, wrong: \d+", report)
    assert "cap: no learned answer term moves a logit by more than" in report


def test_held_out_calibration_meets_the_bar(tmp_path: Path) -> None:
    report = render_report(diagram_path=tmp_path / "r.svg")
    ece, _ = _value(report, "ECE")
    assert ece <= 0.05
    assert "outside +/-0.1" not in report
    assert "recommended approach not the top score among those not ruled out: 0" in report


def test_diagram_is_written_deterministically_and_the_committed_one_is_current(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    render_report(diagram_path=first)
    render_report(diagram_path=second)
    assert first.read_bytes() == second.read_bytes()
    svg = first.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<rect") >= 5 and "ECE" in svg
    assert DEFAULT_DIAGRAM.read_bytes() == first.read_bytes(), (
        "docs/reliability.svg is stale: run `advisor evaluate`"
    )


def test_report_accepts_an_explicit_artifact_path(tmp_path: Path) -> None:
    assert render_report(artifact_path=DEFAULT_ARTIFACT, diagram_path=None) == render_report(
        diagram_path=None)


def test_metric_helpers_on_a_small_example() -> None:
    truth = ["rag", "fine_tuning", "rag_and_fine_tuning", "prompt_engineering"]
    predicted = ["rag", "prompt_engineering", "rag_and_fine_tuning", "prompt_engineering"]
    matrix = confusion(truth=truth, predicted=predicted)
    assert sum(map(sum, matrix)) == 4 and matrix[2][0] == 1
    f1 = macro_f1(truth=truth, predicted=predicted)
    assert 0 < f1 < 1
    accept = [["rag"], ["fine_tuning", "prompt_engineering"], ["rag_and_fine_tuning"], ["rag"]]
    assert accuracy_accept(accept=accept, predicted=predicted) == 0.75
    perfect = [{"prompt_engineering": 0.0, "rag": 1.0, "fine_tuning": 0.0}]
    assert brier(truth=["rag"], scores=perfect) == 0.0
    assert log_loss(truth=["rag"], scores=perfect) < 1e-9
    both = [{"prompt_engineering": 0.0, "rag": 1.0, "fine_tuning": 1.0}]
    assert brier(truth=["rag_and_fine_tuning"], scores=both) == 0.0
    scores = [{"prompt_engineering": 0.1, "rag": 0.9, "fine_tuning": 0.5}]
    table = calibration(truth=["rag"], scores=scores)
    assert sum(row["n"] for row in table) == 3
    ece, bins = reliability(truth=["rag"], scores=scores)
    assert len(bins) == 10 and ece == (0.1 + 0.1 + 0.5) / 3
