"""Fingerprints: the chunk-at-once MinHash and HyperLogLog agree bit for bit with datasketch's
own per-item code, phrases and bigrams never span two texts, and the similarity thresholds sit
where options.py says."""

from __future__ import annotations

import io
import itertools
import json
import random

import numpy as np
import pytest
from datasketch import HyperLogLog, MinHash

from models.audit import AuditOptions, audit, sketch, text, tokens, variety
from models.audit.options import NEAR_INPUT_JACCARD, SAME_OUTPUT_JACCARD


def test_signatures_equal_datasketch_update_batch() -> None:
    rng = np.random.default_rng(0)
    sets = [rng.integers(0, 2**32, size=k, dtype=np.uint32) for k in (0, 1, 7, 300, 0, 20_000)]
    rows = sketch.signatures(values=np.concatenate(sets), lengths=np.array([len(s) for s in sets]),
                             num_perm=128)
    for values, row in zip(sets, rows, strict=True):
        m = MinHash(num_perm=128, seed=sketch.SEED, hashfunc=int)
        m.update_batch(values)
        assert np.array_equal(m.hashvalues, row)


def test_hyperloglog_registers_equal_datasketch() -> None:
    hashes = np.random.default_rng(1).integers(0, 2**32, size=5000, dtype=np.uint32)
    reference = HyperLogLog(p=variety.P, hashfunc=int)
    for h in sketch.fmix32(hashes):
        reference.update(h)
    assert np.array_equal(reference.reg, variety.registers(hashes))
    assert abs(variety.estimate(variety.registers(hashes)) - 5000) < 150


def test_bigrams_and_phrases_stay_inside_each_text() -> None:
    hasher = text.WordHasher()
    texts = [text.words("a b c d e f g h"), [], text.words("a b c d e f g h i"), ["x"]]
    hashes, lengths = hasher.flat(texts)
    pairs, counts = text.bigrams(hashes, lengths)
    assert counts.tolist() == [7, 0, 8, 0] and len(pairs) == 15
    _fp, owner, _ = text.phrases(hashes, lengths, n=8)
    assert owner.tolist().count(0) == 1 and owner.tolist().count(2) == 2 and 3 not in owner


def test_json_outputs_compare_by_value() -> None:
    a, b = text.json_value('{"a": 1, "b": [2]}'), text.json_value(' {"b":[2],"a":1} ')
    assert a is not None and text.json_hash(a) == text.json_hash(b)
    assert text.json_value("not json {") is None and text.json_value("[1") is None


def test_token_counts_split_exactly_on_whitespace() -> None:
    parts = ["You are a helpful assistant.", "Where is my parcel?", "It left Leipzig today."]
    whole = tokens.count(["\n".join(parts)])[0]
    assert tokens.count_shared(parts[:1])[0] + tokens.count(parts[1:]).sum() == whole
    assert tokens.histogram(np.array([0, 3, 4, 5, 1000])).sum() == 5
    assert "all-MiniLM-L6-v2" in tokens.tokenizer_name()


def variant(words: list[str], *, keep: int, rng: random.Random) -> list[str]:
    """The first `keep` words of an input followed by fresh words, same length."""
    return words[:keep] + [f"new{rng.randrange(10**9)}" for _ in range(len(words) - keep)]


def exact(a: list[str], b: list[str]) -> float:
    sa = set(a) | {f"{x} {y}" for x, y in itertools.pairwise(a)}
    sb = set(b) | {f"{x} {y}" for x, y in itertools.pairwise(b)}
    return len(sa & sb) / len(sa | sb)


@pytest.mark.parametrize(("keep", "expected"), [(57, "F-NEAR-DUPLICATE"), (55, "F-NEAR-DUPLICATE"),
                                                (40, None), (25, None)])
def test_input_threshold(keep: int, expected: str | None) -> None:
    """Pairs well above the input threshold are caught, pairs well below are not."""
    rng = random.Random(keep)
    base = [f"w{rng.randrange(10**9)}" for _ in range(60)]
    other = variant(base, keep=keep, rng=rng)
    j = exact(base, other)
    if expected:
        assert j >= NEAR_INPUT_JACCARD + 0.1
    else:
        assert j <= NEAR_INPUT_JACCARD - 0.2
    lines = [{"prompt": " ".join(base), "completion": "the same answer every time"},
             {"prompt": " ".join(other), "completion": "the same answer every time"}]
    run = audit(train=io.BytesIO("\n".join(json.dumps(x) for x in lines).encode()),
                options=AuditOptions(workers=1))
    flagged = {f.id for f in run.report.findings}
    assert flagged == ({expected} if expected else set())


@pytest.mark.parametrize(("shared", "expected"), [(36, "F-NEAR-DUPLICATE"), (5, "F-CONFLICT")])
def test_output_threshold(shared: int, expected: str) -> None:
    """Same input: an output that mostly repeats is a near duplicate, one that does not is a
    conflict (outputs are compared at SAME_OUTPUT_JACCARD)."""
    rng = random.Random(shared)
    out = [f"o{rng.randrange(10**9)}" for _ in range(40)]
    other = variant(out, keep=shared, rng=rng)
    assert (exact(out, other) >= SAME_OUTPUT_JACCARD) == (expected == "F-NEAR-DUPLICATE")
    lines = [{"prompt": "Where is my parcel from Leipzig, order 5521?", "completion": " ".join(o)}
             for o in (out, other)]
    run = audit(train=io.BytesIO("\n".join(json.dumps(x) for x in lines).encode()),
                options=AuditOptions(workers=1))
    assert [f.id for f in run.report.findings] == [expected]
    assert run.report.usable_examples == 1
