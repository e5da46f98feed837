"""A stored dataset audit as answers for /assess: the measured example count and data quality.

They go through the same apply step as the description's readings (models/reading/apply.py),
as firm readings of full confidence: a measurement outweighs both the form and the text.
"""

from __future__ import annotations

from models.audit.document import AuditDocument
from models.reading.reader import Reading


def audit_readings(*, audit: AuditDocument) -> list[Reading]:
    """labeled_examples = usable examples; data_quality as the audit decided it."""
    source = f"dataset audit {audit.id}"
    usable = (f"{audit.usable_examples:,} usable examples of {audit.examples:,} "
              f"(after dropping duplicates, near duplicates and conflicts)")
    quality = f"data quality {audit.data_quality.value}: {audit.data_quality_reason}"
    return [
        Reading(field="labeled_examples", value=audit.usable_examples, evidence=usable, start=0,
                end=0, confidence=1.0, specific=True, hedged=False, source=source),
        Reading(field="data_quality", value=audit.data_quality.value, evidence=quality, start=0,
                end=0, confidence=1.0, specific=True, hedged=False, source=source),
    ]
