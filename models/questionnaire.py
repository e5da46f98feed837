"""The project questionnaire, exactly as ../shared/contract/API.md defines it.

Unknown fields are rejected; every optional answer may be absent or null, which means "unknown".
How each answer becomes model features is documented in `models/features.py`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator


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
    prompt_engineering = "prompt_engineering"
    rag = "rag"
    fine_tuning = "fine_tuning"


class Recommendation(StrEnum):
    prompt_engineering = "prompt_engineering"
    rag = "rag"
    fine_tuning = "fine_tuning"
    rag_and_fine_tuning = "rag_and_fine_tuning"


HIGH_STAKES = frozenset(
    {RiskDomain.finance, RiskDomain.health, RiskDomain.legal, RiskDomain.security, RiskDomain.web3}
)

StrictInt = Annotated[int, Field(strict=True)]


def storable_text(value: str) -> str:
    """Text PostgreSQL can store: no NUL characters, valid UTF-8 (no lone surrogates)."""
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\u0000) characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError("must be valid Unicode text (no lone surrogates)") from err
    return value


class Questionnaire(BaseModel):
    """A team's answers; the five required ones are enough for an assessment."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=False,
        json_schema_extra={
            "examples": [
                {
                    "project_name": "Support macro drafting",
                    "task_narrowness": "narrow",
                    "knowledge_freshness": "monthly",
                    "requests_per_day": 40000,
                    "mlops_capacity": "dedicated",
                    "risk_domain": "general",
                    "description": "Draft replies to billing tickets in our fixed macro format.",
                    "primary_gap": "format",
                    "needs_private_context": False,
                    "labeled_examples": 3000,
                    "data_quality": "clean",
                    "output_strictness": "strict_schema",
                    "success_metric_defined": True,
                    "prompt_baseline_score": 0.72,
                    "workflow_stability": "stable",
                    "latency_budget_ms": 800,
                }
            ]
        },
    )

    task_narrowness: TaskNarrowness
    knowledge_freshness: KnowledgeFreshness
    requests_per_day: int = Field(ge=0, le=1_000_000_000, strict=True)
    mlops_capacity: MlopsCapacity
    risk_domain: RiskDomain

    project_name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=4000)
    primary_gap: PrimaryGap | None = None
    needs_private_context: StrictBool | None = None
    labeled_examples: int | None = Field(default=None, ge=0, le=100_000_000, strict=True)
    data_quality: DataQuality | None = None
    output_strictness: OutputStrictness | None = None
    success_metric_defined: StrictBool | None = None
    prompt_baseline_score: float | None = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)
    workflow_stability: WorkflowStability | None = None
    latency_budget_ms: int | None = Field(default=None, ge=1, le=600_000, strict=True)

    @field_validator("project_name", "description")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        """PostgreSQL cannot store NUL or lone surrogates; refuse them here with a clear message."""
        return None if value is None else storable_text(value)

    @property
    def high_stakes(self) -> bool:
        """Every domain but `general` is one where a confident wrong answer does harm."""
        return self.risk_domain in HIGH_STAKES
