"""The questionnaire's fields as modal inputs: labels, hints, choices and bounds, in order."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from models.questionnaire import (
    DataQuality,
    KnowledgeFreshness,
    MlopsCapacity,
    OutputStrictness,
    PrimaryGap,
    RiskDomain,
    TaskNarrowness,
    WorkflowStability,
)

DESCRIPTION_LIMIT = 4000

Kind = Literal["select", "yes_no", "integer", "decimal", "text", "long_text"]


@dataclass(frozen=True)
class Question:
    """One questionnaire field as a modal input; `name` is both block_id and action_id."""

    name: str
    label: str
    hint: str
    kind: Kind
    options: tuple[tuple[str, str], ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False


def _choices(*, enum: type[StrEnum], labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Options in enum order, so the modal can never offer a value the contract lacks."""
    return tuple((member.value, labels.get(member.value, member.value)) for member in enum)


QUESTIONS: tuple[Question, ...] = (
    Question(
        name="task_narrowness", label="How narrow is the task?", kind="select", required=True,
        hint="Narrow means one repeatable job with a fixed output.",
        options=_choices(enum=TaskNarrowness, labels={
            "narrow": "Narrow: one repeatable job, fixed output",
            "moderate": "Moderate: a family of related jobs",
            "broad": "Broad: open-ended help or reasoning",
        }),
    ),
    Question(
        name="knowledge_freshness", label="How often do the facts change?", kind="select",
        required=True, hint="The facts a correct answer depends on.",
        options=_choices(enum=KnowledgeFreshness, labels={
            "static": "Rarely or never", "monthly": "Monthly", "weekly": "Weekly",
            "daily": "Daily", "realtime": "In real time",
        }),
    ),
    Question(
        name="requests_per_day", label="Requests per day", kind="integer", required=True,
        hint="Expected production volume.", minimum=0, maximum=1_000_000_000,
    ),
    Question(
        name="mlops_capacity", label="Who can run training and rollbacks?", kind="select",
        required=True, hint="Retraining, eval sets, versioning and rollback need an owner.",
        options=_choices(enum=MlopsCapacity, labels={
            "none": "Nobody", "limited": "A part-time owner",
            "dedicated": "A team that runs training pipelines",
        }),
    ),
    Question(
        name="risk_domain", label="Domain of the outputs", kind="select", required=True,
        hint="Every domain but general is one where a confident wrong answer does harm.",
        options=_choices(enum=RiskDomain, labels={
            "general": "General", "finance": "Finance", "health": "Health", "legal": "Legal",
            "security": "Security", "web3": "Web3 / crypto",
        }),
    ),
    Question(name="project_name", label="Project name", kind="text", hint="", maximum=200),
    Question(
        name="description", label="Describe the use case", kind="long_text",
        hint="In your team's words; it is used to find supporting guidance.",
        maximum=DESCRIPTION_LIMIT,
    ),
    Question(
        name="primary_gap", label="What does the model get wrong today?", kind="select", hint="",
        options=_choices(enum=PrimaryGap, labels={
            "knowledge": "Missing or outdated facts", "format": "Output structure",
            "style": "Tone or voice", "policy": "A decision policy",
            "reasoning": "Multi-step reasoning",
        }),
    ),
    Question(
        name="needs_private_context", label="Do answers need private or per-user data?",
        kind="yes_no", hint="Documents or user data looked up at request time.",
    ),
    Question(
        name="labeled_examples", label="Clean labelled examples available", kind="integer",
        hint="Current input-to-output pairs you could train on.", minimum=0, maximum=100_000_000,
    ),
    Question(
        name="data_quality", label="How consistent are those examples?", kind="select", hint="",
        options=_choices(enum=DataQuality, labels={
            "clean": "Clean", "mixed": "Mixed", "noisy": "Noisy",
        }),
    ),
    Question(
        name="output_strictness", label="Output format", kind="select", hint="",
        options=_choices(enum=OutputStrictness, labels={
            "free_text": "Free text", "structured": "Structured",
            "strict_schema": "A strict schema",
        }),
    ),
    Question(
        name="success_metric_defined", label="Is there a success metric with a baseline?",
        kind="yes_no", hint="",
    ),
    Question(
        name="prompt_baseline_score", label="Best prompt's score on that metric (0 to 1)",
        kind="decimal", hint="", minimum=0, maximum=1,
    ),
    Question(
        name="workflow_stability", label="How fast do the workflow, policy or docs change?",
        kind="select", hint="",
        options=_choices(enum=WorkflowStability, labels={
            "changes_weekly": "Every week", "evolving": "Still evolving", "stable": "Stable",
        }),
    ),
    Question(
        name="latency_budget_ms", label="Latency budget (milliseconds)", kind="integer", hint="",
        minimum=1, maximum=600_000,
    ),
)
BY_NAME = {question.name: question for question in QUESTIONS}
YES_NO = (("true", "Yes"), ("false", "No"))
