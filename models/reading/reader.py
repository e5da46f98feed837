"""Read a description: for each questionnaire field it gives evidence for, value and evidence.

Pipeline: cut the text into units (sentences, clauses, clause pairs), find quantities and named
frequencies with patterns, score every unit with every field's classifier (static embedding +
named features), then per field take the most confident unit. Categorical values come from the
classifier, except that a named frequency in the chosen unit fixes the period of freshness and
stability; numeric values come from the quantity of the right kind in the chosen unit. Readings
below the field's threshold (chosen by cross-validation on the train sentences) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models.asking import Answer
from models.reading.base import NONE, Embed
from models.reading.combine import (
    CUE_CONFIDENCE,
    firm_cues,
    unit_of,
    vetoed,
)
from models.reading.cueing import lower
from models.reading.cues import (
    FRESHNESS_OF,
    STABILITY_OF,
    Cue,
    frequencies,
    names_owner,
    names_source,
    negates_period,
    owner_level,
)
from models.reading.evidence import Candidate, candidates, hits_of
from models.reading.examples import example_counts
from models.reading.families import BOOK
from models.reading.lexical import lexical, marks, patterns
from models.reading.model import ReaderModel
from models.reading.quantities import quantities
from models.reading.quantity import Quantity
from models.reading.text import Unit, hedged, trimmed, units, vague
from models.reading.values import NUMERIC, pick_quantity, to_value

# A number written in the field's unit ("3,000 of these a week", "300 pages") is evidence in
# itself: the classifier only has to find the unit more likely about the field than not. A
# vague one ("a few hundred per day") needs it fairly sure, and never makes a conflict. No
# classifier reading is taken below NUMBER_BAR, whatever cross-validation allowed.
NUMBER_BAR = 0.5
VAGUE_NUMBER_BAR = 0.8
# A categorical reading the classifier alone makes needs this much (pooled older description sets:
# precision 0.922 -> 0.925 at 0.6, recall unchanged; 0.7 gives 0.928 but loses an old scenario's
# "gets lost when an answer needs several dependent calculations"; holdout sentences' recall
# 0.620 -> 0.604).
CATEGORY_BAR = 0.6
NARROW_SHARE = 0.8  # a narrower unit is quoted when it keeps this share of the best confidence
# Read only through the cue tables, the classifier confirming: alone it reads domain words in
# metaphors and hand-offs ("account health", "medicine questions go to a pharmacist") that the
# tables exclude (pooled tuning sets: precision 0.857 with it, 0.905 without; recall 0.88/0.80).
CUE_ONLY = ("risk_domain",)
PERIODIC = ("knowledge_freshness", "workflow_stability")
# A clause's reading must keep this share in its whole sentence (pooled older sets: precision
# 0.916 -> 0.920 at 0.3, recall unchanged; 0.4 starts to cost recall).
CONTEXT_SHARE = 0.3
# A number told of a trial run or of the form, when the text gives another one, is not the
# project's.
TRIAL = re.compile(r"\b(?:pilot(?:s|ed|ing)?|trial|poc|proof of concept|beta|test phase|"
                   r"(?:in|on) the form|the form says)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """One thing the description says about one questionnaire field."""

    field: str
    value: Answer
    evidence: str
    start: int
    end: int
    confidence: float
    specific: bool
    hedged: bool
    source: str = "description"


@dataclass(frozen=True)
class _Scored:
    unit: Unit
    quantities: list[Quantity]
    cues: list[Cue]


class Reader:
    """The description interpreter: deterministic, offline, no database."""

    def __init__(self, *, model: ReaderModel, embed: Embed, embedder_id: str) -> None:
        if embedder_id != model.embedder_id:
            raise ValueError(f"the reader was trained with embedder {model.embedder_id!r}, "
                             f"not {embedder_id!r}; retrain it (train_reader) or pass that one")
        self.model = model.attach(embed=embed)
        self.embed = embed

    @classmethod
    def load(cls, *, embed: Embed, embedder_id: str, path: Path | None = None) -> Reader:
        """The committed reader artifact, checked against the embedder passed in."""
        return cls(model=ReaderModel.load(path=path), embed=embed, embedder_id=embedder_id)

    def read(self, *, text: str | None, floor: bool = True) -> list[Reading]:
        """Readings per field, most confident first; `floor=False` keeps sub-threshold ones."""
        pieces = units(text=text or "")
        if not pieces:
            return []
        assert text is not None
        found, cues = quantities(text=text), frequencies(text=text)
        scored = [_Scored(u, [q for q in found if u.start <= q.start and q.end <= u.end],
                          [c for c in cues if u.start <= c.start and c.end <= u.end])
                  for u in pieces]
        found_marks = marks(text=text)
        features = [(lexical(text=s.unit.text),
                     patterns(start=s.unit.start, end=s.unit.end, quantities=s.quantities,
                              cues=s.cues, found=found_marks))
                    for s in scored]
        vectors = np.asarray(self.embed([u.text for u in pieces]), dtype=np.float32)
        logits = self.model.logits(vectors=vectors, features=features)
        low = lower(text=text)
        cued = candidates(low=low, pieces=pieces,
                          hits=hits_of(text=text, low=low, pieces=pieces, found=found))
        out = []
        every = self.model.softmax(logits=logits)
        for name, spec in self.model.fields.items():
            probs = every[:, spec.columns]
            reading = None if name in NUMERIC else _from_cue(
                name=name, text=text, pieces=pieces, probs=probs, classes=spec.classes,
                found=cued)
            if reading is not None:
                out.append(reading)
                continue
            reading = _examples(text=text, found=found) if name == "labeled_examples" \
                else None
            if reading is not None:
                out.append(reading)
                continue
            reading = None if name in CUE_ONLY else self._field(
                name=name, text=text, scored=scored, probs=probs, classes=spec.classes)
            if reading is None or _gainsaid(reading=reading, pieces=pieces, found=cued):
                continue
            if name in NUMERIC:
                limit = NUMBER_BAR if reading.specific else VAGUE_NUMBER_BAR
            else:  # never read what the classifier is unsure of, whatever the folds allowed
                trained = spec.threshold_specific if reading.specific else spec.threshold
                limit = max(trained, CATEGORY_BAR)
            if not floor or reading.confidence >= limit:
                out.append(reading)
        return sorted(out, key=lambda r: (-r.confidence, r.field))

    def _field(self, *, name: str, text: str, scored: list[_Scored], probs: np.ndarray,
               classes: tuple[str, ...]) -> Reading | None:
        if len(classes) < 2:
            return None
        if name in NUMERIC:
            return _numeric(name=name, text=text, scored=scored, present=1.0 - probs[:, 0])
        picked = np.argmax(probs[:, 1:], axis=1) + 1
        # plain Python numbers (the same doubles): the sorts below index them many times
        best, top = picked.tolist(), probs[np.arange(len(scored)), picked].tolist()
        order = sorted(range(len(scored)), key=lambda i: (-top[i], len(scored[i].unit.text)))
        winner = order[0]
        value = classes[best[winner]]
        if value == NONE:
            return None
        if BOOK.denies(field=name, value=value, text=scored[winner].unit.text) or (
                name in PERIODIC and negates_period(text=scored[winner].unit.text)):
            return None  # the classifier misses a negation the cue tables see
        whole = _sentence_of(pieces=[s.unit for s in scored], index=winner)
        if probs[whole, best[winner]] < CONTEXT_SHARE:
            return None  # a clause read out of its sentence ("ten is too long": of seconds)
        narrow = [i for i in order if best[i] == best[winner]
                  and top[i] >= NARROW_SHARE * top[winner]]
        chosen = min(narrow, key=lambda i: (len(scored[i].unit.text), -top[i]))
        return _categorical(name=name, text=text, piece=scored[chosen], value=value,
                            confidence=float(top[winner]),
                            present=float(1.0 - probs[chosen, 0]))


def _categorical(*, name: str, text: str, piece: _Scored, value: str, confidence: float,
                 present: float) -> Reading:
    """A categorical or yes/no reading from one unit, with cue-based period and specificity."""
    unit = piece.unit
    specific = not vague(text=unit.text)
    answer: Answer = {"true": True, "false": False}.get(value, value)
    start, end = unit.start, unit.end
    if name in PERIODIC:
        mapping = FRESHNESS_OF if name == "knowledge_freshness" else STABILITY_OF
        if piece.cues:
            answer = mapping[piece.cues[0].period]
            confidence = max(confidence, present)
        specific = specific and bool(piece.cues)
    elif name == "mlops_capacity":
        level = owner_level(text=unit.text)
        if level is not None:  # a named owner fixes the level, as a named frequency fixes a period
            answer, confidence = level, max(confidence, present)
        specific = specific and names_owner(text=unit.text)
    elif name == "needs_private_context":
        specific = specific and names_source(text=unit.text)
    start, end = trimmed(source=text, start=start, end=end)
    return Reading(field=name, value=answer, evidence=text[start:end], start=start, end=end,
                   confidence=round(confidence, 4), specific=specific,
                   hedged=hedged(text=text[start:end]))


def _numeric(*, name: str, text: str, scored: list[_Scored], present: np.ndarray
             ) -> Reading | None:
    """The quantity of the field's kind in the most confident unit that has one."""
    options = [(float(present[i]), -len(s.unit.text), i) for i, s in enumerate(scored)
               if pick_quantity(field=name, text=text, found=s.quantities) is not None]
    # "the 40/day in the form was the pilot; in production ...", "the 0.45 in the form is v1"
    options = [o for o in options if not TRIAL.search(scored[o[2]].unit.text)] or options
    if not options:
        return None
    confidence, _, index = max(options)
    piece = scored[index]
    quantity = pick_quantity(field=name, text=text, found=piece.quantities)
    assert quantity is not None
    value = to_value(field=name, quantity=quantity)
    if quantity.named:  # people using it, or a batch run, named as such: no doubt left
        confidence = max(confidence, CUE_CONFIDENCE)
    start, end = quantity.start, quantity.end
    around = text[max(piece.unit.start, start - 24):min(piece.unit.end + 1, end + 2)]
    return Reading(field=name, value=value, evidence=text[start:end], start=start, end=end,
                   confidence=round(confidence, 4),
                   specific=not quantity.vague and not vague(text=piece.unit.text),
                   hedged=hedged(text=around))


