"""The five-question fine-tuning readiness checklist (003 seed), answered from the questionnaire.

Each item reports the answer the questionnaire implies, the matching column's advice in this
project's terms, and the fields it looked at; `unknown` means the answers leave the question open,
and the advice then says what to find out. Note the third question is inverted: a `yes` to fresh
knowledge counts against fine-tuning, so `supports_fine_tuning` states the direction explicitly.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.questionnaire import Questionnaire
from models.seeds import cite
from models.vocabulary import (
    FRESH_KNOWLEDGE,
    SEED_MISTAKES,
    UNCLEAN_DATA,
    DataQuality,
    KnowledgeFreshness,
    MlopsCapacity,
    PrimaryGap,
    TaskNarrowness,
    WorkflowStability,
)

Answer = Literal["yes", "no", "unknown"]
MIN_PILOT_EXAMPLES = 200  # "a few hundred" clean examples can carry a narrow pilot (003 FAQ)
SOURCE = cite((SEED_MISTAKES, "A Practical Fine-Tuning Readiness Checklist"))


class ReadinessItem(BaseModel):
    """One checklist question, answered for this project."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "narrow_repeatable",
                    "question": "Is the task narrow and repeatable?",
                    "answer": "yes",
                    "supports_fine_tuning": True,
                    "advice": "One repeatable job is the shape fine-tuning suits.",
                    "based_on": ["task_narrowness", "workflow_stability"],
                    "source": SOURCE,
                }
            ]
        },
    )

    id: str
    question: str
    answer: Answer
    supports_fine_tuning: bool | None = Field(
        description="whether this answer counts for fine-tuning; null when unknown"
    )
    advice: str
    based_on: list[str] = Field(description="questionnaire fields the answer was read from")
    source: str


def _item(
    *, id: str, question: str, answer: Answer, favourable: Answer, advice: str, based_on: list[str]
) -> ReadinessItem:
    """Build an item, deriving the fine-tuning direction from the favourable answer."""
    supports = None if answer == "unknown" else answer == favourable
    return ReadinessItem(
        id=id, question=question, answer=answer, supports_fine_tuning=supports, advice=advice,
        based_on=based_on, source=SOURCE,
    )


def _narrow(*, q: Questionnaire) -> ReadinessItem:
    """Narrow and repeatable: the narrowness answer, undercut by a workflow that keeps changing."""
    fields = ["task_narrowness", "workflow_stability"]
    weekly = q.workflow_stability is WorkflowStability.changes_weekly
    answer: Answer
    if q.task_narrowness is TaskNarrowness.narrow and not weekly:
        answer, advice = "yes", ("One repeatable job with a fixed output is the shape fine-tuning "
                                 "suits; it may fit once the other checks pass.")
    elif q.task_narrowness is TaskNarrowness.narrow:
        answer, advice = "no", ("The job is narrow but the workflow changes weekly, so it does "
                                "not repeat for long: improve the prompt and workflow first.")
    elif q.task_narrowness is TaskNarrowness.moderate:
        answer, advice = "no", ("A family of jobs is not one task: split it, and improve prompts "
                                "or the workflow until one high-volume job stands out to pilot.")
    else:
        answer, advice = "no", ("Open-ended work is where fine-tuning fails: rely on prompt "
                                "design and workflow changes instead.")
    return _item(id="narrow_repeatable", question="Is the task narrow and repeatable?",
                 answer=answer, favourable="yes", advice=advice, based_on=fields)


def _examples(*, q: Questionnaire) -> ReadinessItem:
    """Clean, current examples: quality first, then whether there are enough for a pilot."""
    fields = ["labeled_examples", "data_quality"]
    count, quality = q.labeled_examples, q.data_quality
    answer: Answer
    if quality in UNCLEAN_DATA:
        answer, advice = "no", (f"The examples are {quality.value}: fix the data pipeline first "
                                "(one answer style, current policy only, tagged by source and "
                                "date) before adding volume.")
    elif count is not None and count < MIN_PILOT_EXAMPLES:
        answer, advice = "no", (f"{count} examples is too few for a pilot: collect a few hundred "
                                "clean, current ones from real traffic first.")
    elif quality is DataQuality.clean and count is not None:
        answer, advice = "yes", (f"{count} clean examples are enough to start a small pilot; "
                                 "keep the held-out set separate.")
    elif quality is DataQuality.clean:
        answer, advice = "unknown", ("The data is clean but the count is unknown: count the "
                                     f"usable examples (a pilot needs about {MIN_PILOT_EXAMPLES}).")
    elif count is not None:
        answer, advice = "unknown", (f"{count} examples, quality unknown: sample 50 and check "
                                     "them for contradictions and stale answers.")
    else:
        answer, advice = "unknown", ("Find out how many clean, current input-output examples "
                                     "exist and how consistent they are.")
    return _item(id="clean_current_examples", question="Do you have clean, current examples?",
                 answer=answer, favourable="yes", advice=advice, based_on=fields)


