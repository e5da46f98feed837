"""Generated training files with planted defects whose lines are known exactly.

`generate` writes a training set, `eval_set` an eval file that leaks some training inputs, and
`traffic` a sample of production messages that looks like the training inputs or not. Two
phrasebooks exist: "dev" (thresholds may be tuned against it) and "heldout" (other domains,
phrasing, boilerplate and PII formats; only ever used to check figures, never to choose them).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.audit.synthetic.dev import DEV
from models.audit.synthetic.grammar import Filler, Phrasebook, make_clean
from models.audit.synthetic.heldout import HELDOUT
from models.audit.synthetic.plant import NO_DEFECTS, DefectRates, Planted, plant
from models.audit.synthetic.render import FORMATS, dumps, get, input_key, input_text, put, render
from models.audit.synthetic.special import small_edit, typo

BOOKS: dict[str, Phrasebook] = {"dev": DEV, "heldout": HELDOUT}

__all__ = ["BOOKS", "FORMATS", "NO_DEFECTS", "DefectRates", "Planted", "eval_set", "generate",
           "traffic", "write_lines"]


def generate(*, n: int, seed: int, config: str = "dev", formats: Sequence[str] = ("chat",),
             rates: DefectRates | None = None, distinct: bool = True) -> Planted:
    """A training file of `n` examples in the given formats (mixed per line when several).
    `distinct=False` skips keeping clean inputs apart (faster; the truth is then approximate)."""
    return plant(book=BOOKS[config], n=n, seed=seed, formats=tuple(formats),
                 rates=DefectRates() if rates is None else rates, distinct=distinct)


def eval_set(*, train: Planted, n: int, seed: int, config: str = "dev",
             formats: Sequence[str] = ("chat",), leak_share: float = 0.15) -> Planted:
    """An eval file where `leak_share` of the examples reuse a training input (exact or edited)."""
    rng = random.Random(seed)
    book = BOOKS[config]
    out = Planted(lines=[], truth={"F-LEAKAGE": set()})
    for i in range(n):
        if train.sources and rng.random() < leak_share:
            record = copy.deepcopy(rng.choice(train.sources))
            if rng.random() < 0.5:
                path = input_key(record)
                put(record, path, small_edit(text=get(record, path), rng=rng))
            out.truth["F-LEAKAGE"].add(i + 1)
        else:
            record = _fresh_eval(book=book, rng=rng, formats=formats, train=train)
        out.lines.append(dumps(record=record, rng=rng))
        out.examples += 1
    return out


def _fresh_eval(*, book: Phrasebook, rng: random.Random, formats: Sequence[str],
                train: Planted) -> dict[str, Any]:
    """An eval example whose input is not near any training input."""
    for _ in range(1000):
        clean = make_clean(book=book, rng=rng, task="answer")
        record = render(clean=clean, fmt=rng.choice(tuple(formats)), rng=rng)
        if train.distinct is None or not train.distinct.near(
                input_text(record), group=(clean.domain, clean.template)):
            return record
    raise RuntimeError("no eval input stays apart from the training inputs")


def _messy(*, book: Phrasebook, rng: random.Random) -> str:
    """A short, mobile-typed message: lower case, fragments, typos."""
    for _ in range(100):
        domain = rng.choice(book.domains)
        try:
            text = Filler(domain=domain, rng=rng).expand(rng.choice(book.messy)).lower()
        except KeyError:
            continue
        words = text.split()
        for i, w in enumerate(words):
            if len(w) > 3 and rng.random() < 0.35:
                words[i] = typo(word=w, rng=rng)
        return " ".join(words)
    raise RuntimeError("no messy template fits any domain")


def traffic(*, n: int, seed: int, config: str = "dev", like_train: bool = True) -> list[bytes]:
    """Production-like messages, one per line; unlike the training inputs when `like_train` is
    false (short, typo-heavy, partly in other languages), some lines as JSON objects."""
    rng = random.Random(seed)
    book = BOOKS[config]
    lines = []
    for _ in range(n):
        if like_train:
            text = make_clean(book=book, rng=rng, task="answer").text
        elif rng.random() < 0.2:
            text = rng.choice(book.foreign)
        else:
            text = _messy(book=book, rng=rng)
        as_json = rng.random() < 0.3
        lines.append(json.dumps({"text": text}).encode() if as_json else text.encode())
    return lines


def write_lines(*, path: Path, lines: Sequence[bytes]) -> Path:
    """Write lines with newlines, as an exporter would."""
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path
