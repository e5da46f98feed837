"""The held-out report shows every metric beside the rules-only baseline."""

from __future__ import annotations

from models.advisor import DEFAULT_ARTIFACT, Advisor
from models.evaluation import render_report
from models.metrics import brier, calibration, confusion, macro_f1


def test_report_lists_each_metric_beside_the_baseline() -> None:
    report = render_report()
    stored = Advisor.load().artifact["metrics"]["holdout"]
    lines = {line.split("  ")[0].strip(): line for line in report.splitlines()}
    for name, key, digits in (("accuracy", "accuracy", 3), ("macro-F1", "macro_f1", 3)):
        line = lines[name]
        assert f"{stored['model'][key]:.{digits}f}" in line
        assert f"{stored['rules_only'][key]:.{digits}f}" in line
    brier_line = next(line for line in report.splitlines() if line.startswith("Brier"))
    assert f"{stored['model']['brier']:.4f}" in brier_line
    assert f"{stored['rules_only']['brier']:.4f}" in brier_line
    assert "Confusion matrix" in report and "Calibration" in report
    assert report.count("rules-only") >= 2


def test_report_accepts_an_explicit_artifact_path() -> None:
    assert render_report(artifact_path=DEFAULT_ARTIFACT) == render_report()


def test_metric_helpers_on_a_small_example() -> None:
    truth = ["rag", "fine_tuning", "rag_and_fine_tuning", "prompt_engineering"]
    predicted = ["rag", "prompt_engineering", "rag_and_fine_tuning", "prompt_engineering"]
    matrix = confusion(truth=truth, predicted=predicted)
    assert sum(map(sum, matrix)) == 4 and matrix[2][0] == 1
    f1 = macro_f1(truth=truth, predicted=predicted)
    assert 0 < f1 < 1
    perfect = [{"prompt_engineering": 0.0, "rag": 1.0, "fine_tuning": 0.0}]
    assert brier(truth=["rag"], scores=perfect) == 0.0
    both = [{"prompt_engineering": 0.0, "rag": 1.0, "fine_tuning": 1.0}]
    assert brier(truth=["rag_and_fine_tuning"], scores=both) == 0.0
    table = calibration(truth=["rag"], scores=[{"prompt_engineering": 0.1, "rag": 0.9,
                                                "fine_tuning": 0.5}])
    assert sum(row["n"] for row in table) == 3
