"""A small phrase grammar: `{a|b}` picks one alternative, `[slot]` fills a word list, and the filled
slots of a question carry over into its answer, so outputs stay consistent with their inputs."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from models.audit.synthetic.special import FIRST, non_pii_token

ALT = re.compile(r"\{([^{}]*)\}")
SLOT = re.compile(r"\[(\w+)\]")
TASKS = ("answer", "summarize", "classify", "extract")
CITIES = ("Lisbon", "Denver", "Osaka", "Nairobi", "Leeds", "Porto", "Austin", "Lyon", "Perth",
          "Bergen", "Quito", "Hanoi", "Tampere", "Cork", "Tucson", "Graz", "Busan", "Accra")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Domain:
    """One business area: its system prompts, word lists, questions (with intent) and answers."""

    name: str
    systems: tuple[str, ...]
    slots: Mapping[str, tuple[str, ...]]
    questions: tuple[tuple[str, str], ...]
    answers: tuple[str, ...]
    summaries: tuple[str, ...]


@dataclass(frozen=True)
class Phrasebook:
    """A whole generator configuration: domains plus the phrasing shared across them."""

    name: str
    domains: tuple[Domain, ...]
    openers: tuple[str, ...]
    closers: tuple[str, ...]
    prefixes: tuple[str, ...]
    details: tuple[str, ...]
    instructions: Mapping[str, tuple[str, ...]]
    boilerplate: tuple[str, ...]
    pii_sentences: tuple[str, ...]
    email_domains: tuple[str, ...]
    phone_styles: tuple[str, ...]
    card_styles: tuple[str, ...]
    messy: tuple[str, ...]
    foreign: tuple[str, ...]


@dataclass
class Clean:
    """A defect-free example before it is written in a file format."""

    domain: str
    system: str
    task: str
    instruction: str
    text: str
    output: str
    history: list[tuple[str, str]] = field(default_factory=list)
    template: int = 0


class Filler:
    """Fills slots from the domain, then from generic lists, remembering every choice."""

    def __init__(self, *, domain: Domain, rng: random.Random, fills: dict[str, str] | None = None):
        self.domain, self.rng = domain, rng
        self.fills: dict[str, str] = dict(fills or {})

    def _pick(self, slot: str) -> str:
        rng = self.rng
        if slot in self.domain.slots:
            return rng.choice(self.domain.slots[slot])
        generic = {
            "name": lambda: rng.choice(FIRST).title(),
            "city": lambda: rng.choice(CITIES),
            "day": lambda: rng.choice(DAYS),
            "n": lambda: str(rng.randint(2, 12)),
            "big": lambda: str(rng.randint(20, 900)),
            "ref": lambda: non_pii_token(rng=rng),
            "time": lambda: f"{rng.randint(7, 21)}:{rng.choice(('00', '15', '30', '45'))}",
        }
        if slot not in generic:
            raise KeyError(f"no word list for slot [{slot}] in domain {self.domain.name}")
        return generic[slot]()

    def slot(self, slot: str) -> str:
        if slot not in self.fills:
            self.fills[slot] = self._pick(slot)
        return self.fills[slot]

    def expand(self, template: str) -> str:
        text = SLOT.sub(lambda m: self.slot(m.group(1)), template)
        while "{" in text:  # innermost alternatives first, so they may nest
            text = ALT.sub(lambda m: self.rng.choice(m.group(1).split("|")), text)
        return SLOT.sub(lambda m: self.slot(m.group(1)), text)


def _answer(*, book: Phrasebook, filler: Filler, rng: random.Random) -> str:
    k = rng.choice((2, 3, 3, 4, 5))
    parts = [filler.expand(t) for t in rng.sample(filler.domain.answers, k)]
    if rng.random() < 0.5:
        parts.insert(0, filler.expand(rng.choice(book.openers)))
    if rng.random() < 0.4:
        parts.append(filler.expand(rng.choice(book.closers)))
    return " ".join(parts)


def _question(*, book: Phrasebook, filler: Filler, rng: random.Random,
              ) -> tuple[str, str, int]:
    """A question with the context people add: a greeting, and zero to two detail sentences;
    also which question template it came from."""
    index = rng.randrange(len(filler.domain.questions))
    label, template = filler.domain.questions[index]
    parts = [filler.expand(template)]
    for detail in rng.sample(book.details, rng.choice((0, 1, 1, 2))):
        sentence = filler.expand(detail)
        parts.insert(rng.randrange(len(parts) + 1), sentence)
    if rng.random() < 0.45:
        parts.insert(0, filler.expand(rng.choice(book.prefixes)))
    return label, " ".join(parts), index


def _task_output(*, task: str, label: str, filler: Filler, book: Phrasebook,
                 rng: random.Random, text: str) -> str:
    if task == "classify":
        return label
    if task == "summarize":
        return filler.expand(rng.choice(filler.domain.summaries))
    if task == "extract":
        ref = filler.fills.get("ref")
        fields = {"intent": label, "topic": filler.fills.get("product") or filler.domain.name,
                  "reference": ref, "urgent": any(w in text.lower() for w in ("urgent", "asap"))}
        return json.dumps(fields)
    return _answer(book=book, filler=filler, rng=rng)


def make_clean(*, book: Phrasebook, rng: random.Random, task: str, turns: int = 1,
               domain: Domain | None = None) -> Clean:
    """A fresh example of `task` in a random (or the given) domain; `turns` > 1 adds history."""
    domain = domain or rng.choice(book.domains)
    history = []
    for _ in range(turns - 1):
        filler = Filler(domain=domain, rng=rng)
        _, q, _ = _question(book=book, filler=filler, rng=rng)
        history.append((q, _answer(book=book, filler=filler, rng=rng)))
    filler = Filler(domain=domain, rng=rng)
    label, text, template = _question(book=book, filler=filler, rng=rng)
    instruction = "" if task == "answer" else filler.expand(rng.choice(book.instructions[task]))
    output = _task_output(task=task, label=label, filler=filler, book=book, rng=rng, text=text)
    system = filler.expand(rng.choice(domain.systems))
    return Clean(domain=domain.name, system=system, task=task, instruction=instruction,
                 text=text, output=output, history=history, template=template)


def word_jaccard(*, a: str, b: str) -> float:
    """Plain word-set overlap, the generator's own yardstick for "materially different"."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(1, len(wa | wb))


def other_output(*, book: Phrasebook, rng: random.Random, clean: Clean) -> str:
    """A materially different output for the same input: another label or extraction, or an
    answer that shares under 30% of its words with the original."""
    domain = next(d for d in book.domains if d.name == clean.domain)
    structured = clean.task in ("classify", "extract")
    for _ in range(200):
        filler = Filler(domain=domain, rng=rng)
        label, text, _ = _question(book=book, filler=filler, rng=rng)
        out = _task_output(task=clean.task, label=label, filler=filler, book=book, rng=rng,
                           text=text)
        if structured and out != clean.output:
            return out
        if not structured and word_jaccard(a=out, b=clean.output) < 0.3:
            return out
    raise RuntimeError(f"domain {domain.name} cannot produce a different {clean.task} output")
