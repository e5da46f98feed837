"""The Slack app manifest points every request at /slack/events and asks for two scopes only."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_manifest_routes_and_scopes() -> None:
    manifest = yaml.safe_load((REPO / "slack" / "manifest.yaml").read_text(encoding="utf-8"))
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == "/advisor"
    assert command["url"].startswith("https://") and command["url"].endswith("/slack/events")
    interactivity = manifest["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    assert interactivity["request_url"] == command["url"]
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == ["chat:write", "commands"]
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert len(manifest["display_information"]["name"]) <= 35
    assert len(manifest["features"]["bot_user"]["display_name"]) <= 80


def test_install_guide_points_at_the_manifest_and_the_variables() -> None:
    guide = (REPO / "docs" / "slack.md").read_text(encoding="utf-8")
    for needle in ("slack/manifest.yaml", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN",
                   "ADVISOR_PUBLIC_URL", "/slack/events"):
        assert needle in guide
