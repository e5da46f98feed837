"""The report as Markdown, for a design doc or a ticket: the page's sections, in its order.

It reuses the page's view (service/web/view.py), so both read the same prepared values; only
the template differs. Every piece of text from the document is escaped, so a project name or
a passage cannot open a heading, a link or raw HTML in whatever renders the Markdown later.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2

from models.document import AssessmentDocument
from service.web import view
from service.web.pages import TEMPLATES_DIR, environment

ACTIVE = re.compile(r"([\\`*_\[\]<>#|~])")
PROJECTION_MONTHS = (0, 6, 12, 18, 24)


def md(value: object) -> str:
    """Inline text with Markdown's active characters escaped and line breaks folded."""
    return ACTIVE.sub(r"\\\1", " ".join(str(value).split()))


def run(value: object) -> str:
    """A run inside a line: escaped like `md`, but the spaces at its edges are kept."""
    text = str(value)
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md(text) + trail


def quote(value: object) -> str:
    """A passage as a block quote, its paragraphs kept apart."""
    paragraphs = [md(part) for part in re.split(r"\n\s*\n", str(value)) if part.strip()]
    return "\n>\n".join(f"> {paragraph}" for paragraph in paragraphs)


markdown = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=False,  # noqa: S701  (not HTML)
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
markdown.globals.update(environment.globals)
markdown.filters.update(md=md, cell=md, quote=quote, run=run)


def render(*, doc: AssessmentDocument, base_url: str, pending: bool = False,
           audit: dict[str, Any] | None = None) -> str:
    """The whole report as Markdown, links made absolute so they work outside the service."""
    context = view.context(doc=doc, pending=pending)
    months = doc.cost_projection.months if doc.cost_projection is not None else 0
    context.update(
        base_url=base_url.rstrip("/"),
        audit=audit,
        projection_months=sorted({m for m in PROJECTION_MONTHS if m <= months} | {months}),
    )
    text = markdown.get_template("report.md").render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
