"""The data-quality rule (models/audit/findings.py): which findings decide, and the bars."""

from __future__ import annotations

import pytest

from models.audit.findings import data_quality
from models.questionnaire import DataQuality


@pytest.mark.parametrize(("defects", "counts", "expected"), [
    (0, {}, DataQuality.clean),
    (9, {"F-DUPLICATE": 9}, DataQuality.clean),
    (10, {"F-DUPLICATE": 10}, DataQuality.mixed),
    (0, {"F-REPETITIVE": 50}, DataQuality.mixed),
    (5, {"F-CONFLICT": 5}, DataQuality.mixed),
    (20, {"F-CONFLICT": 20}, DataQuality.noisy),
    (100, {"F-MALFORMED": 60, "F-EMPTY": 40}, DataQuality.noisy),
    (0, {"F-PII": 400, "F-LEAKAGE": 300, "F-DISTRIBUTION": 1000}, DataQuality.clean),
])
def test_rule(defects: int, counts: dict[str, int], expected: DataQuality) -> None:
    quality, reason = data_quality(examples=1000, defect_examples=defects, counts=counts)
    assert quality is expected
    assert reason.startswith(expected.value)
    for fid in counts:
        if fid in ("F-DUPLICATE", "F-CONFLICT", "F-MALFORMED", "F-EMPTY", "F-REPETITIVE"):
            assert fid in reason