def _from_cue(*, name: str, text: str, pieces: list[Unit], probs: np.ndarray,
              classes: tuple[str, ...], found: list[Candidate]) -> Reading | None:
    """A reading from the field's firm cue, quoted as the narrowest unit holding it."""
    # a clause read out of its sentence can mislead the classifier ("order history or internal
    # document is consulted", after "no customer record,"): both must veto the cue
    kept = [(cue, index) for cue in firm_cues(field=name, found=found)
            for index in [unit_of(pieces=pieces, start=cue.start, end=cue.end)]
            if not all(vetoed(field=name, probs=probs, classes=classes, index=at,
                              value=cue.value, weight=cue.weight)
                       for at in (index, _sentence_of(pieces=pieces, index=index)))][:1]
    if not kept:
        return None
    cue, index = kept[0]
    learned = float(probs[index, classes.index(cue.value, 1)]) if cue.value in classes[1:] \
        else 0.0
    unit = pieces[index]
    start, end = trimmed(source=text, start=unit.start, end=unit.end)
    answer: Answer = {"true": True, "false": False}.get(cue.value, cue.value)
    return Reading(field=name, value=answer, evidence=text[start:end], start=start, end=end,
                   confidence=round(max(CUE_CONFIDENCE, learned), 4),
                   specific=not vague(text=unit.text), hedged=hedged(text=text[start:end]))


