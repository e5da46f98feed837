"""Assemble a training file with defects planted at known lines, so recall and precision can be
measured per line against an exact truth."""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from models.audit.synthetic.distinct import DistinctInputs
from models.audit.synthetic.grammar import Clean, Phrasebook, make_clean, other_output
from models.audit.synthetic.render import (
    Record,
    dumps,
    emptied,
    get,
    input_key,
    input_text,
    malformed,
    output_key,
    put,
    render,
    role_confused,
    text_paths,
)
from models.audit.synthetic.special import card_number, cosmetic, email, phone, small_edit

KINDS = ("malformed", "role", "empty", "duplicate", "near_duplicate", "conflict", "pii")
FINDING = {"malformed": "F-MALFORMED", "role": "F-ROLE", "empty": "F-EMPTY",
           "duplicate": "F-DUPLICATE", "near_duplicate": "F-NEAR-DUPLICATE",
           "conflict": "F-CONFLICT", "pii": "F-PII", "repetitive": "F-REPETITIVE"}


@dataclass(frozen=True)
class DefectRates:
    """Share of examples given each defect; `repetitive` is the share of free-text outputs that
    get the dataset's boilerplate phrase, `rare_phrase` a second phrase kept below any sane bar."""

    malformed: float = 0.02
    role: float = 0.02
    empty: float = 0.02
    duplicate: float = 0.05
    near_duplicate: float = 0.04
    conflict: float = 0.03
    pii: float = 0.03
    repetitive: float = 0.12
    rare_phrase: float = 0.01
    blank_lines: float = 0.005


NO_DEFECTS = DefectRates(**{k: 0.0 for k in DefectRates.__dataclass_fields__})


@dataclass
class Planted:
    """Lines of a generated file and, per finding id, the one-based lines that truly have it."""

    lines: list[bytes]
    truth: dict[str, set[int]] = field(default_factory=dict)
    examples: int = 0
    sources: list[Record] = field(default_factory=list)
    distinct: DistinctInputs | None = None

    @property
    def valid(self) -> int:
        return self.examples - len(self.truth.get("F-MALFORMED", ()))

    @property
    def usable(self) -> int:
        dropped = set().union(*(self.truth.get(f, set()) for f in
                                ("F-DUPLICATE", "F-NEAR-DUPLICATE", "F-CONFLICT")))
        return self.valid - len(dropped)


def _task(*, fmt: str, rng: random.Random) -> str:
    share = {"chat": 0.15, "prompt_completion": 0.2, "instruction": 0.6}[fmt]
    return rng.choice(("summarize", "classify", "extract")) if rng.random() < share else "answer"


def _fresh(*, book: Phrasebook, fmt: str, rng: random.Random,
           distinct: DistinctInputs | None) -> tuple[Clean, Record]:
    """A clean example whose input is not near any earlier one (when `distinct` is kept)."""
    for _ in range(1000):
        task = _task(fmt=fmt, rng=rng)
        turns = 2 if fmt == "chat" and task == "answer" and rng.random() < 0.2 else 1
        clean = make_clean(book=book, rng=rng, task=task, turns=turns)
        record = render(clean=clean, fmt=fmt, rng=rng)
        if distinct is None or distinct.admit(input_text(record),
                                               group=(clean.domain, clean.template)):
            return clean, record
    raise RuntimeError(f"the {book.name} phrasebook ran out of distinct inputs")


def _with_pii(*, book: Phrasebook, record: Record, rng: random.Random) -> Record:
    rec = copy.deepcopy(record)
    sentence = rng.choice(book.pii_sentences)
    sentence = sentence.replace("[email]", email(rng=rng, domains=book.email_domains))
    sentence = sentence.replace("[phone]", phone(rng=rng, styles=book.phone_styles))
    sentence = sentence.replace("[card]", card_number(rng=rng, styles=book.card_styles))
    path = input_key(rec) if rng.random() < 0.6 else output_key(rec)
    if path == ("output",) and rec.get("output", "").startswith("{"):
        path = input_key(rec)
    put(rec, path, get(rec, path) + " " + sentence)
    return rec


