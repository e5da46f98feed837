"""Dataset audits for every channel (API, page, CLI): run the engine on the files, add the
excerpts, build the document. The service runs at most `ADVISOR_AUDIT_SLOTS` audits at once;
one more is refused at once (AuditBusy → 503 with Retry-After) instead of queueing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from models.audit.document import AuditDocument, AuditFile
from models.audit.excerpts import add_excerpts
from models.audit.options import AuditOptions
from models.audit.reader import Source

RETRY_AFTER_S = 30


class AuditBusy(RuntimeError):
    """Every audit slot is taken."""


@dataclass
class AuditInputs:
    """The files of one audit (paths or open binary streams) and how the caller named them."""

    train: Source
    eval: Source | None = None
    traffic: Source | None = None
    files: dict[str, AuditFile] = field(default_factory=dict)


def audit_files(*, inputs: AuditInputs, options: AuditOptions, audit_id: str | None,
                progress: Callable[[int], None] | None = None) -> AuditDocument:
    """The audit document of the inputs; raises AuditInputError for unreadable input."""
    from models.audit.engine import run_audit  # datasketch and scipy: only when an audit runs

    report = run_audit(train=inputs.train, eval=inputs.eval, traffic=inputs.traffic,
                       options=options, progress=progress)
    add_excerpts(report=report, train=inputs.train, eval=inputs.eval)
    return AuditDocument.build(report=report, audit_id=audit_id, files=inputs.files)


class Auditor:
    """The service's audit runner: a fixed number of slots and worker processes per audit."""

    def __init__(self, *, slots: int, workers: int) -> None:
        self.slots = threading.BoundedSemaphore(slots)
        self.workers = workers

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one slot for the length of an audit, or raise AuditBusy without waiting."""
        if not self.slots.acquire(blocking=False):
            raise AuditBusy(f"every audit slot is busy; retry in about {RETRY_AFTER_S} s")
        try:
            yield
        finally:
            self.slots.release()

    def options(self, *, context_limit: int | None = None) -> AuditOptions:
        """The engine's options for one request."""
        if context_limit is None:
            return AuditOptions(workers=self.workers)
        return AuditOptions(workers=self.workers, context_limit=context_limit)
