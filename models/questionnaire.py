"""The project questionnaire, exactly as ../shared/contract/API.md defines it, declared once.

Each field carries its type and bounds (validated by pydantic) and an `Ask` (models/asking.py):
the label and help people see, each choice's explanation, how a what-if may change it and how
that change reads. The intake form, the Slack modal, the what-ifs and the report are generated
from `FIELDS`. Unknown fields are rejected; an optional answer that is absent or null means
"unknown". How answers become model features is declared in `models/features.py`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.asking import Ask, Choice, FieldSpec, Ladder, Steps, Toggle, specs
from models.vocabulary import (
    HIGH_STAKES,
    Approach,
    DataQuality,
    KnowledgeFreshness,
    MlopsCapacity,
    OutputStrictness,
    PrimaryGap,
    RiskDomain,
    TaskNarrowness,
    WorkflowStability,
)


def storable_text(value: str) -> str:
    """Text PostgreSQL can store: no NUL characters, valid UTF-8 (no lone surrogates)."""
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\u0000) characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError("must be valid Unicode text (no lone surrogates)") from err
    return value


EXAMPLE: dict[str, Any] = {
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
    "knowledge_size_tokens": 60000,
}
# The approaches a what-if on a field may bear on (see models/asking.py).
PE, RAG, FT = Approach.prompt_engineering.value, Approach.rag.value, Approach.fine_tuning.value
GAP_WORDS = {
    "knowledge": "missing or current facts", "format": "output format", "style": "tone or voice",
    "policy": "a decision policy", "reasoning": "multi-step reasoning",
}


class Questionnaire(BaseModel):
    """A team's answers; the five required ones are enough for an assessment."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=False, json_schema_extra={"examples": [EXAMPLE]},
    )

    task_narrowness: Annotated[TaskNarrowness, Ask(
        label="How narrow is the task?",
        topic="how narrow the task is",
        help="Think of what the model must do on every request.",
        choices=(
            Choice("narrow", "Narrow", "one repeatable job with a fixed output (classify, "
                   "extract, rewrite to a template)"),
            Choice("moderate", "Moderate", "a family of related jobs"),
            Choice("broad", "Broad", "open-ended help, reasoning or wide domain expertise"),
        ),
        what_if=Steps(weight=2.0, ordered=True, bears_on=(PE, FT)),
        phrase={"narrow": "if the task were one narrow, repeatable job",
                "moderate": "if the task were a family of related jobs",
                "broad": "if the task were broad and open-ended"},
    )]
    knowledge_freshness: Annotated[KnowledgeFreshness, Ask(
        label="How often do the facts behind correct answers change?",
        topic="how often the facts change",
        help="Prices, policies, inventory or documents the answers depend on.",
        choices=(
            Choice("static", "Static", "they practically never change"),
            Choice("monthly", "Monthly"),
            Choice("weekly", "Weekly"),
            Choice("daily", "Daily"),
            Choice("realtime", "Real time", "they change continuously"),
        ),
        what_if=Steps(weight=3.0, ordered=True, bears_on=(PE, RAG, FT)),
        phrase={"static": "if the facts were static", "monthly": "if the facts changed monthly",
                "weekly": "if the facts changed weekly", "daily": "if the facts changed daily",
                "realtime": "if the facts changed in real time"},
    )]
    requests_per_day: Annotated[int, Ask(
        label="Expected requests per day in production",
        topic="the daily request volume",
        help="A whole number from 0 to 1,000,000,000; a rough estimate is fine.",
        placeholder="e.g. 5000",
        what_if=Ladder(steps=(10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000), weight=1.5,
                       bears_on=(PE, FT)),
        phrase="at {value:,} requests/day",
    ), Field(ge=0, le=1_000_000_000, strict=True)]
    mlops_capacity: Annotated[MlopsCapacity, Ask(
        label="Who can own retraining, eval sets, versioning and rollback?",
        topic="who can own retraining and evals",
        help="A fine-tuned model needs someone to retrain, evaluate and roll it back over time.",
        choices=(
            Choice("none", "Nobody", "no one can take this on"),
            Choice("limited", "Limited", "a part-time owner"),
            Choice("dedicated", "Dedicated", "a team that already runs training pipelines"),
        ),
        what_if=Steps(weight=1.5, ordered=True, bears_on=(FT,)),
        phrase={"none": "with no MLOps owner", "limited": "with a part-time MLOps owner",
                "dedicated": "with dedicated MLOps capacity"},
    )]
    risk_domain: Annotated[RiskDomain, Ask(
        label="Which domain are the outputs in?",
        topic="the risk domain",
        help="Every domain except general is high-stakes: a confident wrong answer does harm.",
        choices=(Choice("general", "General"), Choice("finance", "Finance"),
                 Choice("health", "Health"), Choice("legal", "Legal"),
                 Choice("security", "Security"), Choice("web3", "Web3")),
        form_default="general",
        what_if=Steps(weight=5.0, ordered=False, bears_on=(FT,)),
        phrase={"general": "in a general, not high-stakes, domain",
                **{d.value: f"in the high-stakes {d.value} domain" for d in HIGH_STAKES}},
    )]

    project_name: Annotated[str | None, Ask(
        label="Project name", placeholder="e.g. Support macro drafting",
        topic="the project name",
        help="Up to 200 characters; shown on the report and in the history.",
    ), Field(min_length=1, max_length=200)] = None
    description: Annotated[str | None, Ask(
        label="Describe the use case", multiline=True,
        topic="the use case",
        help="In your team's own words, up to 4,000 characters. The advisor reads it: volumes, "
        "how often facts change, who maintains the system, which data answers use, what goes "
        "wrong today. What it reads fills unanswered questions, a specific statement that "
        "contradicts an answer is flagged, and it guides the cited passages.",
    ), Field(max_length=4000)] = None
    primary_gap: Annotated[PrimaryGap | None, Ask(
        label="What does the model get wrong today?",
        topic="what the model gets wrong today",
        help="The main shortfall of the best prompt you have tried.",
        choices=(
            Choice("knowledge", "Knowledge", "facts that are missing or out of date"),
            Choice("format", "Format", "the structure of the output"),
            Choice("style", "Style", "tone or voice"),
            Choice("policy", "Policy", "the decisions it makes"),
            Choice("reasoning", "Reasoning", "multi-step problems"),
        ),
        what_if=Steps(weight=2.5, ordered=False, bears_on=(PE, RAG, FT)),
        phrase={gap: f"if the main gap were {words}" for gap, words in GAP_WORDS.items()},
    )] = None
    needs_private_context: Annotated[bool | None, Ask(
        label="Do answers need private context at request time?",
        topic="whether answers need private context",
        help="Yes if answers depend on private documents or user-specific data when asked.",
        what_if=Toggle(to_true=3.0, to_false=3.0, bears_on=(RAG,)),
        phrase={True: "if answers needed private documents at request time",
                False: "if answers needed no private context"},
    ), Field(strict=True)] = None
    labeled_examples: Annotated[int | None, Ask(
        label="Clean, current labelled examples available", placeholder="e.g. 3000",
        topic="the number of labelled examples",
        help="Input → output pairs you could train on today; a whole number up to 100,000,000.",
        what_if=Ladder(steps=(0, 100, 300, 1_000, 3_000, 10_000, 100_000), weight=1.0,
                       bears_on=(FT,)),
        phrase="with {value:,} labelled examples",
    ), Field(ge=0, le=100_000_000, strict=True)] = None
    data_quality: Annotated[DataQuality | None, Ask(
        label="How consistent are those examples?",
        topic="how consistent the examples are",
        help="Contradictory or outdated examples teach the model contradictions.",
        choices=(
            Choice("clean", "Clean", "consistent and current"),
            Choice("mixed", "Mixed", "some contradictions or stale answers"),
            Choice("noisy", "Noisy", "many contradictions or stale answers"),
        ),
        what_if=Steps(weight=1.0, ordered=True, bears_on=(FT,)),
        phrase="with {value} training examples",
    )] = None
    output_strictness: Annotated[OutputStrictness | None, Ask(
        label="How strict is the output format?",
        topic="how strict the output format is",
        help="Whether downstream code parses the output.",
        choices=(
            Choice("free_text", "Free text"),
            Choice("structured", "Structured", "a consistent layout or fields"),
            Choice("strict_schema", "Strict schema", "output must validate against a schema"),
        ),
        what_if=Steps(weight=1.5, ordered=True, bears_on=(FT,)),
        phrase={"free_text": "with free-text output", "structured": "with structured output",
                "strict_schema": "with a strict output schema"},
    )] = None
    success_metric_defined: Annotated[bool | None, Ask(
        label="Is a measurable success criterion defined?",
        topic="whether a success metric is defined",
        help="Yes if you have a metric and a baseline to compare any change against.",
        # Defining a metric is cheap; dropping one that exists is not a plausible plan.
        what_if=Toggle(to_true=0.5, to_false=1.5, bears_on=(FT,)),
        phrase={True: "with a defined success metric and baseline",
                False: "without a defined success metric"},
    ), Field(strict=True)] = None
    prompt_baseline_score: Annotated[float | None, Ask(
        label="Best prompt's score on that metric", placeholder="e.g. 0.72",
        topic="the best prompt's measured score",
        help="A number from 0 to 1, decimals allowed (0.72 means 72%). Leave empty if unmeasured.",
        what_if=Ladder(steps=(0.3, 0.5, 0.7, 0.85, 0.95), weight=2.0, bears_on=(PE, FT)),
        phrase="if the best prompt scored {value:.2f}",
    ), Field(ge=0.0, le=1.0, allow_inf_nan=False)] = None
    workflow_stability: Annotated[WorkflowStability | None, Ask(
        label="How fast do the workflow, policy or docs change?",
        topic="how fast the workflow changes",
        help="Fine-tuning bakes today's workflow into the model.",
        choices=(
            Choice("changes_weekly", "Weekly", "they change every week"),
            Choice("evolving", "Evolving", "still evolving"),
            Choice("stable", "Stable"),
        ),
        what_if=Steps(weight=2.0, ordered=True, bears_on=(FT,)),
        phrase={"changes_weekly": "if the workflow changed weekly",
                "evolving": "if the workflow were still evolving",
                "stable": "with a stable workflow"},
    )] = None
    latency_budget_ms: Annotated[int | None, Ask(
        label="Latency budget per request (milliseconds)", placeholder="e.g. 800",
        topic="the latency budget",
        help="The longest a response may take, from 1 to 600,000 ms.",
        what_if=Ladder(steps=(100, 300, 1_000, 3_000, 10_000), weight=1.0, bears_on=(FT,)),
        phrase="with a {value:,} ms latency budget",
    ), Field(ge=1, le=600_000, strict=True)] = None
    knowledge_size_tokens: Annotated[int | None, Ask(
        label="Rough size of the documents answers draw on (tokens)", placeholder="e.g. 200000",
        topic="the size of the knowledge",
        help="About 0.75 words per token: a 40-page handbook is roughly 25,000 tokens. A whole "
        "number up to 1,000,000,000,000.",
        phrase="with about {value:,} tokens of knowledge",
    ), Field(ge=0, le=1_000_000_000_000, strict=True)] = None

    dataset_audit_id: Annotated[str | None, Ask(
        label="Dataset audit id", placeholder="e.g. 0190f3a2-5c1e-7b4d-9e8f-2a6b1c3d4e5f",
        topic="the dataset audit",
        help="The id of a stored audit of your training file (Audit a dataset, or POST "
        "/datasets/audit). Its measured usable examples and data quality are used where the two "
        "answers above are empty, and flagged where they disagree.",
    ), Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")] = None

    @field_validator("project_name", "description")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        """PostgreSQL cannot store NUL or lone surrogates; refuse them here with a clear message."""
        return None if value is None else storable_text(value)

    @property
    def high_stakes(self) -> bool:
        """Every domain but `general` is one where a confident wrong answer does harm."""
        return self.risk_domain in HIGH_STAKES


FIELDS: tuple[FieldSpec, ...] = specs(model=Questionnaire)
BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}
REQUIRED_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.required)
