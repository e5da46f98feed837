"""Which way each learned term may push each approach: the sign table the fit must obey.

+1 keeps a coefficient >= 0, -1 keeps it <= 0, 0 fixes it at 0 (the feature says nothing about
that approach). The monotonicity guarantees (tests/models/test_properties.py) need:
- rag: freshness, needs_private_context, gap_knowledge and log_knowledge_tokens >= 0, the other
  gaps <= 0, `ruled_out:rag` <= 0, and no term from the fine-tuning readiness answers;
- fine_tuning: the readiness answers (mlops, examples, data quality, workflow stability,
  narrowness, volume, strictness, a metric) >= 0 and `ruled_out:fine_tuning` <= 0;
- examples move fine-tuning only (0 for prompting and retrieval), so more clean examples can
  never move the advice from fine-tuning toward retrieval.
The rest state the seeds' direction of an answer's effect, so an explanation never shows e.g. an
undefined metric pushing towards fine-tuning, or a tight latency budget (which favours a small
tuned model) or facts that change often counting for it. The gap one-hots always sum to one,
so only their order is identified: signs on all five pin that order.
"""

from __future__ import annotations

SIGN_CONSTRAINTS: dict[str, dict[str, int]] = {
    "prompt_engineering": {
        "freshness": -1,
        "needs_private_context": -1,
        "log_labeled_examples": 0,
        "prompt_baseline": 1,
        "log_knowledge_tokens": -1,
        "gap_knowledge": -1,
        "gap_format": 1,
        "gap_style": 1,
        "gap_policy": 1,
        "gap_reasoning": 1,
        "ruled_out:prompt_engineering": -1,
        "ruled_out:rag": 0,
        "ruled_out:fine_tuning": 1,
    },
    "rag": {
        "freshness": 1,
        "needs_private_context": 1,
        "log_knowledge_tokens": 1,
        "log_labeled_examples": 0,
        "data_quality": 0,
        "success_metric_defined": 0,
        "workflow_stability": 0,
        "gap_knowledge": 1,
        "gap_format": -1,
        "gap_style": -1,
        "gap_policy": -1,
        "gap_reasoning": -1,
        "ruled_out:prompt_engineering": 0,
        "ruled_out:rag": -1,
        "ruled_out:fine_tuning": 0,
    },
    "fine_tuning": {
        "mlops": 1,
        "log_labeled_examples": 1,
        "data_quality": 1,
        "workflow_stability": 1,
        "narrowness": 1,
        "log_requests_per_day": 1,
        "strictness": 1,
        "success_metric_defined": 1,
        "prompt_baseline": -1,
        "high_stakes": -1,
        "freshness": -1,
        "log_latency_budget_ms": -1,
        "gap_knowledge": -1,
        "gap_format": 1,
        "gap_style": 1,
        "gap_policy": 1,
        "gap_reasoning": -1,
        "ruled_out:prompt_engineering": 0,
        "ruled_out:rag": 0,
        "ruled_out:fine_tuning": -1,
    },
}
