"""Every route either declares the API-key dependency or is on the explicit list of open ones."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, routing
from fastapi.dependencies.models import Dependant

from service.api.deps import require_key
from service.config import Settings
from service.main import create_app

# The contract's protected endpoints (when ADVISOR_API_KEYS is set).
PROTECTED = {
    ("POST", "/assess"),
    ("GET", "/assessments"),
    ("GET", "/assessments/{assessment_id}"),
    ("POST", "/assessments/{assessment_id}/outcome"),
    ("GET", "/guidance/search"),
}
# Open on purpose: probes, metrics, the model card and verdict, Slack (signed instead), pages.
OPEN = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    ("GET", "/model"),
    ("POST", "/verdict"),
    ("POST", "/slack/events"),
    ("GET", "/"),
    ("GET", "/intake"),
    ("POST", "/intake"),
    ("GET", "/assessments/{assessment_id}/report"),  # open today; a later issue closes it
    ("GET", "/assessments/{assessment_id}/verdict"),  # a page, like the report
    ("POST", "/assessments/{assessment_id}/verdict"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
}


def needs_key(dependant: Dependant) -> bool:
    """True when require_key is anywhere in the route's dependency tree."""
    return any(d.call is require_key or needs_key(d) for d in dependant.dependencies)


def served_routes(app: FastAPI) -> Iterator[Any]:
    """Every route as served, with its included router's prefix and dependencies applied."""
    if hasattr(routing, "iter_route_contexts"):  # FastAPI resolves included routers lazily
        yield from routing.iter_route_contexts(app.routes)
    else:
        yield from app.routes


def test_every_route_requires_a_key_or_is_listed_open() -> None:
    app = create_app(settings=Settings(ADVISOR_API_KEYS="k"))
    protected, unprotected = set(), set()
    for route in served_routes(app):
        dependant = getattr(route, "dependant", None)
        keyed = dependant is not None and needs_key(dependant)
        for method in (route.methods or set()) - {"HEAD"}:
            (protected if keyed else unprotected).add((method, route.path))
    assert protected == PROTECTED
    assert unprotected == OPEN, "a new route must declare require_key or be listed as open"
