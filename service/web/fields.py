"""The intake form's questions: one per questionnaire field, explained in contract terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["select", "tristate", "integer", "decimal", "text", "textarea"]


@dataclass(frozen=True)
class Choice:
    """One option of a select: the contract value and a label that explains it."""

    value: str
    label: str


@dataclass(frozen=True)
class FormField:
    """How one questionnaire field is asked, constrained and explained on the form."""

    name: str
    label: str
    help: str
    kind: Kind
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    default: str = ""
    placeholder: str = ""


UNKNOWN = Choice(value="", label="Not sure / unknown")
PICK_ONE = Choice(value="", label="Choose one…")
TRISTATE = (UNKNOWN, Choice(value="yes", label="Yes"), Choice(value="no", label="No"))

REQUIRED: tuple[FormField, ...] = (
    FormField(
        name="task_narrowness", label="How narrow is the task?", kind="select", required=True,
        help="Think of what the model must do on every request.",
        choices=(
            PICK_ONE,
            Choice("narrow", "Narrow: one repeatable job with a fixed output (classify, extract, "
                   "rewrite to a template)"),
            Choice("moderate", "Moderate: a family of related jobs"),
            Choice("broad", "Broad: open-ended help, reasoning or wide domain expertise"),
        ),
    ),
    FormField(
        name="knowledge_freshness", label="How often do the facts behind correct answers change?",
        kind="select", required=True,
        help="Prices, policies, inventory or documents the answers depend on.",
        choices=(
            PICK_ONE,
            Choice("static", "Static: they practically never change"),
            Choice("monthly", "Monthly"),
            Choice("weekly", "Weekly"),
            Choice("daily", "Daily"),
            Choice("realtime", "Real time: they change continuously"),
        ),
    ),
    FormField(
        name="requests_per_day", label="Expected requests per day in production", kind="integer",
        required=True, minimum=0, maximum=1_000_000_000, placeholder="e.g. 5000",
        help="A whole number from 0 to 1,000,000,000; a rough estimate is fine.",
    ),
    FormField(
        name="mlops_capacity", label="Who can own retraining, eval sets, versioning and rollback?",
        kind="select", required=True,
        help="A fine-tuned model needs someone to retrain, evaluate and roll it back over time.",
        choices=(
            PICK_ONE,
            Choice("none", "Nobody: no one can take this on"),
            Choice("limited", "Limited: a part-time owner"),
            Choice("dedicated", "Dedicated: a team that already runs training pipelines"),
        ),
    ),
    FormField(
        name="risk_domain", label="Which domain are the outputs in?", kind="select", required=True,
        default="general",
        help="Every domain except general is high-stakes: a confident wrong answer does harm.",
        choices=(
            Choice("general", "General"),
            Choice("finance", "Finance"),
            Choice("health", "Health"),
            Choice("legal", "Legal"),
            Choice("security", "Security"),
            Choice("web3", "Web3"),
        ),
    ),
)

OPTIONAL: tuple[FormField, ...] = (
    FormField(
        name="project_name", label="Project name", kind="text", max_length=200,
        placeholder="e.g. Support macro drafting",
        help="Up to 200 characters; shown on the report and in the history.",
    ),
    FormField(
        name="description", label="Describe the use case", kind="textarea", max_length=4000,
        help="In your team's own words, up to 4,000 characters. Used to find relevant guidance.",
    ),
    FormField(
        name="primary_gap", label="What does the model get wrong today?", kind="select",
        help="The main shortfall of the best prompt you have tried.",
        choices=(
            UNKNOWN,
            Choice("knowledge", "Knowledge: facts that are missing or out of date"),
            Choice("format", "Format: the structure of the output"),
            Choice("style", "Style: tone or voice"),
            Choice("policy", "Policy: the decisions it makes"),
            Choice("reasoning", "Reasoning: multi-step problems"),
        ),
    ),
    FormField(
        name="needs_private_context", label="Do answers need private context at request time?",
        kind="tristate", choices=TRISTATE,
        help="Yes if answers depend on private documents or user-specific data when asked.",
    ),
    FormField(
        name="labeled_examples", label="Clean, current labelled examples available",
        kind="integer", minimum=0, maximum=100_000_000, placeholder="e.g. 3000",
        help="Input → output pairs you could train on today; a whole number up to 100,000,000.",
    ),
    FormField(
        name="data_quality", label="How consistent are those examples?", kind="select",
        help="Contradictory or outdated examples teach the model contradictions.",
        choices=(
            UNKNOWN,
            Choice("clean", "Clean: consistent and current"),
            Choice("mixed", "Mixed: some contradictions or stale answers"),
            Choice("noisy", "Noisy: many contradictions or stale answers"),
        ),
    ),
    FormField(
        name="output_strictness", label="How strict is the output format?", kind="select",
        help="Whether downstream code parses the output.",
        choices=(
            UNKNOWN,
            Choice("free_text", "Free text"),
            Choice("structured", "Structured: a consistent layout or fields"),
            Choice("strict_schema", "Strict schema: output must validate against a schema"),
        ),
    ),
    FormField(
        name="success_metric_defined", label="Is a measurable success criterion defined?",
        kind="tristate", choices=TRISTATE,
        help="Yes if you have a metric and a baseline to compare any change against.",
    ),
    FormField(
        name="prompt_baseline_score", label="Best prompt's score on that metric",
        kind="decimal", minimum=0, maximum=1, placeholder="e.g. 0.72",
        help="A number from 0 to 1, decimals allowed (0.72 means 72%). Leave empty if unmeasured.",
    ),
    FormField(
        name="workflow_stability", label="How fast do the workflow, policy or docs change?",
        kind="select",
        help="Fine-tuning bakes today's workflow into the model.",
        choices=(
            UNKNOWN,
            Choice("changes_weekly", "They change every week"),
            Choice("evolving", "Still evolving"),
            Choice("stable", "Stable"),
        ),
    ),
    FormField(
        name="latency_budget_ms", label="Latency budget per request (milliseconds)",
        kind="integer", minimum=1, maximum=600_000, placeholder="e.g. 800",
        help="The longest a response may take, from 1 to 600,000 ms.",
    ),
)

ALL_FIELDS: tuple[FormField, ...] = REQUIRED + OPTIONAL
BY_NAME: dict[str, FormField] = {field.name: field for field in ALL_FIELDS}


def defaults() -> dict[str, str]:
    """The blank form's values: only pre-answers that are safe to assume."""
    return {field.name: field.default for field in ALL_FIELDS}
