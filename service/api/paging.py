"""The list endpoint's cursor: an opaque token for (created_at, id) of a page's last item."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime

from fastapi import HTTPException

from models.document import AssessmentDocument

MAX_PAGE = 50  # documents are ~20 KB each: a page stays around 1 MB at most


def encode_cursor(*, doc: AssessmentDocument) -> str:
    """Where the next page starts (strictly older than this document)."""
    raw = json.dumps([doc.created_at, doc.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(*, cursor: str) -> tuple[str, str]:
    """(created_at, id) back from a cursor; anything else is a 422 naming the parameter."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, assessment_id = json.loads(raw)
        datetime.fromisoformat(created_at)
        if not isinstance(assessment_id, str) or len(assessment_id) > 64:
            raise ValueError("bad id")
    except (ValueError, TypeError, binascii.Error) as err:
        raise HTTPException(
            status_code=422,
            detail=[{"loc": ["query", "cursor"], "msg": "not a cursor from this list's `next`",
                     "type": "value_error"}],
        ) from err
    return created_at, assessment_id
