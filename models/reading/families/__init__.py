"""The cue tables, one module per family of evidence (see models/reading/cueing.py)."""

from __future__ import annotations

from models.reading.cueing import CueBook, Rule
from models.reading.families import (
    domains,
    gaps,
    metrics,
    output,
    owners,
    quality,
    sources,
    task,
)

# Within one sentence, when several values of a field have equally firm cues, the first listed
# wins (the most restrictive or most specific reading).
PRIORITY: dict[str, tuple[str, ...]] = {
    "task_narrowness": task.PRIORITY,
    "mlops_capacity": owners.PRIORITY,
    "output_strictness": output.PRIORITY,
    "data_quality": quality.PRIORITY,
    "risk_domain": ("health", "finance", "legal", "security", "web3", "general"),
    "needs_private_context": ("false", "true"),
    "success_metric_defined": ("false", "true"),
    "primary_gap": ("format", "policy", "reasoning", "knowledge", "style"),
    "knowledge_freshness": ("realtime", "daily", "weekly", "monthly", "static"),
    "workflow_stability": ("changes_weekly", "evolving", "stable"),
}


def all_rules() -> list[Rule]:
    """Every family's rules, in a fixed order."""
    return [*domains.rules(), *gaps.rules(), *metrics.rules(), *output.rules(), *owners.rules(),
            *quality.rules(), *sources.rules(), *task.rules()]


BOOK = CueBook(rules=all_rules())
