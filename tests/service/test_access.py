"""Every route declares who may call it (an API scope or a page scope) or is listed as open."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, routing
from fastapi.dependencies.models import Dependant

from service.api.deps import RequireScope, get_caller
from service.config import Settings
from service.main import create_app
from service.web.gate import PageScope

# The contract's protected endpoints (when ADVISOR_API_KEYS is set), with their scopes.
API = {
    ("POST", "/assess"): "assess",
    ("GET", "/assessments"): "read",
    ("GET", "/assessments/{assessment_id}"): "read",
    ("GET", "/guidance/search"): "read",
    ("POST", "/datasets/audit"): "assess",
    ("GET", "/datasets/audits/{audit_id}"): "read",
}
# Identified (any key) but not scope-checked here: the outcome route checks its caller itself.
IDENTIFIED = {("POST", "/assessments/{assessment_id}/outcome")}
# Pages: a signed session (or an SSO proxy's user) with the scope.
PAGES = {
    ("GET", "/"): "read",
    ("GET", "/assessments/{assessment_id}/report"): "read",
    ("GET", "/assessments/{assessment_id}/report.md"): "read",  # the report, as Markdown
    ("GET", "/intake"): "assess",
    ("POST", "/intake"): "assess",
    ("GET", "/assessments/{assessment_id}/verdict"): "read",
    ("POST", "/assessments/{assessment_id}/verdict"): "read",
    ("GET", "/audit"): "assess",
    ("POST", "/audit"): "assess",
    ("GET", "/datasets/audits/{audit_id}/report"): "read",
}
# Open on purpose: probes, metrics, the model card and verdict, Slack (signed instead), docs,
# and the sign-in pages themselves.
OPEN = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    ("GET", "/model"),
    ("POST", "/verdict"),
    ("POST", "/slack/events"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/init.js"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
}


def scopes_in(dependant: Dependant) -> set[str]:
    """Every scope a RequireScope or PageScope anywhere in the tree demands (prefixed)."""
    found = set()
    for dep in dependant.dependencies:
        if isinstance(dep.call, RequireScope):
            found.add(f"api:{dep.call.scope.value}")
        if isinstance(dep.call, PageScope):
            found.add(f"page:{dep.call.scope.value}")
        if dep.call is get_caller:
            found.add("identified")
        found |= scopes_in(dep)
    return found


def served_routes(app: FastAPI) -> Iterator[Any]:
    """Every route as served, with its included router's prefix and dependencies applied."""
    if hasattr(routing, "iter_route_contexts"):  # FastAPI resolves included routers lazily
        yield from routing.iter_route_contexts(app.routes)
    else:
        yield from app.routes


def test_every_route_declares_its_scope_or_is_listed_open() -> None:
    app = create_app(settings=Settings(ADVISOR_API_KEYS="k"))
    seen: dict[tuple[str, str], set[str]] = {}
    for route in served_routes(app):
        dependant = getattr(route, "dependant", None)
        for method in (getattr(route, "methods", None) or set()) - {"HEAD"}:
            seen[(method, route.path)] = scopes_in(dependant) if dependant else set()
    for key, scope in API.items():
        assert f"api:{scope}" in seen.pop(key), key
    for key, scope in PAGES.items():
        assert seen.pop(key) == {f"page:{scope}"}, key
    for key in IDENTIFIED:
        assert "identified" in seen.pop(key), key
    assert {key for key, found in seen.items() if not found} == OPEN
    assert set(seen) == OPEN, "a new route must declare a scope or be listed as open"
