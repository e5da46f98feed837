"""Response documents of the REST API (the contract's shapes plus the advisor's extras)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from models.document import EXAMPLE, AssessmentDocument
from models.questionnaire import storable_text
from models.verdict import VerdictName, VerdictResponse
from models.vocabulary import Recommendation
from service.outcome_rules import own_numbers

OWN_FIELDS = {
    "verdict", "metric_before", "metric_after", "guardrail_before", "guardrail_after",
}


class DocumentResponse(Response):
    """An assessment document as JSON, serialised once from the typed model."""

    media_type = "application/json"

    def __init__(self, document: AssessmentDocument, status_code: int = 200) -> None:
        super().__init__(content=document.to_json(), status_code=status_code)


class AssessmentList(BaseModel):
    """Stored assessments, newest first."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [EXAMPLE], "next": "MjAyNi0xMS0yNlQx..."}]}
    )

    items: list[AssessmentDocument]
    next: str | None = Field(
        default=None, description="pass as `cursor` for the next (older) page; null at the end"
    )


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
    verdict: VerdictName | None = None
    verdict_document: VerdictResponse | None = Field(
        default=None,
        description="the POST /verdict answer this outcome was judged by; `advisor train "
        "--with-outcomes` learns only from settled ones (not inconclusive)",
    )
    notes: Annotated[str, AfterValidator(storable_text)] | None = Field(
        default=None, max_length=4000
    )

    @model_validator(mode="after")
    def _one_verdict(self) -> OutcomeIn:
        """A verdict document decides the verdict; a different plain verdict beside it is a 422."""
        if self.verdict_document is None:
            return self
        if self.verdict is not None and self.verdict != self.verdict_document.verdict:
            raise ValueError(
                f"verdict {self.verdict!r} disagrees with verdict_document's "
                f"{self.verdict_document.verdict!r}; send one or make them match"
            )
        self.verdict = self.verdict_document.verdict
        return self

    @model_validator(mode="after")
    def _consistent(self) -> OutcomeIn:
        """A verdict its own numbers contradict (success with metric_after below metric_before)
        is a 422 naming the field."""
        found = own_numbers(outcome=self.model_dump(include=OWN_FIELDS))
        if found:
            raise ValueError("; ".join(f"{field}: {problem}" for field, problem in found))
        return self


class OutcomeOut(OutcomeIn):
    assessment_id: str
    recorded_at: str
