"""Typed pieces of an assessment, shared by the model, the API, Slack and the report page."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.vocabulary import Approach, Recommendation


class FiredRule(BaseModel):
    """A rule whose condition held, and what it did to the recommendation."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "R-FRESH-KNOWLEDGE",
                    "effect": "log_odds",
                    "approach": "rag",
                    "log_odds": 1.0,
                    "message": "Facts behind correct answers change weekly; look them up.",
                    "constraint": None,
                    "source": "003_12c0c7f61fca504c.txt § 2. Using Fine-Tuning to "
                    "Solve a Retrieval Problem",
                    "mistake": 2,
                    "weight": 1.0,
                }
            ]
        },
    )

    id: str = Field(examples=["R-FRESH-KNOWLEDGE"])
    message: str
    effect: Literal["constraint", "log_odds"]
    approach: Approach | None = Field(
        default=None, description="the approach the effect applies to, if one"
    )
    log_odds: float | None = Field(
        default=None, description="the adjustment added to that approach's logit (log_odds rules)"
    )
    constraint: str | None = Field(
        default=None, description="what the hard constraint forbids or forces (constraint rules)"
    )
    source: str = Field(description="seed file and section the rule encodes")
    mistake: int | None = Field(
        default=None, description="number of the common mistake (003 seed, 1-10) it guards against"
    )
    weight: float | None = Field(
        default=None,
        description="share of plausible answers for which the condition holds: 1 when every "
        "answer it reads is known, less when some are unknown (log_odds is already scaled by it)",
    )


class Warning(BaseModel):
    """A risk or known mistake this project is exposed to."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "W-NO-GUARDRAILS",
                    "severity": "high",
                    "mistake": 10,
                    "message": "High-stakes outputs need refusal, escalation and checks.",
                    "source": "003_12c0c7f61fca504c.txt § 10. No Guardrails for Sensitive Outputs",
                }
            ]
        },
    )

    id: str = Field(examples=["W-NO-GUARDRAILS"])
    message: str
    severity: Literal["info", "caution", "high"]
    mistake: int | None = Field(
        default=None, description="number of the common mistake (003 seed, 1-10) it maps to"
    )
    source: str
    field: str | None = Field(
        default=None, description="the questionnaire field the warning is about, if one"
    )


class InferredItem(BaseModel):
    """What the advisor read from the description (or another source) about one field."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "field": "mlops_capacity",
                    "value": "limited",
                    "evidence": "It's just me maintaining this next to my day job",
                    "status": "conflicts",
                    "confidence": 0.83,
                    "specific": True,
                    "hedged": False,
                    "start": 312,
                    "end": 360,
                    "source": "description",
                }
            ]
        },
    )

    field: str
    value: bool | int | float | str
    evidence: str = Field(description="an exact substring of the description supporting it")
    status: Literal["filled", "agrees", "conflicts"]
    confidence: float = Field(ge=0, le=1, description="the reader's probability for this value")
    specific: bool = Field(
        description="a number, a named frequency, team size, owner, data source or domain fact"
    )
    hedged: bool = Field(description="the team's own words hedge it (maybe, I think, a question)")
    start: int | None = Field(default=None, description="offset of the evidence in the text")
    end: int | None = None
    source: str = Field(default="description", description="where it was read from")


class Contribution(BaseModel):
    """One logistic term: coefficient x encoded answer, in log-odds."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "approach": "fine_tuning",
                    "feature": "mlops",
                    "answer": "dedicated",
                    "value": 1.42,
                },
                {
                    "approach": "rag",
                    "feature": "rule:R-FRESH-KNOWLEDGE",
                    "answer": None,
                    "value": 1.0,
                },
            ]
        },
    )

    approach: Approach
    feature: str
    answer: bool | int | float | str | None = Field(
        default=None, description="the questionnaire answer the feature encodes"
    )
    value: float = Field(description="log-odds this feature adds to the approach's logit")


class ModelResult(BaseModel):
    """What the rules-plus-logistic model says about one questionnaire."""

    model_config = ConfigDict(extra="forbid")

    recommendation: Recommendation
    scores: dict[Approach, float]
    logits: dict[Approach, float]
    intercepts: dict[Approach, float]
    rules: list[FiredRule]
    contributions: list[Contribution]
    warnings: list[Warning]
    ruled_out: dict[Approach, list[str]] = Field(
        default_factory=dict,
        description="approaches a constraint rules out of the recommendation, with the ids of "
        "the rules that do (their messages, in `rules`, say why); such an approach is never "
        "recommended however it scores",
        examples=[{"fine_tuning": ["R-NO-SUCCESS-METRIC"], "rag": ["R-NOTHING-TO-RETRIEVE"]}],
    )
    model_version: str
