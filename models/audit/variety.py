"""How varied the inputs are: the distinct-bigram ratio (distinct word bigrams / all word bigrams
over every input, "distinct-2"), with the distinct count estimated by datasketch's HyperLogLog
so memory stays fixed. Registers are filled for a whole chunk at once with numpy, the same
register rule as `HyperLogLog.update` (a test holds the two together); datasketch estimates.

The ratio falls as a file grows (common phrasings recur), so compare files of similar size.
"""

from __future__ import annotations

import warnings

import numpy as np
from datasketch import HyperLogLog

from models.audit.sketch import fmix32

P = 14  # 16,384 registers: about 0.8% standard error


def registers(hashes: np.ndarray) -> np.ndarray:
    """HyperLogLog registers (int8) for 32-bit hashes, as datasketch would fill them."""
    reg = np.zeros(1 << P, dtype=np.int8)
    if len(hashes) == 0:
        return reg
    with np.errstate(over="ignore"):
        h = fmix32(hashes.astype(np.uint32))
    idx = h & np.uint32((1 << P) - 1)
    bits = (h >> np.uint32(P)).astype(np.float64)
    length = np.where(bits > 0, np.floor(np.log2(np.maximum(bits, 1))) + 1, 0)
    rank = (32 - P - length + 1).astype(np.int8)
    np.maximum.at(reg, idx, rank)
    return reg


def estimate(reg: np.ndarray) -> float:
    """datasketch's cardinality estimate for merged registers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(HyperLogLog(reg=reg.copy()).count())
