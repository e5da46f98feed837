"""Training inputs against a live-traffic sample (seed 003 § 4)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.audit import AuditOptions, run_audit
from models.audit.language import language
from models.audit.synthetic import generate, traffic, write_lines
from models.audit.traffic import LANGS, compare, traffic_text


@pytest.fixture(scope="module")
def train(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("traffic")
    return write_lines(path=folder / "train.jsonl",
                       lines=generate(n=2000, seed=41, formats=("chat",)).lines)


def audit_with(train: Path, lines: list[bytes], *, name: str) -> tuple[dict[str, bool], set[str]]:
    sample = train.with_name(f"{name}.txt")
    write_lines(path=sample, lines=lines)
    report = run_audit(train=train, traffic=sample, options=AuditOptions(workers=1))
    assert report.traffic is not None
    dims = {d.name: d.differs for d in report.traffic.dimensions}
    return dims, {f.id for f in report.findings}


def test_traffic_like_the_training_inputs_is_no_finding(train: Path) -> None:
    dims, found = audit_with(train, traffic(n=400, seed=42, like_train=True), name="like")
    assert not any(dims.values()) and "F-DISTRIBUTION" not in found


def test_short_messy_multilingual_traffic_is_a_finding(train: Path) -> None:
    dims, found = audit_with(train, traffic(n=400, seed=43, like_train=False), name="unlike")
    assert dims == {"length_words": True, "short_message_share": True, "typo_rate": True,
                    "language": True}
    assert "F-DISTRIBUTION" in found


def test_too_few_traffic_lines_are_not_compared(train: Path) -> None:
    sample = write_lines(path=train.with_name("few.txt"), lines=[b"where is my parcel"] * 10)
    report = run_audit(train=train, traffic=sample, options=AuditOptions(workers=1))
    assert report.traffic is not None and not report.traffic.compared
    assert "at least 30" in report.traffic.note


def test_each_dimension_alone() -> None:
    rng = np.random.default_rng(0)
    en = LANGS.index("en")

    def rows(words: np.ndarray, typo: float, lang: np.ndarray) -> np.ndarray:
        checked = np.maximum(words - 1, 1)
        return np.column_stack([words, (checked * typo).astype(int), checked, lang])

    base = rows(rng.integers(12, 40, 3000), 0.02, np.full(3000, en))
    same = rows(rng.integers(12, 40, 400), 0.02, np.full(400, en))
    assert not any(d["differs"] for d in compare(train=base, traffic=same))
    typos = rows(rng.integers(12, 40, 400), 0.2, np.full(400, en))
    assert [d["name"] for d in compare(train=base, traffic=typos) if d["differs"]] == ["typo_rate"]
    spanish = rows(rng.integers(12, 40, 400), 0.02,
                   np.where(rng.random(400) < 0.4, LANGS.index("es"), en))
    assert [d["name"] for d in compare(train=base, traffic=spanish) if d["differs"]] == ["language"]


@pytest.mark.parametrize(("line", "text"), [
    (b"plain words", "plain words"),
    (b'"a json string"', "a json string"),
    (b'{"text": "hi there"}', "hi there"),
    (b'{"messages": [{"role": "user", "content": "last"}]}', "last"),
    (b"{not json", "{not json"),
])
def test_traffic_lines(line: bytes, text: str) -> None:
    assert traffic_text(line) == text


@pytest.mark.parametrize(("text", "code"), [
    ("How do I reset my password?", "en"), ("¿Cuánto tarda el reembolso de mi pedido?", "es"),
    ("Wie kann ich meinen Vertrag kündigen?", "de"), ("Привет, как дела", "ru"),
    ("我的订单在哪里", "zh"), ("ok 123", "und"),
])
def test_language_heuristic(text: str, code: str) -> None:
    assert language(text) == code