def _fresh(*, q: Questionnaire) -> ReadinessItem:
    """Fresh knowledge: fast-changing facts, private per-request context, or a knowledge gap."""
    fields = ["knowledge_freshness", "needs_private_context", "primary_gap"]
    reasons = []
    if q.knowledge_freshness in FRESH_KNOWLEDGE:
        reasons.append(f"the facts change {q.knowledge_freshness.value}")
    if q.needs_private_context:
        reasons.append("answers depend on private documents at request time")
    if q.primary_gap is PrimaryGap.knowledge and q.knowledge_freshness is not (
        KnowledgeFreshness.static
    ):
        reasons.append("the main gap is missing or current facts")
    answer: Answer
    if reasons:
        answer = "yes"
        advice = ("Use retrieval or a hybrid: " + "; ".join(reasons) + ". Weights cannot "
                  "track changing facts, so keep fine-tuning for format, tone or policy.")
    else:
        answer = "no"
        advice = (f"The facts are {q.knowledge_freshness.value}, so fine-tuning is more viable; "
                  "retrain when they change.")
        if q.needs_private_context is None:
            advice += " Confirm answers do not need private documents at request time."
    return _item(id="fresh_knowledge", question="Does the task depend on fresh knowledge?",
                 answer=answer, favourable="no", advice=advice, based_on=fields)


def _measurable(*, q: Questionnaire) -> ReadinessItem:
    """Measurable impact: a defined metric, or a measured prompt baseline on one."""
    fields = ["success_metric_defined", "prompt_baseline_score"]
    answer: Answer
    if q.success_metric_defined is False:
        answer, advice = "no", ("Define success before training: one metric for the behaviour, "
                                "a threshold, and a no-regression guardrail.")
    elif q.success_metric_defined or q.prompt_baseline_score is not None:
        answer, advice = "yes", ("Success is measurable, so run a controlled rollout (shadow "
                                 "mode, then an A/B test) and compare against the baseline.")
        if q.prompt_baseline_score is None:
            advice += " Measure the best prompt's baseline first."
    else:
        answer, advice = "unknown", ("Find out whether a success metric and a prompt baseline "
                                     "exist; if not, write them down before training.")
    return _item(id="measurable_impact", question="Can you measure business impact clearly?",
                 answer=answer, favourable="yes", advice=advice, based_on=fields)


def _maintain(*, q: Questionnaire) -> ReadinessItem:
    """Retraining and evals: someone must own them, more so when the workflow keeps moving."""
    fields = ["mlops_capacity", "workflow_stability"]
    weekly = q.workflow_stability is WorkflowStability.changes_weekly
    answer: Answer
    if q.mlops_capacity is MlopsCapacity.dedicated:
        answer, advice = "yes", ("A team can own retraining, evals and rollback: scale carefully, "
                                 "with versioning and a rollback plan before launch.")
    elif q.mlops_capacity is MlopsCapacity.limited and not weekly:
        answer, advice = "yes", ("A part-time owner can carry a small pilot: scale carefully and "
                                 "keep retraining infrequent.")
    elif q.mlops_capacity is MlopsCapacity.limited:
        answer, advice = "no", ("A part-time owner cannot retrain as fast as a weekly-changing "
                                "workflow: avoid heavy customisation for now.")
    else:
        answer, advice = "no", ("Nobody can own retraining and evals: avoid heavy customisation; "
                                "prompts and retrieval need far less upkeep.")
    return _item(id="maintain_retraining", question="Can your team maintain retraining and evals?",
                 answer=answer, favourable="yes", advice=advice, based_on=fields)


def assess_readiness(*, questionnaire: Questionnaire) -> list[ReadinessItem]:
    """Answer the checklist item by item so the gaps to readiness are explicit."""
    checks = (_narrow, _examples, _fresh, _measurable, _maintain)
    return [check(q=questionnaire) for check in checks]
