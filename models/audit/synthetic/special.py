"""Realistic tokens for generated text: ids that look like numbers but are not personal data, PII
in several national formats, and the small edits that turn an example into a near duplicate."""

from __future__ import annotations

import random
import string

FIRST = ("maria", "john", "aisha", "li", "tomas", "priya", "kenji", "olga", "samuel", "fatima",
         "lucas", "emma", "noah", "sofia", "ahmed", "chloe", "diego", "hannah", "ivan", "mei")
LAST = ("garcia", "smith", "khan", "wang", "novak", "patel", "sato", "ivanova", "okafor", "haddad",
        "silva", "muller", "brown", "rossi", "nguyen", "dubois", "lopez", "schmidt", "kowalski")


def luhn_ok(*, digits: str) -> bool:
    """The payment-card check digit rule."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(*, prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for check in string.digits:
        if luhn_ok(digits=body + check):
            return body + check
    raise AssertionError("unreachable: one check digit always fits")


def card_number(*, rng: random.Random, styles: tuple[str, ...]) -> str:
    """A Luhn-valid card number written in one of the given styles."""
    style = rng.choice(styles)
    if style == "amex":
        n = _luhn_complete(prefix=rng.choice(("34", "37")), length=15, rng=rng)
        return f"{n[:4]} {n[4:10]} {n[10:]}"
    prefix = rng.choice(("4", "51", "53", "55", "2221", "6011"))
    n = _luhn_complete(prefix=prefix, length=16, rng=rng)
    groups = [n[i:i + 4] for i in range(0, 16, 4)]
    return {"spaced": " ".join(groups), "dashed": "-".join(groups), "plain": n}[style]


def email(*, rng: random.Random, domains: tuple[str, ...]) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(70, 99)}",
                        f"{first}_{last}{rng.randint(1, 99)}", f"{last}.{first[0]}"))
    return f"{local}@{rng.choice(domains)}"


def phone(*, rng: random.Random, styles: tuple[str, ...]) -> str:
    """A phone number in a national or international style named in `styles`."""
    d = lambda k: "".join(rng.choice(string.digits) for _ in range(k))  # noqa: E731
    area = str(rng.randint(201, 989))
    style = rng.choice(styles)
    return {
        "us_paren": f"({area}) 555-{d(4)}",
        "us_dash": f"{area}-555-{d(4)}",
        "us_dot": f"{area}.555.{d(4)}",
        "us_intl": f"+1 {area} 555 {d(4)}",
        "us_intl_dash": f"+1-{area}-555-{d(4)}",
        "uk_london": f"+44 20 {d(4)} {d(4)}",
        "uk_mobile": f"07{d(3)} {d(6)}",
        "de": f"+49 30 {d(8)}",
        "fr": f"+33 {rng.randint(1, 9)} {d(2)} {d(2)} {d(2)} {d(2)}",
        "au": f"+61 2 {d(4)} {d(4)}",
        "au_local": f"(02) {d(4)} {d(4)}",
        "ie": f"+353 1 {d(3)} {d(4)}",
        "us_space": f"{area} 555 {d(4)}",
    }[style]


def non_pii_token(*, rng: random.Random) -> str:
    """Numbers that look like data but are not personal: ids, dates, times, versions, UUIDs."""
    d = lambda k: "".join(rng.choice(string.digits) for _ in range(k))  # noqa: E731
    y, m, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.randrange(14)
    return (
        f"order #{d(8)}",
        f"ORD-{y}-{d(6)}",
        f"{d(3)}-{d(7)}-{d(7)}",
        f"{y}-{m:02d}-{day:02d}",
        f"{y}-{m:02d}-{day:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{d(2)}",
        f"{y}-{m:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
        f"version {rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}",
        f"v{rng.randint(1, 4)}.{rng.randint(0, 12)}",
        f"{d(8)}-{d(4)}-{d(4)}-{d(4)}-{d(12)}",
        "-".join("".join(rng.choice("0123456789abcdef") for _ in range(k))
                 for k in (8, 4, 4, 4, 12)),
        f"ticket {d(5)}",
        f"1Z{d(3)}AA{d(10)}",
        f"INV-{y}-{d(5)}",
        f"${rng.randint(5, 2999)}.{d(2)}",
    )[kind]


def typo(*, word: str, rng: random.Random) -> str:
    """A keyboard slip: two letters swapped, one dropped or one doubled."""
    if len(word) < 4 or not word.isalpha():
        return word + rng.choice("sdt")
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


FILLERS = ("please", "actually", "just", "really", "also", "now", "still", "maybe")
SYNONYMS = {"help": "assist", "buy": "purchase", "fix": "repair", "quick": "fast", "big": "large",
            "show": "display", "start": "begin", "end": "finish", "get": "receive",
            "need": "require", "check": "verify", "change": "modify", "problem": "issue",
            "answer": "reply"}


def small_edit(*, text: str, rng: random.Random) -> str:
    """One word-level edit (typo, swap, filler, synonym); never undone by normalisation."""
    words = text.split(" ")
    if len(words) < 2:
        return text + " " + rng.choice(FILLERS)
    kind = rng.randrange(4)
    i = rng.randrange(len(words) - 1)
    if kind == 0 and words[i][:1].isalpha():
        core = words[i].rstrip(".,!?:;")
        words[i] = typo(word=core, rng=rng) + words[i][len(core):]
    elif kind == 1 and words[i].lower().strip(".,!?") != words[i + 1].lower().strip(".,!?"):
        words[i], words[i + 1] = words[i + 1], words[i]
    elif kind == 2:
        swap = [j for j, w in enumerate(words) if w.lower() in SYNONYMS]
        if swap:
            j = rng.choice(swap)
            words[j] = SYNONYMS[words[j].lower()]
        else:
            words.insert(i + 1, rng.choice(FILLERS))
    else:
        words.insert(i + 1, rng.choice(FILLERS))
    return " ".join(words)


def cosmetic(*, text: str, rng: random.Random) -> str:
    """Changes that whitespace and case normalisation undo: case flips, doubled spaces, padding."""
    words = text.split(" ")
    out = []
    for w in words:
        r = rng.random()
        out.append(w.upper() if r < 0.05 else w.lower() if r < 0.15 else w)
    joined = ("  " if rng.random() < 0.5 else " ").join(out)
    return (" " if rng.random() < 0.3 else "") + joined + ("  " if rng.random() < 0.3 else "")
