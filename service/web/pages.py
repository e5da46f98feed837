"""What every HTML page shares: the template environment, security headers and small helpers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from service.state import AppState
from service.web import report

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
ASSESSMENT_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
# A valid HTML floating-point number; anything else would be blanked by <input type=number>.
HTML_NUMBER = re.compile(r"^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$")
# Pages load nothing from elsewhere: inline styles only, no scripts, forms post back here.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline';"
    " img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}

environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, trim_blocks=True,
    lstrip_blocks=True, undefined=jinja2.ChainableUndefined,
)
environment.globals.update(
    label=lambda key: report.label(key=key),
    display=lambda value: report.display(value=value),
    humanize=lambda key: report.humanize(key=key),
    answer=lambda field, value: report.answer_text(field=str(field), value=value),
    numeric_ok=lambda text: not text or bool(HTML_NUMBER.match(text.strip())),
)
templates = Jinja2Templates(env=environment)


def state_of(*, request: Request) -> AppState:
    """The lifespan state of this request."""
    state: AppState = request.state.app
    return state


def page(
    *, request: Request, name: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """Render a template with the headers every page carries."""
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def message_page(*, request: Request, heading: str, message: str, status: int) -> HTMLResponse:
    """A short page for not-found and unavailable answers."""
    return page(request=request, name="message.html", status=status,
                context={"heading": heading, "message": message})
