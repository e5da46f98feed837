"""Words, shingles and phrase fingerprints, hashed the same way in every process and every run.

Words are runs of letters, digits or underscores, lower-cased; so punctuation and case changes
do not separate near duplicates. Shingles are the set of word unigrams and bigrams: unigrams
survive reordered words, bigrams keep "dog bites man" apart from "man bites dog". An output
that parses as a JSON object or array is fingerprinted by its canonical JSON alone, so two
structured outputs count as the same only when they hold the same values.
"""

from __future__ import annotations

import json
import re
import zlib

import numpy as np

WORD = re.compile(r"\w+")
BIGRAM_MUL = np.uint32(0x9E3779B1)
PHRASE_MUL = np.uint64(0x100000001B3)
CACHE_LIMIT = 100_000


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


class WordHasher:
    """crc32 of each word, memoised: crc32 is stable across runs, unlike Python's hash()."""

    def __init__(self) -> None:
        self.cache: dict[str, int] = {}

    def _new(self, word: str) -> int:
        h = zlib.crc32(word.encode("utf-8"))
        self.cache[word] = h
        return h

    def flat(self, texts: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Hashes of every word of every text end to end, and each text's word count."""
        if len(self.cache) > CACHE_LIMIT:
            self.cache = {}  # replaced, not cleared: another thread may be reading the old one
        cache, new = self.cache, self._new
        hashes = [cache[w] if w in cache else new(w) for ws in texts for w in ws]
        return (np.array(hashes, dtype=np.uint32),
                np.fromiter((len(ws) for ws in texts), dtype=np.int64, count=len(texts)))


def bigrams(hashes: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bigram hashes of texts laid end to end (none spans two texts), and their counts."""
    if len(hashes) < 2:
        return np.empty(0, np.uint32), np.zeros(len(lengths), np.int64)
    with np.errstate(over="ignore"):
        pairs = hashes[:-1] * BIGRAM_MUL + (hashes[1:] ^ np.uint32(0x5BD1E995))
    keep = np.ones(len(pairs), dtype=bool)
    last = np.cumsum(lengths)[:-1] - 1
    keep[last[(last >= 0) & (last < len(pairs))]] = False
    return pairs[keep], np.maximum(lengths - 1, 0)


def json_value(text: str) -> object | None:
    """The parsed value when the text is a JSON object or array, else None."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return None
    try:
        value = json.loads(stripped)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, (dict, list)) else None


def json_hash(value: object) -> int:
    """One fingerprint for a structured output: its canonical JSON, case-folded."""
    canon = json.dumps(value, sort_keys=True, ensure_ascii=False).casefold()
    return zlib.crc32(canon.encode("utf-8"))


def phrases(hashes: np.ndarray, lengths: np.ndarray, *, n: int,
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every distinct (text, phrase) pair of `n` consecutive words, texts laid end to end:
    phrase fingerprints (uint64), owning text index and start position in `hashes`."""
    empty = np.empty(0, np.int64)
    if len(hashes) < n:
        return np.empty(0, np.uint64), empty, empty
    owner = np.repeat(np.arange(len(lengths)), lengths)
    windows = np.lib.stride_tricks.sliding_window_view(hashes.astype(np.uint64), n)
    powers = PHRASE_MUL ** np.arange(n - 1, -1, -1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        fp = np.asarray(windows @ powers, dtype=np.uint64)
    start = np.flatnonzero(owner[: len(fp)] == owner[n - 1:])
    fp, who = fp[start], owner[start]
    order = np.lexsort((who, fp))
    fp, who, start = fp[order], who[order], start[order]
    first = np.ones(len(fp), dtype=bool)
    first[1:] = (fp[1:] != fp[:-1]) | (who[1:] != who[:-1])
    return fp[first], who[first], start[first]
