"""The audit document: what POST /datasets/audit answers, what is stored, and what `advisor audit
--json` prints. The engine's report plus which audit this is and which files it read."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from models.audit.report import EXAMPLE, AuditReport, example

NAME_CHARS = 200


class AuditFile(BaseModel):
    """One input file as the caller named it; the data itself is never kept."""

    model_config = ConfigDict(extra="forbid", **example("files", "train"))

    name: str | None = Field(default=None, description="the uploaded file's name, if it had one")
    bytes: int = Field(ge=0)


class _AuditIdentity(BaseModel):
    """Which audit this is: the document's first fields."""

    id: str | None = Field(description="the stored audit's id; null from `advisor audit`, which "
                                       "stores nothing")
    created_at: str


class AuditDocument(AuditReport, _AuditIdentity):
    """The contract's audit fields (id, format, examples, valid_examples, usable_examples,
    data_quality, data_quality_reason, findings) and the measurements behind them."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE]})

    files: dict[str, AuditFile] = Field(description="train, and eval and traffic when given")

    @classmethod
    def build(cls, *, report: AuditReport, audit_id: str | None,
              files: dict[str, AuditFile]) -> AuditDocument:
        """The report under an id (None when nothing is stored) and a creation time."""
        return cls(id=audit_id, created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
                   **dict(report), files=files)

    def to_json(self) -> str:
        """One serialisation for the answer and the stored copy."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False)


def file_name(name: str | None) -> str | None:
    """A caller's file name made safe to show and store: no control characters, clipped."""
    if not name:
        return None
    clean = "".join(ch if ch.isprintable() else "\ufffd" for ch in name).strip()
    return clean[:NAME_CHARS] or None
