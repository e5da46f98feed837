"""Who is calling: named API keys with scopes, parsed once from ADVISOR_API_KEYS.

An entry is `[name[:scope+scope...]=]key`, entries separated by commas:

    ADVISOR_API_KEYS="ci:assess+read=k-9f2c, dashboards:read=k-77aa, ops=k-0b1d, k-legacy"

A plain key (no `=` but trailing padding) is still accepted; it is named `key-` plus a short
hash of itself and, like an entry without scopes, may do everything. Keys are compared in
constant time.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from dataclasses import dataclass


class Scope(enum.StrEnum):
    """What a caller may do."""

    read = "read"  # stored assessments: one by id, the list, the pages that show them
    assess = "assess"  # create assessments (POST /assess, the intake form)
    outcomes = "outcomes"  # record what a team measured after an assessment


ALL_SCOPES = frozenset(Scope)
NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


@dataclass(frozen=True)
class Caller:
    """An identified caller; `via` says how it proved who it is (key, session, proxy, open)."""

    name: str
    scopes: frozenset[Scope]
    via: str

    def may(self, scope: Scope) -> bool:
        """Whether this caller holds a scope."""
        return scope in self.scopes


@dataclass(frozen=True)
class KeyEntry:
    """One configured key and the caller it stands for."""

    name: str
    scopes: frozenset[Scope]
    key: str

    @property
    def fingerprint(self) -> str:
        """A short, non-reversible tag of the key (sessions die when their key is removed)."""
        return hashlib.sha256(b"advisor-key\0" + self.key.encode()).hexdigest()[:16]

    def caller(self, *, via: str) -> Caller:
        """The caller this key identifies."""
        return Caller(name=self.name, scopes=self.scopes, via=via)


ANONYMOUS = Caller(name="anonymous", scopes=ALL_SCOPES, via="open")


def parse_scopes(*, text: str, where: str) -> frozenset[Scope]:
    """`read+assess` → {read, assess}; an unknown scope names the entry and the known ones."""
    scopes = set()
    for part in text.split("+"):
        word = part.strip()
        if word not in Scope.__members__:
            known = ", ".join(s.value for s in Scope)
            raise ValueError(f"{where}: unknown scope {word!r}; expected {known}")
        scopes.add(Scope(word))
    return frozenset(scopes)


def _entry(*, raw: str, index: int) -> KeyEntry:
    where = f"ADVISOR_API_KEYS entry {index}"
    if "=" not in raw.rstrip("="):  # a plain key (base64 padding is part of the key)
        digest = hashlib.sha256(raw.encode()).hexdigest()[:8]
        return KeyEntry(name=f"key-{digest}", scopes=ALL_SCOPES, key=raw)
    label, key = (part.strip() for part in raw.split("=", 1))
    name, _, scope_text = label.partition(":")
    if not NAME.match(name):
        raise ValueError(f"{where}: a caller name is 1-64 of A-Z a-z 0-9 . _ @ -")
    scopes = parse_scopes(text=scope_text, where=where) if scope_text else ALL_SCOPES
    return KeyEntry(name=name, scopes=scopes, key=key)


def parse_keys(*, text: str | None) -> tuple[KeyEntry, ...]:
    """Every entry of ADVISOR_API_KEYS; blank entries are skipped, duplicate names refused."""
    raws = [part.strip() for part in (text or "").split(",")]
    entries = tuple(_entry(raw=raw, index=i) for i, raw in enumerate(raws, start=1) if raw)
    names = [entry.name for entry in entries]
    if len(set(names)) != len(names):
        raise ValueError("ADVISOR_API_KEYS: two entries share a caller name")
    return entries


def match_key(*, presented: str | None, entries: tuple[KeyEntry, ...]) -> KeyEntry | None:
    """The entry whose key was presented, compared in constant time against every key."""
    if presented is None:
        return None
    given = presented.encode()
    found: KeyEntry | None = None
    for entry in entries:
        if hmac.compare_digest(given, entry.key.encode()):
            found = entry
    return found


def by_name(*, name: str, entries: tuple[KeyEntry, ...]) -> KeyEntry | None:
    """The entry with this caller name (a session names its caller)."""
    return next((entry for entry in entries if entry.name == name), None)
