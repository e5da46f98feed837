"""Personal data: emails, phone numbers and Luhn-valid cards; ids, dates and versions are not."""

from __future__ import annotations

import pytest

from models.audit.pii import CARD_BIT, EMAIL_BIT, PHONE_BIT, luhn, pii_kinds


@pytest.mark.parametrize(("text", "kind"), [
    ("mail me at maria.garcia@example.com", EMAIL_BIT),
    ("j.smith+test@sub.example.org wrote", EMAIL_BIT),
    ("call (415) 555-0132 today", PHONE_BIT),
    ("+1 415 555 0132", PHONE_BIT),
    ("415-555-0132", PHONE_BIT),
    ("415.555.0132", PHONE_BIT),
    ("+44 20 7946 0958", PHONE_BIT),
    ("07700 900123", PHONE_BIT),
    ("+49 30 12345678", PHONE_BIT),
    ("+33 1 42 68 53 00", PHONE_BIT),
    ("phone: 4155550132", PHONE_BIT),
    ("+14155550132", PHONE_BIT),
    ("card 4111 1111 1111 1111", CARD_BIT),
    ("4111-1111-1111-1111", CARD_BIT),
    ("5500000000000004", CARD_BIT),
    ("amex 3782 822463 10005", CARD_BIT),
])
def test_personal_data_is_found(text: str, kind: int) -> None:
    assert pii_kinds(text) & kind


@pytest.mark.parametrize("text", [
    "order #48213391", "ORD-2024-558812", "order 112-4838221-9933771", "2024-03-15",
    "2024-03-15 14:22:01", "2024-03-15T14:22:00Z", "at 14:30 on 15.03.2024", "version 3.12.1",
    "v2.10", "123e4567-e89b-12d3-a456-426614174000", "12345678-1234-1234-1234-123456789012",
    "ticket 48213", "1Z999AA10123456784", "INV-2024-00123", "$1,299.00", "192.168.100.200",
    "years 2019 2020 2021", "timestamp 1710512521", "id 5551234567", "ISBN 978-3-16-148410-0",
    "build 2024.03.15.1234", "card 4111 1111 1111 1112", "user@localhost", "sku 4000123412341",
])
def test_ids_dates_versions_are_not(text: str) -> None:
    assert pii_kinds(text) == 0


def test_luhn() -> None:
    assert luhn("4111111111111111") and not luhn("4111111111111112")
