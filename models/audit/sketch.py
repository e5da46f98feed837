"""MinHash signatures for a whole chunk of examples at once, bit for bit what datasketch's
`MinHash(scheme="affine32").update_batch` computes (a test holds the two together), and the
datasketch LSH index they go into.

datasketch hashes one set per Python call; a chunk of a thousand examples here is one numpy
pass, which is what keeps the audit above 3,000 examples a second on two cores.
"""

from __future__ import annotations

import functools

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SEED = 1
SCHEME = "affine32"
MAX_CELLS = 1 << 21  # shingles x permutations per numpy pass: ~8 MB of uint32 at a time
EMPTY = np.uint32(0xFFFFFFFF)


@functools.cache
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's own affine permutation parameters (a, b) for this seed."""
    a, b = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser, the pre-mix datasketch applies to every input hash."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _min_rows(*, values: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Column minima of the permuted hashes of one set, in slices that bound memory."""
    out = np.full(len(a), EMPTY, dtype=np.uint32)
    step = max(1, MAX_CELLS // len(a))
    for start in range(0, len(values), step):
        part = values[start:start + step, None] * a + b
        np.minimum(out, part.min(axis=0), out=out)
    return out


def signatures(*, values: np.ndarray, lengths: np.ndarray, num_perm: int) -> np.ndarray:
    """One row of `num_perm` uint32 per set, the sets laid end to end in `values` with the
    given `lengths`; an empty set keeps datasketch's all-max row."""
    a, b = permutations(num_perm)
    n = len(lengths)
    out = np.full((n, num_perm), EMPTY, dtype=np.uint32)
    if n == 0 or len(values) == 0:
        return out
    ends = np.cumsum(lengths)
    starts = ends - lengths
    limit = max(1, MAX_CELLS // num_perm)
    with np.errstate(over="ignore"):
        mixed = fmix32(values.astype(np.uint32, copy=False))
        i = 0
        while i < n:
            if lengths[i] == 0:
                i += 1
            elif lengths[i] > limit:
                out[i] = _min_rows(values=mixed[starts[i]:ends[i]], a=a, b=b)
                i += 1
            else:
                j = max(i + 1, int(np.searchsorted(ends, starts[i] + limit, side="right")))
                rows = np.arange(i, j)
                rows = rows[lengths[rows] > 0]
                # Permutations along rows: reduceat then runs over contiguous memory.
                permuted = a[:, None] * mixed[None, starts[i]:ends[j - 1]] + b[:, None]
                out[rows] = np.minimum.reduceat(permuted, starts[rows] - starts[i], axis=1).T
                i = j
    return out


def jaccard(*, row: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of one signature with each of several."""
    return np.count_nonzero(rows == row, axis=1) / len(row)


def lean(row: np.ndarray) -> LeanMinHash:
    """A datasketch LeanMinHash around a signature row, for the LSH index."""
    return LeanMinHash(seed=SEED, hashvalues=row, scheme=SCHEME)


def new_index(*, num_perm: int, bands: int, rows: int) -> MinHashLSH:
    """datasketch's LSH with explicit banding (see options.py for the chosen bands and rows)."""
    return MinHashLSH(num_perm=num_perm, params=(bands, rows))
