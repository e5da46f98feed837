"""Generated datasets with planted defects, audited once per session (development phrasebook;
the held-out phrasebook has its own module and is never used to pick a threshold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.audit.synthetic import NO_DEFECTS
from tests.models.audit.audit_support import Audited, build


@pytest.fixture(scope="session")
def audit_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audit")


@pytest.fixture(scope="session")
def dev_mixed(audit_dir: Path) -> Audited:
    """8,000 examples, the three formats mixed line by line, plus a leaky eval file."""
    return build(folder=audit_dir, name="dev_mixed", n=8000, seed=11, eval_n=1500)


@pytest.fixture(scope="session", params=["chat", "prompt_completion", "instruction"])
def dev_format(request: pytest.FixtureRequest, audit_dir: Path) -> Audited:
    """One file per format."""
    fmt = request.param
    return build(folder=audit_dir, name=f"dev_{fmt}", n=3000, seed=21, formats=(fmt,))


@pytest.fixture(scope="session")
def defect_free(audit_dir: Path) -> Audited:
    """3,000 examples without any planted defect, and an eval file that leaks nothing."""
    return build(folder=audit_dir, name="clean", n=3000, seed=31, rates=NO_DEFECTS, eval_n=500,
                 leak_share=0.0)
