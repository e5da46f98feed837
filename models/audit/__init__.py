"""Dataset audit: measure a training file before anyone trains on it (pure; no database).

`run_audit(train=..., eval=..., traffic=..., options=..., progress=...)` returns an
`AuditReport`; unreadable input raises `AuditInputError` naming the file, the line and the fix.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.audit.engine import AuditRun, audit, run_audit
    from models.audit.options import AuditOptions
    from models.audit.reader import AuditInputError
    from models.audit.report import AuditReport, Finding

# Imported on first use: the engine pulls in datasketch and scipy (seconds on a busy machine),
# which a server that only reads audit documents at start does not need.
_HOME = {"AuditRun": "engine", "audit": "engine", "run_audit": "engine",
         "AuditOptions": "options", "AuditInputError": "reader", "AuditReport": "report",
         "Finding": "report"}


def __getattr__(name: str) -> Any:
    """The public names, each from its module, imported when first asked for."""
    if name not in _HOME:
        raise AttributeError(f"module 'models.audit' has no attribute {name!r}")
    return getattr(importlib.import_module(f"models.audit.{_HOME[name]}"), name)


__all__ = ["AuditInputError", "AuditOptions", "AuditReport", "AuditRun", "Finding", "audit",
           "run_audit"]
