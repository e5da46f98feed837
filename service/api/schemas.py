"""Response documents of the REST API (the contract's shapes plus the advisor's extras)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from models.advice import Advice
from models.questionnaire import Approach, Recommendation, storable_text
from models.result import Contribution, FiredRule, Warning
from service.api.routes.guidance import GuidancePassage

EXAMPLE_ASSESSMENT: dict[str, Any] = json.loads(
    (Path(__file__).parent / "examples" / "assessment.json").read_text(encoding="utf-8")
)


class SupportingPassage(GuidancePassage):
    """A guidance passage and the rules or warnings it backs up."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_ASSESSMENT["guidance"][0]]})

    supports: list[str] = Field(
        description="ids of the rules/warnings (or the recommendation) it supports"
    )


class AssessmentDocument(Advice):
    """What POST /assess returns and GET /assessments/{id} returns again, unchanged."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE_ASSESSMENT]})

    id: str
    created_at: str
    project_name: str | None = None
    recommendation: Recommendation
    scores: dict[Approach, float]
    logits: dict[Approach, float]
    intercepts: dict[Approach, float]
    rules: list[FiredRule]
    contributions: list[Contribution]
    warnings: list[Warning]
    guidance: list[SupportingPassage]
    model_version: str
    degraded: bool = Field(
        description="true when the database was unreachable; guidance is omitted"
    )
    guidance_note: str | None = Field(default=None, description="why guidance is missing, if it is")
    questionnaire: dict[str, Any]


class AssessmentList(BaseModel):
    """Stored assessments, newest first."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [EXAMPLE_ASSESSMENT]}]})

    items: list[AssessmentDocument]


class ErrorBody(BaseModel):
    """Every error: a message, or for 422 a list of {loc, msg, type} per invalid field."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"detail": "no assessment with id '0190...'"},
                {
                    "detail": [
                        {
                            "loc": ["body", "requests_per_day"],
                            "msg": "Input should be less than or equal to 1000000000",
                            "type": "less_than_equal",
                        }
                    ]
                },
            ]
        }
    )

    detail: Any


class OutcomeIn(BaseModel):
    """What a team did after an assessment, and what it measured."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "approach_taken": "fine_tuning",
                    "metric_before": 0.72,
                    "metric_after": 0.96,
                    "guardrail_before": 0.81,
                    "guardrail_after": 0.80,
                    "verdict": "success",
                    "notes": "schema-valid fraction on the 100-example held-out set",
                }
            ]
        },
    )

    approach_taken: Recommendation
    metric_before: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    metric_after: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    guardrail_before: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    guardrail_after: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    verdict: (
        Literal["success", "improved_short_of_bar", "no_gain_over_prompting", "guardrail_breached"]
        | None
    ) = None
    notes: Annotated[str, AfterValidator(storable_text)] | None = Field(
        default=None, max_length=4000
    )


class OutcomeOut(OutcomeIn):
    assessment_id: str
    recorded_at: str
