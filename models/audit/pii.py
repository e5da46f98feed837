"""Personal data in examples: email addresses, phone numbers and payment card numbers.

Precision comes first, because ids, dates and versions fill support data:
- email: local@domain.tld, nothing else.
- card: 13-19 digits, contiguous or in the 4-4-4-4(-n) / 4-6-5 groups cards are printed in, with
  an issuer prefix (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay) and a valid Luhn
  check digit.
- phone: 10-15 digits (8 with a leading +) in groups separated by spaces, dots or dashes, or an
  area code in parentheses. Not: anything glued to letters or to another id by - / . or :
  (ORD-2024-..., UUIDs, IPs, timestamps, version strings), ISO or European dates, dot-separated
  groups that are not the 3-3-4 phone shape. Bare digit runs count only after + or a phone word
  (call, phone, tel, mobile, cell, ring, whatsapp, sms, text me), since a bare 10-digit number
  is as often an order id or a Unix timestamp.
"""

from __future__ import annotations

import re

EMAIL_BIT, PHONE_BIT, CARD_BIT = 1, 2, 4
KINDS = {EMAIL_BIT: "email", PHONE_BIT: "phone", CARD_BIT: "card"}

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])")
CARD = re.compile(r"(?<![\w.-])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"
                  r"|\d{4}([ -]?)\d{6}\2\d{4,5})(?![\w-]|\.\d)")
PHONE = re.compile(r"(?<![\w+./:#-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?"
                   r"\d{1,5}(?:[ .-]\d{2,8}){1,5}(?![\w/:-]|\.\d)")
BARE = re.compile(r"(?<![\w+./:#-])(\+?)\d{10,15}(?![\w/:-]|\.\d)")
PHONE_WORDS = re.compile(r"\b(?:call|phone|tel|mobile|cell|ring|whatsapp|sms|text me|text us)\b",
                         re.IGNORECASE)
DATE_START = re.compile(r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})\b")
US_DOTTED = re.compile(r"^\d{3}\.\d{3}\.\d{4}$")
EIGHT_DIGITS = re.compile(r"\d(?:\D{0,3}\d){7}")
CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[689]|30[0-5]|6011|64[4-9]|65|62)")


def luhn(digits: str) -> bool:
    """The Luhn check every payment card number satisfies."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _cards(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and CARD_PREFIX.match(digits) and luhn(digits):
            spans.append(m.span())
    return spans


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    plus = candidate.startswith("+")
    if not (10 <= digits <= 15 or (plus and 8 <= digits <= 15)):
        return False
    if DATE_START.match(candidate):
        return False
    if "." in candidate and not plus and "(" not in candidate:
        return bool(US_DOTTED.match(candidate))
    groups = re.findall(r"\d+", candidate)
    return not (len(groups) > 2 and all(len(g) == 4 and g[:2] in ("19", "20") for g in groups))


def _phones(text: str, *, skip: list[tuple[int, int]]) -> bool:
    outside = lambda s: all(s[1] <= a or s[0] >= b for a, b in skip)  # noqa: E731
    for m in PHONE.finditer(text):
        if outside(m.span()) and _is_phone(m.group(0)):
            return True
    for m in BARE.finditer(text):
        if not outside(m.span()):
            continue
        if m.group(1) or PHONE_WORDS.search(text, max(0, m.start() - 30), m.start()):
            return True
    return False


def pii_kinds(text: str) -> int:
    """A bit set of the kinds of personal data in the text (EMAIL_BIT | PHONE_BIT | CARD_BIT)."""
    found = 0
    if "@" in text and EMAIL.search(text):
        found |= EMAIL_BIT
    if not EIGHT_DIGITS.search(text):  # every phone and card number has eight digits or more
        return found
    cards = _cards(text)
    if cards:
        found |= CARD_BIT
    if _phones(text, skip=cards):
        found |= PHONE_BIT
    return found



def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Every phone number the detector would count, as spans (they may overlap)."""
    spans = [m.span() for m in PHONE.finditer(text) if _is_phone(m.group(0))]
    spans += [m.span() for m in BARE.finditer(text)
              if m.group(1) or PHONE_WORDS.search(text, max(0, m.start() - 30), m.start())]
    return spans


def mask(text: str) -> str:
    """The text with each email, phone and card number the detector finds replaced by a tag, so
    an excerpt shown to people (or stored) does not repeat the personal data it points at."""
    spans = [(*m.span(), "<EMAIL>") for m in EMAIL.finditer(text)] if "@" in text else []
    if EIGHT_DIGITS.search(text):
        spans += [(a, b, "<CARD>") for a, b in _cards(text)]
        spans += [(a, b, "<PHONE>") for a, b in _phone_spans(text)]
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    for start, end, tag in reversed(kept):
        text = text[:start] + tag + text[end:]
    return text
