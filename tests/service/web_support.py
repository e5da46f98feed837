"""Shared helpers for the web tests: a tiny HTML inspector and the base answers as form text."""

from __future__ import annotations

from html.parser import HTMLParser

from service.web.view import form_value
from tests.support import FULL_ANSWERS

# The full base questionnaire as the form submits it: every value a string.
FORM_ANSWERS: dict[str, str] = {
    name: text for name, value in FULL_ANSWERS.items()
    if (text := form_value(value=value)) is not None
}
FORM_ANSWERS["dataset_audit_id"] = ""  # the form shows the audit reference empty (unknown)


class Elements(HTMLParser):
    """Every start tag with its attributes, plus text by element id, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if tag not in {"input", "br", "meta", "col", "img", "link", "rect"}:
            self._open.append(values.get("id"))
            if values.get("id"):
                self.text[values["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"input", "br", "meta", "col", "img", "link", "rect"} and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self._open:
            if element_id:
                self.text[element_id] += data

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, str]]:
        """Attributes of each matching start tag."""
        return [a for t, a in self.tags
                if (tag is None or t == tag) and all(a.get(k) == v for k, v in attrs.items())]

    def controls(self) -> list[dict[str, str]]:
        """Form controls that carry a name, in document order."""
        return [dict(a, tag=t) for t, a in self.tags
                if t in {"input", "select", "textarea"} and a.get("name")]

    def selected(self, *, select_id: str) -> str | None:
        """The value of the selected option in one select."""
        inside = False
        for tag, attrs in self.tags:
            if tag == "select":
                inside = attrs.get("id") == select_id
            elif tag == "option" and inside and "selected" in attrs:
                return attrs.get("value", "")
        return None
