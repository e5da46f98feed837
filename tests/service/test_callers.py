"""ADVISOR_API_KEYS entries: names, scopes, plain keys, and the errors that name the entry."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from service.access import session_caller, session_token
from service.callers import ALL_SCOPES, Scope, match_key, parse_keys
from service.config import Settings


def test_named_scoped_and_plain_entries() -> None:
    entries = parse_keys(text="ci:assess+read=k-1, dash:read=k-2,ops=k-3, k-legacy, Zm9v==")
    by = {e.name: e for e in entries}
    assert by["ci"].scopes == {Scope.assess, Scope.read} and by["ci"].key == "k-1"
    assert by["dash"].scopes == {Scope.read}
    assert by["ops"].scopes == ALL_SCOPES
    plain = [e for e in entries if e.name.startswith("key-")]
    assert sorted(e.key for e in plain) == ["Zm9v==", "k-legacy"]  # padding stays in the key
    assert all(e.scopes == ALL_SCOPES for e in plain)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ci:write=k", "unknown scope 'write'"),
        ("a b=k", "caller name"),
        ("ci=k1, ci=k2", "share a caller name"),
    ],
)
def test_bad_entries_name_the_problem(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_keys(text=text)
    with pytest.raises(ValueError, match=problem):
        Settings(ADVISOR_API_KEYS=text)


def test_match_key_finds_the_entry_or_none() -> None:
    entries = parse_keys(text="a=k-a,b:read=k-b")
    assert match_key(presented="k-b", entries=entries).name == "b"  # type: ignore[union-attr]
    assert match_key(presented="k-c", entries=entries) is None
    assert match_key(presented=None, entries=entries) is None


def test_a_session_names_its_caller_until_the_key_changes_or_it_is_forged() -> None:
    settings = Settings(ADVISOR_API_KEYS="dana:read=k-1", ADVISOR_SESSION_SECRET=SecretStr("s"))
    token = session_token(entry=settings.key_entries[0], settings=settings)
    caller = session_caller(token=token, settings=settings)
    assert caller is not None and caller.name == "dana" and caller.scopes == {Scope.read}
    assert session_caller(token=token[:-2] + "xx", settings=settings) is None
    assert session_caller(token="garbage", settings=settings) is None
    rotated = Settings(ADVISOR_API_KEYS="dana:read=k-2", ADVISOR_SESSION_SECRET=SecretStr("s"))
    assert session_caller(token=token, settings=rotated) is None
    other_secret = Settings(ADVISOR_API_KEYS="dana:read=k-1", ADVISOR_SESSION_SECRET=SecretStr("t"))
    assert session_caller(token=token, settings=other_secret) is None
