"""Hypothesis strategies for any valid questionnaire, shared by the property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

LEVELS = {
    "task_narrowness": ["broad", "moderate", "narrow"],
    "knowledge_freshness": ["static", "monthly", "weekly", "daily", "realtime"],
    "mlops_capacity": ["none", "limited", "dedicated"],
    "risk_domain": ["general", "finance", "health", "legal", "security", "web3"],
    "primary_gap": ["knowledge", "format", "style", "policy", "reasoning"],
    "data_quality": ["noisy", "mixed", "clean"],
    "output_strictness": ["free_text", "structured", "strict_schema"],
    "workflow_stability": ["changes_weekly", "evolving", "stable"],
}
REQUIRED: dict[str, st.SearchStrategy[Any]] = {
    "task_narrowness": st.sampled_from(LEVELS["task_narrowness"]),
    "knowledge_freshness": st.sampled_from(LEVELS["knowledge_freshness"]),
    "requests_per_day": st.integers(0, 1_000_000_000),
    "mlops_capacity": st.sampled_from(LEVELS["mlops_capacity"]),
    "risk_domain": st.sampled_from(LEVELS["risk_domain"]),
}
OPTIONAL: dict[str, st.SearchStrategy[Any]] = {
    "primary_gap": st.sampled_from(LEVELS["primary_gap"]),
    "needs_private_context": st.booleans(),
    "labeled_examples": st.integers(0, 100_000_000),
    "data_quality": st.sampled_from(LEVELS["data_quality"]),
    "output_strictness": st.sampled_from(LEVELS["output_strictness"]),
    "success_metric_defined": st.booleans(),
    "prompt_baseline_score": st.floats(0.0, 1.0, allow_nan=False),
    "workflow_stability": st.sampled_from(LEVELS["workflow_stability"]),
    "latency_budget_ms": st.integers(1, 600_000),
    "knowledge_size_tokens": st.integers(0, 1_000_000_000_000),
    "project_name": st.text(min_size=1, max_size=20).filter(lambda s: "\x00" not in s),
    "description": st.text(max_size=50).filter(lambda s: "\x00" not in s),
}
# Any valid questionnaire: the five required answers, each optional one absent, null or given.
ANSWERS = st.fixed_dictionaries(
    REQUIRED, optional={key: st.none() | strategy for key, strategy in OPTIONAL.items()}
)
