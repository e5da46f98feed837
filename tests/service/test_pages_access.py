"""Finding 1: with keys set, pages need a signed session (or a trusted SSO proxy's user)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.config import Settings
from tests.conftest import LiveServer
from tests.support import answers

KEYS = "dana:read+assess=k-dana, ci:assess=k-ci, reader:read=k-reader"
SECRET_PROJECT = "Quarterly churn model (confidential)"


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[LiveServer]:
    settings = Settings(
        ADVISOR_DATA_DIR=Path(tmp_path_factory.mktemp("keyed")), ADVISOR_DATABASE_URL=database_url,
        ADVISOR_API_KEYS=KEYS, ADVISOR_INDEX_BUILTIN=False, ADVISOR_TRUSTED_PROXIES="127.0.0.1",
    )
    live = LiveServer(settings=settings).start()
    yield live
    live.stop()


@pytest.fixture
def http(keyed: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=keyed.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def stored_id(keyed: LiveServer) -> str:
    body = answers(project_name=SECRET_PROJECT, description="churn scoring from CRM exports")
    with httpx.Client(base_url=keyed.url, timeout=30) as client:
        made = client.post("/assess", json=body, headers={"x-api-key": "k-ci"})
    assert made.status_code == 200
    return str(made.json()["id"])


def sign_in(http: httpx.Client, *, key: str, next_path: str = "/") -> httpx.Response:
    return http.post("/login", data={"key": key, "next": next_path})


def test_pages_without_a_session_redirect_to_login_and_leak_nothing(
    http: httpx.Client, stored_id: str
) -> None:
    for path in ("/", f"/assessments/{stored_id}/report", "/intake"):
        response = http.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=/"), path
        assert SECRET_PROJECT not in response.text
    posted = http.post("/intake", data=answers())
    assert posted.status_code == 303 and posted.headers["location"] == "/login?next=/intake"
    assert http.get(f"/assessments/{stored_id}").status_code == 401


def test_login_sets_a_signed_httponly_samesite_cookie(http: httpx.Client, stored_id: str) -> None:
    form = http.get("/login?next=/")
    assert form.status_code == 200 and 'name="key"' in form.text
    wrong = sign_in(http, key="k-nope")
    assert wrong.status_code == 401 and "not valid" in wrong.text
    report = f"/assessments/{stored_id}/report"
    ok = sign_in(http, key="k-dana", next_path=report)
    assert ok.status_code == 303 and ok.headers["location"] == report
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "advisor_session=" in cookie
    page = http.get(report)
    assert page.status_code == 200 and SECRET_PROJECT in page.text
    assert "Sign out (dana)" in page.text
    assert SECRET_PROJECT in http.get("/").text
    # The report's "as JSON" link: a session may read the JSON routes with GET ...
    assert http.get(f"/assessments/{stored_id}").json()["id"] == stored_id
    # ... but writing through the API still needs a key.
    assert http.post("/assess", json=answers()).status_code == 401
    out = http.post("/logout")
    assert out.status_code == 303
    http.cookies.clear()
    assert http.get(report).status_code == 303


def test_a_forged_or_foreign_cookie_is_not_a_session(http: httpx.Client) -> None:
    http.cookies.set("advisor_session", "eyJuIjoiZGFuYSJ9.forged.sig")
    assert http.get("/").status_code == 303


def test_login_only_returns_to_this_site(http: httpx.Client) -> None:
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = sign_in(http, key="k-dana", next_path=target)
        assert response.headers["location"] == "/", target


def test_scopes_decide_what_a_caller_may_do(http: httpx.Client, stored_id: str) -> None:
    reader = {"x-api-key": "k-reader"}
    refused = http.post("/assess", json=answers(), headers=reader)
    assert refused.status_code == 403 and "'assess'" in refused.json()["detail"]
    assert http.get(f"/assessments/{stored_id}", headers=reader).status_code == 200
    writer = {"x-api-key": "k-ci"}
    assert http.get("/assessments", headers=writer).status_code == 403
    sign_in(http, key="k-ci")
    forbidden = http.get("/")
    assert forbidden.status_code == 403 and "read" in forbidden.text
    assert http.get("/intake").status_code == 200


def test_sso_proxy_user_is_believed_only_from_a_trusted_address(
    keyed: LiveServer, http: httpx.Client, stored_id: str, tmp_path: Path, database_url: str
) -> None:
    proxied = http.get("/", headers={"x-forwarded-user": "erin@example.com"})
    assert proxied.status_code == 200 and SECRET_PROJECT in proxied.text
    untrusting = LiveServer(settings=Settings(
        ADVISOR_DATA_DIR=tmp_path, ADVISOR_DATABASE_URL=database_url, ADVISOR_API_KEYS=KEYS,
        ADVISOR_INDEX_BUILTIN=False,
    )).start()
    try:
        with httpx.Client(base_url=untrusting.url, timeout=30) as other:
            spoofed = other.get("/", headers={"x-forwarded-user": "erin@example.com"})
            assert spoofed.status_code == 303
    finally:
        untrusting.stop()
