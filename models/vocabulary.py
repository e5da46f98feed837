"""The advisor's vocabulary, declared once: answer enums, named groups of answers, seed files.

Every other module imports these names instead of retyping values, so a value added here reaches
the model, the rules, the advice, the pages and Slack together. Groups are tuples in enum order
(serialised rules in the artifact keep a stable order); `values()` gives their plain strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class TaskNarrowness(StrEnum):
    narrow = "narrow"
    moderate = "moderate"
    broad = "broad"


class KnowledgeFreshness(StrEnum):
    static = "static"
    monthly = "monthly"
    weekly = "weekly"
    daily = "daily"
    realtime = "realtime"


class MlopsCapacity(StrEnum):
    none = "none"
    limited = "limited"
    dedicated = "dedicated"


class RiskDomain(StrEnum):
    general = "general"
    finance = "finance"
    health = "health"
    legal = "legal"
    security = "security"
    web3 = "web3"


class PrimaryGap(StrEnum):
    knowledge = "knowledge"
    format = "format"  # type: ignore[assignment]  # the contract names it; shadows str.format
    style = "style"
    policy = "policy"
    reasoning = "reasoning"


class DataQuality(StrEnum):
    clean = "clean"
    mixed = "mixed"
    noisy = "noisy"


class OutputStrictness(StrEnum):
    free_text = "free_text"
    structured = "structured"
    strict_schema = "strict_schema"


class WorkflowStability(StrEnum):
    changes_weekly = "changes_weekly"
    evolving = "evolving"
    stable = "stable"


class Approach(StrEnum):
    """The three approaches the model scores."""

    prompt_engineering = "prompt_engineering"
    rag = "rag"
    fine_tuning = "fine_tuning"


class Recommendation(StrEnum):
    """The four answers the advisor can give: an approach, or retrieval plus fine-tuning."""

    prompt_engineering = "prompt_engineering"
    rag = "rag"
    fine_tuning = "fine_tuning"
    rag_and_fine_tuning = "rag_and_fine_tuning"


def values(members: Iterable[StrEnum]) -> list[str]:
    """Plain strings of enum members, in the given order (for JSON and rule conditions)."""
    return [member.value for member in members]


APPROACHES: tuple[str, ...] = tuple(values(Approach))
LABELS: tuple[str, ...] = tuple(values(Recommendation))

# Every domain but `general` is one where a confidently wrong answer does harm.
HIGH_STAKES: tuple[RiskDomain, ...] = tuple(d for d in RiskDomain if d is not RiskDomain.general)
# Facts that move at least weekly cannot live in weights.
FRESH_KNOWLEDGE: tuple[KnowledgeFreshness, ...] = (
    KnowledgeFreshness.weekly, KnowledgeFreshness.daily, KnowledgeFreshness.realtime,
)
UNCLEAN_DATA: tuple[DataQuality, ...] = (DataQuality.mixed, DataQuality.noisy)
USES_RETRIEVAL: tuple[Recommendation, ...] = (
    Recommendation.rag, Recommendation.rag_and_fine_tuning,
)
USES_FINE_TUNING: tuple[Recommendation, ...] = (
    Recommendation.fine_tuning, Recommendation.rag_and_fine_tuning,
)

# Approaches and recommendations as people read them.
APPROACH_NAMES: dict[str, str] = {
    "prompt_engineering": "Prompt engineering",
    "rag": "Retrieval (RAG)",
    "fine_tuning": "Fine-tuning",
    "rag_and_fine_tuning": "Retrieval plus fine-tuning",
}
SHORT_NAMES: dict[str, str] = {
    "prompt_engineering": "PE", "rag": "RAG", "fine_tuning": "FT", "rag_and_fine_tuning": "RAG+FT",
}


def parts_of(*, recommendation: str) -> tuple[str, ...]:
    """The scored approaches a recommendation stands for (the hybrid stands for two)."""
    if recommendation == Recommendation.rag_and_fine_tuning:
        return (Approach.rag.value, Approach.fine_tuning.value)
    return (recommendation,) if recommendation in APPROACHES else ()


# The three seed documents the guidance is drawn from (../shared/seeds).
SEED_EXPECTATIONS = "000_01f057d6d52a9f9d.txt"
SEED_PLAN = "002_91778d55da1d4448.txt"
SEED_MISTAKES = "003_12c0c7f61fca504c.txt"
