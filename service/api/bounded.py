"""Validation that stays cheap for hostile bodies: unknown keys refused before the schema runs,
and every 422 capped in number and size (no body can buy seconds of CPU or megabytes back)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

MAX_ERRORS = 20
MAX_TEXT = 200


def _clip(value: Any) -> Any:
    """Keys and messages can be attacker-sized; keep each under MAX_TEXT characters."""
    text = value if isinstance(value, str) else None
    if text is not None and len(text) > MAX_TEXT:
        return text[: MAX_TEXT - 1] + "…"
    return value


def capped_errors(*, errors: list[dict[str, Any]], total: int) -> list[dict[str, Any]]:
    """The first MAX_ERRORS errors with clipped locations and messages, then how many more."""
    detail = [
        {
            "loc": [_clip(part) for part in err.get("loc", ())][:10],
            "msg": _clip(str(err.get("msg", ""))),
            "type": _clip(err.get("type")),
        }
        for err in errors[:MAX_ERRORS]
    ]
    if total > MAX_ERRORS:
        detail.append({"loc": ["body"], "msg": f"{total - MAX_ERRORS} more errors not shown; "
                       "fix these first", "type": "too_many_errors"})
    return detail


class TooManyUnknownKeys(RequestValidationError):
    """Raised before validation; carries how many keys were unknown in all."""

    def __init__(self, *, errors: list[dict[str, Any]], total: int) -> None:
        super().__init__(errors)
        self.total = total


async def invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """422 with each field's location and message; the offending input is not echoed back."""
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    total = getattr(exc, "total", len(errors))
    return JSONResponse(
        status_code=422, content={"detail": capped_errors(errors=errors, total=total)}
    )


def _body_model(request: Request) -> type[BaseModel] | None:
    route = request.scope.get("route")
    field = getattr(route, "body_field", None)
    annotation = getattr(getattr(field, "field_info", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _known_keys(model: type[BaseModel]) -> set[str]:
    keys = set()
    for name, info in model.model_fields.items():
        keys.add(name)
        if info.alias:
            keys.add(info.alias)
    return keys


async def bounded_body(request: Request) -> None:
    """Before the schema runs: a JSON object with more unknown keys than we would report is
    refused at once with the first few named (the 1 MB unknown-keys /verdict body)."""
    model = _body_model(request)
    if model is None or model.model_config.get("extra") != "forbid":
        return
    try:
        body = await request.json()  # already parsed and cached by FastAPI
    except Exception:  # FastAPI has answered undecodable bodies before dependencies run
        return
    if not isinstance(body, dict) or len(body) <= MAX_ERRORS:
        return
    unknown = [key for key in body if key not in _known_keys(model)]
    if len(unknown) <= MAX_ERRORS:
        return
    errors = [
        {"loc": ("body", key), "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
        for key in unknown[:MAX_ERRORS]
    ]
    raise TooManyUnknownKeys(errors=errors, total=len(unknown))
