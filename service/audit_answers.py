"""A questionnaire's `dataset_audit_id`: the stored audit it names, or an error that names the
field and the fix (422 from the API, beside the field on the form, a note in Slack)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from models.audit.document import AuditDocument
from models.questionnaire import Questionnaire
from service.db import audits
from service.supervisor import Supervisor

FIELD = "dataset_audit_id"


class AuditReferenceError(ValueError):
    """The audit an answer names cannot be used."""

    def __init__(self, *, message: str) -> None:
        super().__init__(message)
        self.message = message

    def detail(self) -> list[dict[str, Any]]:
        """The API's 422 shape."""
        return [{"loc": ["body", FIELD], "msg": self.message, "type": "unknown_audit"}]


def unknown(*, audit_id: str) -> AuditReferenceError:
    """No stored audit has this id."""
    return AuditReferenceError(message=(
        f"{FIELD}: no dataset audit with id {audit_id!r}; audit the training file first "
        "(POST /datasets/audit or the Audit a dataset page) and use the id it returns, or leave "
        f"{FIELD} out"))


NEEDS_DATABASE = AuditReferenceError(message=(
    f"{FIELD} needs the database, where audits are stored: assess with guidance (without "
    f"--no-guidance), or leave {FIELD} out"))


async def referenced_audit(*, questionnaire: Questionnaire,
                           supervisor: Supervisor) -> AuditDocument | None:
    """The audit the questionnaire names (None when it names none); AuditReferenceError when no
    audit has that id. A database that does not answer raises as usual (503)."""
    audit_id = questionnaire.dataset_audit_id
    if audit_id is None:
        return None
    doc = await supervisor.run(lambda conn: audits.fetch(conn, audit_id=audit_id))
    if doc is None:
        raise unknown(audit_id=audit_id)
    return doc


async def unusable_audit(request: Request, exc: Exception) -> JSONResponse:
    """The app's answer to AuditReferenceError: 422 naming the field."""
    assert isinstance(exc, AuditReferenceError)
    return JSONResponse(status_code=422, content={"detail": exc.detail()})
