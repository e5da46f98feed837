"""Audits of generated files whose defects are known line by line (development phrasebook)."""

from __future__ import annotations

import pytest

from models.audit import AuditReport
from models.audit.findings import SOURCES
from models.audit.synthetic import Planted
from models.questionnaire import DataQuality
from models.seeds import SEED_SECTIONS, parse_citations
from tests.models.audit.audit_support import Audited, scores, shortfalls, usable_error


def test_every_finding_meets_the_bar_on_a_mixed_file(dev_mixed: Audited) -> None:
    assert shortfalls(dev_mixed) == []
    assert {fid for fid, (n, _, _) in scores(dev_mixed).items() if n} >= {
        "F-MALFORMED", "F-ROLE", "F-EMPTY", "F-DUPLICATE", "F-NEAR-DUPLICATE", "F-CONFLICT",
        "F-PII", "F-REPETITIVE", "F-LEAKAGE"}


def test_usable_count_within_three_percent(dev_mixed: Audited) -> None:
    assert usable_error(dev_mixed) <= 0.03


def test_counts_add_up(dev_mixed: Audited) -> None:
    report, planted = dev_mixed.run.report, dev_mixed.train
    assert report.examples == planted.examples  # blank lines are not examples
    assert report.valid_examples == planted.valid
    assert report.format in report.formats and sum(report.formats.values()) == planted.valid
    assert report.data_quality is DataQuality.noisy
    assert "F-CONFLICT" in report.data_quality_reason


@pytest.mark.parametrize("fid", ["F-DUPLICATE", "F-CONFLICT", "F-LEAKAGE", "F-PII"])
def test_lines_are_the_first_twenty_flagged(dev_mixed: Audited, fid: str) -> None:
    finding = next(f for f in dev_mixed.run.report.findings if f.id == fid)
    every = dev_mixed.run.lines[fid].tolist()
    assert finding.lines == every[:20] and finding.count == len(every)
    assert all(line >= 1 for line in every) and every == sorted(every)


def test_findings_name_a_fix_and_a_real_seed_section(dev_mixed: Audited) -> None:
    for f in dev_mixed.run.report.findings:
        assert f.source == SOURCES[f.id]
        for seed, section in parse_citations(source=f.source):
            assert section in SEED_SECTIONS[seed]
        assert f"{f.count:,}" in f.message
        assert any(verb in f.message for verb in ("Drop", "drop", "Remove", "Keep", "Fix", "Use",
                                                  "Vary", "Decide", "Write", "Sample"))


def test_report_round_trips_as_json(dev_mixed: Audited) -> None:
    report = dev_mixed.run.report
    assert AuditReport.model_validate_json(report.model_dump_json()) == report


def test_each_format_alone(dev_format: Audited) -> None:
    report = dev_format.run.report
    (fmt,) = set(report.formats)
    assert report.format == fmt
    assert shortfalls(dev_format) == []
    assert usable_error(dev_format) <= 0.03


def test_role_confusion_is_only_reported_for_chat(dev_format: Audited) -> None:
    roles = dev_format.run.lines["F-ROLE"]
    assert (len(roles) > 0) == (dev_format.run.report.format == "chat")


def test_a_defect_free_file_is_clean_with_no_findings(defect_free: Audited) -> None:
    report = defect_free.run.report
    assert report.findings == []
    assert report.data_quality is DataQuality.clean, report.data_quality_reason
    assert report.usable_examples == report.valid_examples == report.examples == 3000
    assert report.eval is not None and report.eval.leaked == 0


def test_structured_outputs_are_measured(dev_format: Audited) -> None:
    outputs = dev_format.run.report.json_outputs
    planted: Planted = dev_format.train
    assert 0 < outputs.checked <= planted.valid
    if dev_format.run.report.format == "instruction":
        assert 0.15 < outputs.share < 0.5 and not outputs.most_parse