def _derived(*, kind: str, source: tuple[Clean, Record], book: Phrasebook,
             rng: random.Random) -> Record:
    clean, record = source
    rec = copy.deepcopy(record)
    if kind == "duplicate":
        for path in text_paths(rec):
            if not get(rec, path).startswith("{"):
                put(rec, path, cosmetic(text=get(rec, path), rng=rng))
        return rec
    inp, out = input_key(rec), output_key(rec)
    structured = clean.task in ("classify", "extract")
    if kind == "conflict":
        if rng.random() < 0.5:
            put(rec, inp, small_edit(text=get(rec, inp), rng=rng))
        put(rec, out, other_output(book=book, rng=rng, clean=clean))
        return rec
    if structured or rng.random() < 0.7:
        put(rec, inp, small_edit(text=get(rec, inp), rng=rng))
    if not structured:
        for _ in range(rng.choice((1, 1, 2))):
            put(rec, out, small_edit(text=get(rec, out), rng=rng))
    return rec


def record_key(record: Record) -> str:
    """The record's text, case and whitespace folded: equal keys are exact duplicates."""
    return "\x1f".join(" ".join(get(record, p).split()).casefold() for p in text_paths(record))


def _derive_new(*, kind: str, sources: list[tuple[Clean, Record]], book: Phrasebook,
                rng: random.Random, seen: set[str]) -> Record:
    """A near duplicate or conflict that is not, by chance, an exact copy of an earlier line."""
    for _ in range(50):
        record = _derived(kind=kind, source=rng.choice(sources), book=book, rng=rng)
        if record_key(record) not in seen:
            return record
    raise RuntimeError(f"could not derive a new {kind} example")


def _phrase(*, record: Record, phrase: str, rng: random.Random) -> Record:
    rec = copy.deepcopy(record)
    out = output_key(rec)
    text = get(rec, out)
    put(rec, out, f"{phrase} {text}" if rng.random() < 0.5 else f"{text} {phrase}")
    return rec


def _draw(*, rng: random.Random, weights: list[float], fmt: str, have_sources: bool) -> str:
    """Which defect the next example gets ("clean" when none, or when it cannot apply)."""
    draw = rng.random()
    for kind, weight in zip(KINDS, weights, strict=True):
        if draw < weight:
            derived = kind in ("duplicate", "near_duplicate", "conflict")
            if (derived and not have_sources) or (kind == "role" and fmt != "chat"):
                return "clean"
            return kind
        draw -= weight
    return "clean"


def plant(*, book: Phrasebook, n: int, seed: int, formats: Sequence[str],
          rates: DefectRates, distinct: bool = True) -> Planted:
    """`n` examples (plus sprinkled blank lines) with defects drawn at `rates`; with `distinct`,
    clean inputs are kept apart so that only planted pairs are near each other."""
    rng = random.Random(seed)
    out = Planted(lines=[], truth={f: set() for f in FINDING.values()},
                  distinct=DistinctInputs() if distinct else None)
    sources: list[tuple[Clean, Record]] = []
    phrase, rare = rng.sample(book.boilerplate, 2)
    weights = [getattr(rates, k) for k in KINDS]
    seen: set[str] = set()
    for _ in range(n):
        if rng.random() < rates.blank_lines:
            out.lines.append(rng.choice((b"", b"   ", b"\t")))
        fmt = rng.choice(formats)
        kind = _draw(rng=rng, weights=weights, fmt=fmt, have_sources=bool(sources))
        line_no = len(out.lines) + 1
        clean, record = _fresh(book=book, fmt=fmt, rng=rng, distinct=out.distinct)
        if kind == "malformed":
            line, _ = malformed(record=record, rng=rng)
            out.lines.append(line)
            out.truth["F-MALFORMED"].add(line_no)
            out.examples += 1
            continue
        if kind == "role":
            record, _ = role_confused(record=record, rng=rng)
        elif kind == "empty":
            record = emptied(record=record, rng=rng,
                             structured=clean.task in ("classify", "extract"))
        elif kind == "pii":
            record = _with_pii(book=book, record=record, rng=rng)
        elif kind == "duplicate":
            record = _derived(kind=kind, source=rng.choice(sources), book=book, rng=rng)
        elif kind in ("near_duplicate", "conflict"):
            record = _derive_new(kind=kind, sources=sources, book=book, rng=rng, seen=seen)
        elif clean.task == "answer" and rng.random() < rates.repetitive + rates.rare_phrase:
            boiler = rng.random() < rates.repetitive / (rates.repetitive + rates.rare_phrase)
            record = _phrase(record=record, phrase=phrase if boiler else rare, rng=rng)
            if boiler:
                out.truth["F-REPETITIVE"].add(line_no)
        else:
            sources.append((clean, record))
        if kind != "clean":
            out.truth[FINDING[kind]].add(line_no)
        seen.add(record_key(record))
        out.lines.append(dumps(record=record, rng=rng))
        out.examples += 1
    out.sources = [r for _, r in sources]
    return out
