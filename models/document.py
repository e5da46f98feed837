"""The assessment document: what /assess returns, the database stores and every page renders.

One typed model for every channel (REST, CLI, the report page, Slack), so a renderer reads typed
fields instead of re-checking a dict. It holds the contract's fields plus the advisor's extras,
in the order the JSON shows them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from models.advice import Advice
from models.feasibility import latency_warnings
from models.questionnaire import Questionnaire
from models.result import InferredItem, ModelResult

EXAMPLE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "examples" / "assessment.json").read_text(encoding="utf-8")
)
PASSAGE_EXAMPLE: dict[str, Any] = {
    key: value for key, value in EXAMPLE["guidance"][0].items() if key != "supports"
}


class GuidancePassage(BaseModel):
    """A retrieved passage and where it comes from."""

    model_config = ConfigDict(json_schema_extra={"examples": [PASSAGE_EXAMPLE]})

    text: str
    source: str = Field(description="file and section, e.g. `rag-vs-fine-tuning.md § When ...`")
    score: float = Field(
        ge=0,
        le=1,
        description="dense and BM25 scores, each normalised by its best hit, weighted 0.55/0.45",
    )
    title: str
    file: str
    section: str
    collection: str
    cites: list[str] = Field(
        default_factory=list, description="seed sections this passage draws on"
    )
    dense_rank: int | None = None
    keyword_rank: int | None = None


class SupportingPassage(GuidancePassage):
    """A guidance passage and the rules or warnings it backs up."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE["guidance"][0]]})

    supports: list[str] = Field(
        description="ids of the rules/warnings (or the recommendation) it supports"
    )


class _Identity(BaseModel):
    """Which assessment this is and what it is about: the document's first fields."""

    id: str
    created_at: str
    project_name: str | None = None


class _Delivery(BaseModel):
    """What retrieval added and the answers the assessment was made from: its last fields."""

    guidance: list[SupportingPassage]
    degraded: bool = Field(
        description="true when the database was unreachable; guidance is omitted"
    )
    guidance_note: str | None = Field(default=None, description="why guidance is missing, if it is")
    questionnaire: Questionnaire = Field(description="the answers as given (unknown ones left out)")
    inferred: list[InferredItem] = Field(
        default_factory=list,
        description="what was read from the description: filled, agreeing or conflicting answers",
    )
    measured: list[InferredItem] = Field(
        default_factory=list,
        description="answers taken from a dataset audit (dataset_audit_id): the usable example "
        "count and data quality, filled, agreeing or conflicting like the description's",
    )


class AssessmentDocument(_Delivery, Advice, ModelResult, _Identity):
    """What POST /assess returns and GET /assessments/{id} returns again, unchanged.

    The model's result and the advice are inherited, not repeated; pydantic orders the fields
    base by base (identity, result, advice, delivery), which is the order the JSON shows.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE]})

    @field_serializer("questionnaire")
    def _given_answers(self, questionnaire: Questionnaire) -> dict[str, Any]:
        """Only the answers given: an unknown answer is absent, as the team sent it."""
        return questionnaire.model_dump(mode="json", exclude_none=True)

    @classmethod
    def build(
        cls, *, assessment_id: str, questionnaire: Questionnaire, result: ModelResult,
        advice: Advice, inferred: list[InferredItem] | None = None,
        measured: list[InferredItem] | None = None,
    ) -> AssessmentDocument:
        """Assemble the document from its parts, adding the estimates' latency warnings."""
        return cls(
            id=assessment_id,
            created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            project_name=questionnaire.project_name,
            **{**dict(result), "warnings": [*result.warnings, *latency_warnings(
                estimates=advice.estimates, recommendation=result.recommendation)]},
            **dict(advice),
            guidance=[],
            degraded=False,
            guidance_note=None,
            questionnaire=questionnaire,
            inferred=inferred or [],
            measured=measured or [],
        )

    def to_json(self) -> str:
        """The document as sent to clients and stored: one serialisation for both."""
        return self.model_dump_json()
