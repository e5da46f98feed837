"""The audit package's public names resolve on first use (the engine loads only when asked)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import models.audit
from models.audit.engine import run_audit
from models.audit.options import AuditOptions


def test_public_names_are_the_modules_own() -> None:
    assert models.audit.run_audit is run_audit
    assert models.audit.AuditOptions is AuditOptions
    assert sorted(models.audit.__all__) == sorted(models.audit._HOME)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = models.audit.nothing


def test_the_service_starts_without_scipy_or_datasketch() -> None:
    """Importing the app pulls in neither (seconds on a busy machine); an audit or verdict does."""
    code = ("import sys, service.main; "
            "print(sorted(m for m in ('scipy', 'datasketch') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
