"""The held-out phrasebook: other domains, phrasing, boilerplate and PII formats, never used to
choose a threshold. The bars measured on the development phrasebook must hold here too."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.audit.synthetic import NO_DEFECTS
from models.questionnaire import DataQuality
from tests.models.audit.audit_support import Audited, build, shortfalls, usable_error


@pytest.fixture(scope="module")
def heldout(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    return build(folder=tmp_path_factory.mktemp("heldout"), name="heldout", n=8000, seed=101,
                 config="heldout", eval_n=1500)


def test_every_finding_meets_the_bar(heldout: Audited) -> None:
    assert shortfalls(heldout) == []


def test_usable_count_within_three_percent(heldout: Audited) -> None:
    assert usable_error(heldout) <= 0.03


def test_defect_free_heldout_file_is_clean(tmp_path: Path) -> None:
    clean = build(folder=tmp_path, name="clean", n=2000, seed=103, config="heldout",
                  rates=NO_DEFECTS)
    assert clean.run.report.findings == []
    assert clean.run.report.data_quality is DataQuality.clean
