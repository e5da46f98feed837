"""Query rewriting: the user's words bridged to the collection's words, for both search sides.

Applied to questions only, never to indexed passages. Three steps, each traceable in notes:
shorthand replaced (synonyms.json, mode "replace"), bridges added as alternatives of the word
they explain (mode "add"), and unknown words matched to the collection's own vocabulary by
edit distance (rapidfuzz). The keyword text is whitespace-separated words; a word's
alternatives are joined by "|" and count once, by the best of them (service/db/search.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

SYNONYMS_FILE = Path(__file__).with_name("synonyms.json")
# Shorter words have too many neighbours one edit away to correct safely.
MIN_SPELL_LENGTH = 5
ONE_EDIT_UP_TO = 7
ALTERNATIVE = "|"
# Endings that make an inflected form of a kept word ("predicts", "phrased") kept too.
_ENDINGS = ("s", "es", "d", "ed", "ing", "ly", "er", "ers")
# Numbers stay whole ("0.83", ".72" read as "0.72"); words keep inner hyphens and apostrophes;
# "a/b" stays one word (the index holds it so) while "slack/discord" is two.
_TOKEN = re.compile(
    r"\b[^\W\d_]/[^\W\d_]\b|\d*\.\d+|\d+(?:[.,]\d+)*|[^\W\d_](?:\w|['’-](?=\w))*"
)
# British spellings the English stemmer keeps apart from the American ones most sources use
# ("customise" stems to "customis", "customize" to "custom"): the American form is added as
# an alternative, so a stray match ("advise" → "advize") finds nothing and costs nothing.
_AMERICAN = [(re.compile(pattern), american) for pattern, american in (
    (r"(?<=\w{3})is(e|es|ed|ing|er|ers|ation|ations)$", r"iz\1"),
    (r"(?<=\w{2}[ivlbnmd])our(s|ed|ing|ite|ites|able)?$", r"or\1"),
    (r"(?<=\w{2})ys(e|es|ed|ing)$", r"yz\1"),
    (r"(?<=\w{3})ogue(s)?$", r"og\1"),
    (r"(?<=\w{2})ell(ed|ing|er|ers)$", r"el\1"),
    (r"(?<=\w{2})([tb])re(s)?$", r"\1er\2"),
    (r"^(def|off|lic|pret)ence(s)?$", r"\1ense\2"),
)]


@dataclass(frozen=True)
class Synonym:
    """One reviewed entry of synonyms.json."""

    forms: tuple[str, ...]
    mode: Literal["replace", "add"]
    expand: str
    reason: str

    def pattern(self) -> re.Pattern[str]:
        """Any of the forms as whole words, case-insensitive."""
        return _form_pattern(self.forms)


@cache
def _form_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Compiled once per entry: every search rewrites its question against all of them."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w#&-])(?:{alternatives})(?![\w&-])", re.IGNORECASE)


def load_synonyms(*, path: Path = SYNONYMS_FILE) -> list[Synonym]:
    """The reviewed synonym map, replacements first so additions see their output."""
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    synonyms = [
        Synonym(forms=tuple(e["match"]), mode=e["mode"], expand=e["expand"], reason=e["reason"])
        for e in entries
    ]
    return sorted(synonyms, key=lambda s: s.mode != "replace")


def tokens(*, text: str) -> list[str]:
    """Words and whole numbers of a text, in order; a bare ".72" becomes "0.72"."""
    return [f"0{t}" if t.startswith(".") else t for t in _TOKEN.findall(text)]


def american(*, word: str) -> str | None:
    """The American spelling of a British one ("behaviour" → "behavior"), or None."""
    for pattern, replacement in _AMERICAN:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return None


class Vocabulary:
    """A collection's own words and in how many passages each occurs, for the spelling pass."""

    def __init__(self, *, counts: Mapping[str, int], keep: frozenset[str] = frozenset()) -> None:
        self.counts = {w.lower(): n for w, n in counts.items()}
        self.keep = keep  # real words that are never corrected, though the collection lacks them
        self._words = list(self.counts)
        self._seen: dict[str, str | None] = {}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.counts

    def __len__(self) -> int:
        return len(self.counts)

    def _kept(self, *, word: str) -> bool:
        """A kept word, or one of its inflections."""
        if word in self.keep:
            return True
        stems = (word[: -len(e)] for e in _ENDINGS if word.endswith(e))
        return any(s in self.keep or f"{s}e" in self.keep for s in stems)

    def correct(self, *, word: str) -> str | None:
        """The collection's word for an unknown one, or None.

        Only words of MIN_SPELL_LENGTH letters or more that are neither the collection's nor
        kept; one edit (a transposition counts as one) up to ONE_EDIT_UP_TO letters, two
        beyond; the first letter must agree (typos rarely hit it); ties go to the word found in
        more passages.
        """
        low = word.lower()
        if len(low) < MIN_SPELL_LENGTH or not low.isalpha() or low in self.counts:
            return None
        if low not in self._seen:
            self._seen[low] = None if self._kept(word=low) else self._nearest(word=low)
        return self._seen[low]

    def _nearest(self, *, word: str) -> str | None:
        """The closest collection word within the edit limit, same first letter."""
        limit = 1 if len(word) <= ONE_EDIT_UP_TO else 2
        found = process.extract(word, self._words, scorer=OSA.distance, score_cutoff=limit,
                                limit=None)
        candidates = [(dist, -self.counts[w], w) for w, dist, _ in found if w[0] == word[0]]
        return min(candidates)[2] if candidates else None