def _sentence_of(*, pieces: list[Unit], index: int) -> int:
    """The index of the whole sentence a unit belongs to (itself when it is one)."""
    return next((i for i, u in enumerate(pieces) if u.kind == "sentence"
                 and u.sentence == pieces[index].sentence), index)


def _gainsaid(*, reading: Reading, pieces: list[Unit], found: list[Candidate]) -> bool:
    """A firm cue in the reading's sentence says another value ("no customer record, order
    history or internal document is consulted"): the classifier alone does not overrule it."""
    sentence = pieces[unit_of(pieces=pieces, start=reading.start, end=reading.end)].sentence
    said = str(reading.value).lower()
    return any(c.field == reading.field and c.sentence == sentence and c.value != said
               for c in firm_cues(field=reading.field, found=found))


def _examples(*, text: str, found: list[Quantity]) -> Reading | None:
    """The largest count that names existing examples ("80k titles already mapped"), if any."""
    named = example_counts(text=text, found=found)
    if not named:
        return None
    quantity = max(named, key=lambda q: (q.value, -q.start))
    start, end = quantity.start, quantity.end
    return Reading(field="labeled_examples", value=to_value(field="labeled_examples",
                                                            quantity=quantity),
                   evidence=text[start:end], start=start, end=end, confidence=CUE_CONFIDENCE,
                   specific=not quantity.vague, hedged=hedged(text=text[start:end]))
