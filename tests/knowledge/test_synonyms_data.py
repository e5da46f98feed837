"""The query synonym map is reviewable data: every entry well formed, no form listed twice."""

from __future__ import annotations

import json
from collections import Counter

from tests.conftest import REPO

SYNONYMS = REPO / "knowledge" / "synonyms.json"


def test_every_entry_is_complete_and_each_form_is_listed_once() -> None:
    entries = json.loads(SYNONYMS.read_text(encoding="utf-8"))["entries"]
    assert 30 <= len(entries) <= 130
    for entry in entries:
        assert set(entry) - {"example"} == {"match", "mode", "expand", "reason"}, entry
        assert entry["mode"] in {"replace", "add"}, entry
        assert entry["match"] and all(m == m.lower().strip() and m for m in entry["match"]), entry
        assert entry["expand"].strip() and "\n" not in entry["reason"] and entry["reason"], entry
        assert entry["expand"].lower() not in entry["match"], entry
        if "example" in entry:
            assert set(entry["example"]) == {"collection", "q"}, entry
            assert entry["example"]["collection"] in {"seeds", "builtin"}, entry
    forms = Counter(m for entry in entries for m in entry["match"])
    assert not [m for m, n in forms.items() if n > 1]
