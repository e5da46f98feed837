"""The generator's truth is exact only if clean examples are really apart and planted ones are
really what they claim: checked here by brute force, independently of the audit's sketches."""

from __future__ import annotations

import itertools
import json
import random
import re

import numpy as np
from scipy import sparse

from models.audit.synthetic import NO_DEFECTS, generate
from models.audit.synthetic.grammar import word_jaccard
from models.audit.synthetic.render import input_text
from models.audit.synthetic.special import card_number, luhn_ok


def shingles(text: str) -> set[str]:
    w = re.findall(r"\w+", text.lower())
    return set(w) | {f"{a} {b}" for a, b in itertools.pairwise(w)}


def max_pairwise_jaccard(texts: list[str]) -> float:
    """Exact Jaccard of every pair of shingle sets, via a sparse product."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, t in enumerate(texts):
        for s in shingles(t):
            rows.append(i)
            cols.append(vocab.setdefault(s, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                          shape=(len(texts), len(vocab)))
    inter = (x @ x.T).toarray()
    size = np.diag(inter)
    jac = inter / (size[:, None] + size[None, :] - inter)
    np.fill_diagonal(jac, 0)
    return float(jac.max())


def test_clean_inputs_stay_well_below_the_near_threshold() -> None:
    for config in ("dev", "heldout"):
        planted = generate(n=2500, seed=61, config=config,
                           formats=("chat", "prompt_completion", "instruction"), rates=NO_DEFECTS)
        texts = [input_text(json.loads(line)) for line in planted.lines]
        assert max_pairwise_jaccard(texts) < 0.6, config


def test_same_seed_same_file() -> None:
    assert generate(n=300, seed=5).lines == generate(n=300, seed=5).lines
    assert generate(n=300, seed=5).lines != generate(n=300, seed=6).lines


def test_truth_sets_are_disjoint_for_line_defects() -> None:
    planted = generate(n=3000, seed=62, formats=("chat", "instruction"))
    exclusive = ["F-MALFORMED", "F-ROLE", "F-EMPTY", "F-DUPLICATE", "F-NEAR-DUPLICATE",
                 "F-CONFLICT", "F-PII"]
    for a, b in itertools.combinations(exclusive, 2):
        assert not planted.truth[a] & planted.truth[b], (a, b)
    assert planted.usable == planted.valid - sum(
        len(planted.truth[f]) for f in ("F-DUPLICATE", "F-NEAR-DUPLICATE", "F-CONFLICT"))


def test_generated_cards_pass_luhn_and_conflicts_differ() -> None:
    rng = random.Random(1)
    assert all(luhn_ok(digits=re.sub(r"\D", "", card_number(rng=rng, styles=("spaced", "amex"))))
               for _ in range(50))
    assert word_jaccard(a="the parcel left Leipzig", b="the parcel left Leipzig") == 1.0
