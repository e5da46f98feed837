"""Interactive API docs served from the fastapi-offline package: no CDN, works with no network."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs/assets"
ASSETS_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
# Scripts only from here (no inline script); Swagger UI sets inline styles on its elements.
DOCS_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fine-tuning advisor: API docs</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="{assets}/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""
INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  showExtensions: true,
  persistAuthorization: false,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout"
});
"""

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
async def docs_page() -> HTMLResponse:
    """Swagger UI from the bundled assets."""
    return HTMLResponse(PAGE.format(assets=ASSETS_URL), headers=DOCS_HEADERS)


@router.get("/docs/init.js")
async def docs_init() -> Response:
    """The Swagger UI start-up, as a file so the CSP needs no inline script."""
    return Response(INIT, media_type="text/javascript", headers=DOCS_HEADERS)


def assets() -> StaticFiles:
    """The Swagger UI bundle and stylesheet from the installed package."""
    return StaticFiles(directory=ASSETS_DIR)