@dataclass(frozen=True)
class Rewrite:
    """A question as each search side reads it, and what was changed on the way."""

    keyword: str
    dense: str
    notes: list[str] = field(default_factory=list)


@dataclass
class _Draft:
    text: str
    extra: dict[str, list[str]] = field(default_factory=dict)  # word -> alternatives
    appended: list[list[str]] = field(default_factory=list)  # whole new words
    protected: set[str] = field(default_factory=set)  # synonym forms: never spell-corrected
    notes: list[str] = field(default_factory=list)


@cache
def _by_mode(synonyms: tuple[Synonym, ...], mode: str) -> tuple[re.Pattern[str] | None,
                                                                 dict[str, Synonym]]:
    """One pattern for every form of one mode (a question is scanned once), and its entries."""
    entries = {form: s for s in synonyms if s.mode == mode for form in s.forms}
    if not entries:
        return None, entries
    return _form_pattern(tuple(entries)), entries


def _apply_synonyms(*, draft: _Draft, synonyms: Sequence[Synonym]) -> None:
    """Replace shorthand in the text; then note additions for the words they explain."""
    noted: set[Synonym] = set()

    def note(form: str, synonym: Synonym) -> None:
        if synonym not in noted:
            noted.add(synonym)
            draft.notes.append(f"{form} → {synonym.expand} ({synonym.mode})")

    pattern, entries = _by_mode(tuple(synonyms), "replace")
    if pattern is not None:

        def replace(match: re.Match[str]) -> str:
            synonym = entries[match.group(0).lower()]
            note(match.group(0), synonym)
            return synonym.expand

        draft.text = pattern.sub(replace, draft.text)
    pattern, entries = _by_mode(tuple(synonyms), "add")
    for match in pattern.finditer(draft.text) if pattern is not None else ():
        synonym = entries[match.group(0).lower()]
        note(match.group(0), synonym)
        expansion = [t.lower() for t in tokens(text=synonym.expand)]
        words = [t.lower() for t in tokens(text=match.group(0))]
        draft.protected.update(words)
        if len(words) == 1:
            draft.extra.setdefault(words[0], []).extend(expansion)
        else:
            draft.appended.append(expansion)


def rewrite(
    *, text: str, synonyms: Sequence[Synonym], vocabulary: Vocabulary | None = None
) -> Rewrite:
    """The question for keyword search (words with alternatives) and for the embedding."""
    draft = _Draft(text=text)
    _apply_synonyms(draft=draft, synonyms=synonyms)
    dense = draft.text
    groups: list[list[str]] = []
    for token in tokens(text=draft.text):
        low = token.lower()
        group = [low, *draft.extra.get(low, [])]
        us = american(word=low)
        if us is not None:
            group.append(us)
            draft.notes.append(f"{token} → {us} (American spelling)")
        fixed = None
        if vocabulary is not None and low not in draft.protected:
            fixed = vocabulary.correct(word=low)
        if fixed is not None:
            group.append(fixed)
            draft.notes.append(f"{token} → {fixed} (spelling)")
            dense = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", fixed, dense, count=1)
        groups.append(list(dict.fromkeys(group)))
    groups.extend(draft.appended)
    keyword = " ".join(ALTERNATIVE.join(g) for g in groups)
    # The embedding reads the bridging words too: "invents facts (hallucinations)".
    bridges = [w for w in dict.fromkeys(
        [*(w for extra in draft.extra.values() for w in extra),
         *(w for words in draft.appended for w in words)]) if w not in dense.lower()]
    if bridges:
        dense = f"{dense} ({' '.join(bridges)})"
    return Rewrite(keyword=keyword, dense=dense, notes=draft.notes)
