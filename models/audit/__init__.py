"""Dataset audit: measure a training file before anyone trains on it (pure; no database).

`run_audit(train=..., eval=..., traffic=..., options=..., progress=...)` returns an
`AuditReport`; unreadable input raises `AuditInputError` naming the file, the line and the fix.
"""

from models.audit.engine import AuditRun, audit, run_audit
from models.audit.options import AuditOptions
from models.audit.reader import AuditInputError
from models.audit.report import AuditReport, Finding

__all__ = ["AuditInputError", "AuditOptions", "AuditReport", "AuditRun", "Finding", "audit",
           "run_audit"]
