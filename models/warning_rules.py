"""Warnings: risks and known mistakes a project is exposed to, as data with seed citations.

Conditions read the answers and, for warnings that only matter once tuning is on the table, the
pseudo-field `recommendation`. A warning fires on explicit answers (or on `unknown` tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.conditions import Condition, compile_condition
from models.rules import HIGH_STAKES_DOMAINS, RETRIEVAL_EVIDENCE, TIGHT_LATENCY_MS, TUNES_FT
from models.seeds import cite
from models.seeds import mistake as _m
from models.vocabulary import SEED_EXPECTATIONS, SEED_PLAN, UNCLEAN_DATA, values
from models.vocabulary import SEED_MISTAKES as M


@dataclass(frozen=True)
class WarningRule:
    """When a warning applies, how serious it is, and which mistake it guards against."""

    id: str
    when: Condition
    severity: Literal["info", "caution", "high"]
    message: str
    source: str
    mistake: int | None = None


_TUNING: Condition = {"field": "recommendation", "in": TUNES_FT}

WARNINGS: tuple[WarningRule, ...] = (
    WarningRule(
        "W-UNDEFINED-SUCCESS",
        {"any": [{"field": "success_metric_defined", "is": False},
                 {"field": "success_metric_defined", "unknown": True}]},
        "caution",
        "No measurable success criterion is on record. Decide the metric, the held-out set and "
        "the bar before choosing an approach, so the verdict becomes a number, not an impression.",
        cite(_m(1), (SEED_PLAN, "Write this BEFORE you train")), 1),
    WarningRule(
        "W-VAGUE-JOB", {"field": "task_narrowness", "is": "broad"}, "info",
        "A broad mandate hides several jobs. Split out any single repeatable job with a clear "
        "input, output and failure condition; only such a job can later be tuned.",
        cite(_m(1)), 1),
    WarningRule(
        "W-RETRIEVAL-PROBLEM", RETRIEVAL_EVIDENCE,
        "caution",
        "Part of this problem is about facts. Do not bake temporary or private information into "
        "a training run; keep it in an index that can be updated.",
        cite(_m(2)), 2),
    WarningRule(
        "W-DATA-QUALITY", {"field": "data_quality", "in": values(UNCLEAN_DATA)}, "caution",
        "Examples disagree with each other. Clean for consistency, drop outdated policy, tag by "
        "source and date, and keep synthetic examples a minority.",
        cite(_m(3), (SEED_EXPECTATIONS, "Bad Data Creates Unstable Behavior")), 3),
    WarningRule(
        "W-DATA-DISTRIBUTION", _TUNING, "caution",
        "Training examples must look like live traffic, short and messy requests included; "
        "curated, polished examples teach a model that real users never meet.",
        cite(_m(4), (SEED_EXPECTATIONS, "Test Against Real Use")), 4),
    WarningRule(
        "W-BENCHMARK-OVERFIT", _TUNING, "caution",
        "Keep eval sets apart from training by source and time, test paraphrases and awkward "
        "requests, and shadow-test on real traffic before trusting an offline gain.",
        cite(_m(5)), 5),
    WarningRule(
        "W-BASE-MODEL-FIT", {"field": "latency_budget_ms", "lte": TIGHT_LATENCY_MS}, "info",
        "Pick the base model from deployment limits first (latency, cost, hosting, privacy, "
        "context length), then shape its behaviour.",
        cite(_m(6)), 6),
    WarningRule(
        "W-NO-PROMPT-BASELINE", {"field": "prompt_baseline_score", "unknown": True}, "caution",
        "No measured prompt baseline yet. A strong system prompt with examples, an output "
        "schema and retrieval is the yardstick any heavier approach must beat.",
        cite(_m(7), (SEED_PLAN, "baseline_with_best_prompt")), 7),
    WarningRule(
        "W-UNREALISTIC-GAIN",
        {"field": "prompt_baseline_score", "lt": 0.6},
        "caution",
        "Tuning usually adds on the order of 10-15% on the target metric. From a baseline this "
        "low the gap is more likely in the task definition, prompt or context than in weights.",
        cite((SEED_PLAN, "success_threshold"), _m(7)), 7),
    WarningRule(
        "W-WEAK-EVALUATION", {"field": "risk_domain", "in": HIGH_STAKES_DOMAINS}, "caution",
        "One aggregate score hides the failure that matters most here. Keep an error taxonomy, "
        "human review, red-team prompts and a staged rollout.",
        cite(_m(8)), 8),
    WarningRule(
        "W-RETRAINING-OVERHEAD",
        {"all": [_TUNING,
                 {"any": [{"field": "mlops_capacity", "is": "limited"},
                          {"field": "workflow_stability", "in": ["evolving"]},
                          {"field": "workflow_stability", "unknown": True}]}]},
        "caution",
        "A tuned model needs an owner: labelling, retraining, drift checks, versioning and "
        "rollback. Plan them, and their cost, before launch.",
        cite(_m(9), (M, "How to Prevent Fine-Tuning Mistakes")), 9),
    WarningRule(
        "W-ITERATION", _TUNING, "info",
        "Expect several prepare-train-test cycles; judge each run by the behaviour you care "
        "about, not by the job finishing.",
        cite((SEED_EXPECTATIONS, "First Attempts Are Rarely Final"),
             (SEED_EXPECTATIONS, "Test Against Real Use"))),
    WarningRule(
        "W-NO-GUARDRAILS", {"field": "risk_domain", "in": HIGH_STAKES_DOMAINS}, "high",
        "A confident wrong answer does harm in this domain. Add refusal policies and escalation, "
        "verify with tools, route risky requests to deterministic flows, and track harmful "
        "confidence as well as accuracy.",
        cite(_m(10)), 10),
)

WARNING_PREDICATES = {w.id: compile_condition(condition=w.when) for w in WARNINGS}
if len(WARNING_PREDICATES) != len(WARNINGS):
    raise ValueError("duplicate warning ids")


def warning_table() -> list[dict[str, object]]:
    """The warnings as plain JSON-ready dicts, for the artifact."""
    return [{k: v for k, v in vars(w).items() if v is not None} for w in WARNINGS]
