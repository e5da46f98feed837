"""The staged path from evals to fine-tuning, each stage marked as applying to this project or not.

Order follows the seeds: measure first (002), exhaust prompting with examples and an output
schema (003 § 7), add retrieval when facts move or are private (003 § 2), clean the data when it
is noisy or thin (003 § 3), and only then fine-tune narrowly; high-stakes domains add guardrails
before any rollout (003 § 10).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from models.long_context import LongContextAdvice
from models.questionnaire import Questionnaire
from models.readiness import MIN_PILOT_EXAMPLES
from models.result import ModelResult
from models.seeds import cite
from models.vocabulary import (
    FRESH_KNOWLEDGE,
    SEED_EXPECTATIONS,
    SEED_MISTAKES,
    SEED_PLAN,
    UNCLEAN_DATA,
    USES_FINE_TUNING,
    USES_RETRIEVAL,
    Approach,
    DataQuality,
    OutputStrictness,
    PrimaryGap,
    Recommendation,
)

StageId = Literal[
    "evals_and_baseline", "prompting", "retrieval", "data_cleanup", "fine_tuning", "guardrails"
]


class NextStep(BaseModel):
    """One stage of the path, and whether and why it applies here."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "stage": 1,
                    "id": "evals_and_baseline",
                    "title": "Build the eval set and measure the prompt baseline",
                    "applies": True,
                    "why": "No baseline is measured yet, so no result could be judged.",
                    "do": "Hold out examples from live traffic and score the best prompt on them.",
                    "source": cite((SEED_PLAN, "Write this BEFORE you train")),
                }
            ]
        },
    )

    stage: int
    id: StageId
    title: str
    applies: bool
    why: str
    do: str
    source: str


def _evals(*, q: Questionnaire) -> NextStep:
    """Every path starts with a held-out set and the best prompt's score on it."""
    if q.prompt_baseline_score is not None:
        why = (f"The best prompt scores {q.prompt_baseline_score:.2f}; every later stage is "
               "judged against that number on the same held-out set.")
    elif q.success_metric_defined:
        why = "A metric exists but no prompt baseline is recorded: without it no gain can be shown."
    else:
        why = "No metric or baseline yet, so no approach can be shown to work or fail."
    return NextStep(
        stage=1, id="evals_and_baseline", applies=True, why=why,
        title="Build the eval set and measure the prompt baseline",
        do="Hold out examples sampled from live traffic, write the success plan, and score the "
           "best prompt on the held-out set before changing anything else.",
        source=cite(
            (SEED_PLAN, "Write this BEFORE you train"), (SEED_PLAN, "baseline_with_best_prompt")
        ),
    )


def _prompting(*, q: Questionnaire, recommendation: Recommendation) -> NextStep:
    """Prompting is both the cheapest lever and the bar everything else must beat."""
    if recommendation is Recommendation.prompt_engineering:
        why = "This is the recommended approach for now: it is cheap to change and keeps pace "
        why += "with the product."
    else:
        why = "Prompting is the baseline the other stages must beat, and it shows whether the "
        why += "task is understood well enough to train."
    if q.prompt_baseline_score is not None:
        why += (f" Before calling {q.prompt_baseline_score:.2f} the ceiling, confirm the prompt "
                "already has worked examples and an explicit output format.")
    do = "Write clear system instructions with a few worked examples"
    if q.output_strictness in (OutputStrictness.structured, OutputStrictness.strict_schema):
        do += " and enforce the output schema with structured-output or JSON-schema constraints"
    else:
        do += " and state the expected output shape"
    return NextStep(
        stage=2, id="prompting", title="Prompt with examples and an output schema", applies=True,
        why=why, do=do + "; re-score on the eval set after each change.",
        source=cite((SEED_MISTAKES, "7. Skipping Prompt Engineering Too Early")),
    )


def _retrieval(
    *, q: Questionnaire, recommendation: Recommendation, long_context: LongContextAdvice | None
) -> NextStep:
    """Retrieval applies when facts change or live in private documents."""
    reasons = []
    if q.knowledge_freshness in FRESH_KNOWLEDGE:
        reasons.append(f"facts change {q.knowledge_freshness.value}")
    if q.needs_private_context:
        reasons.append("answers need private documents at request time")
    if q.primary_gap is PrimaryGap.knowledge:
        reasons.append("the main gap is missing or current facts")
    applies = recommendation in USES_RETRIEVAL or bool(reasons)
    if reasons:
        why = "Retrieval fits because " + "; ".join(reasons) + "."
    elif applies:
        why = "The model recommends retrieval for this project."
    else:
        why = (f"Facts are {q.knowledge_freshness.value} and no private context is needed, so "
               "retrieval would add latency and cost without closing the gap.")
    do = ("Index the current docs, changelogs and policies, tune chunking, and measure "
          "grounded-answer accuracy with citations on the eval set.")
    if long_context is not None and long_context.status == "long_context_first":
        do = (f"First send the whole knowledge ({long_context.knowledge_size_tokens:,} tokens) as "
              "a cached prompt prefix and measure grounded accuracy on the eval set; build "
              f"retrieval when it outgrows about {long_context.threshold_tokens:,} tokens or "
              "answers must cite passages. When it does: " + do[0].lower() + do[1:])
    return NextStep(
        stage=3, id="retrieval", title="Ground answers with retrieval", applies=applies, why=why,
        do=do,
        source=cite((SEED_MISTAKES, "2. Using Fine-Tuning to Solve a Retrieval Problem")),
    )


def _cleanup(*, q: Questionnaire, recommendation: Recommendation) -> NextStep:
    """Noisy or thin data must be fixed before it is trained on, or even used as examples."""
    count, quality = q.labeled_examples, q.data_quality
    reasons = []
    if quality in UNCLEAN_DATA:
        reasons.append(f"the examples are {quality.value}")
    if count is not None and count < MIN_PILOT_EXAMPLES:
        reasons.append(f"only {count} examples exist (a pilot wants a few hundred clean ones)")
    if quality is None and recommendation in USES_FINE_TUNING:
        reasons.append("the data's consistency is unknown and fine-tuning would amplify it")
    applies = bool(reasons)
    if applies:
        why = "Clean up first: " + "; ".join(reasons) + "."
    elif quality is DataQuality.clean and count is not None:
        why = f"The {count} examples are reported clean, enough for a pilot."
    else:
        why = ("The examples' count or consistency is unknown; that matters once fine-tuning "
               "is on the table, and the eval set needs clean examples either way.")
    return NextStep(
        stage=4, id="data_cleanup", title="Clean and extend the examples", applies=applies, why=why,
        do="Remove contradictions and stale policy, tag examples by source, quality and date, and "
           "keep synthetic data a minority of real examples.",
        source=cite(
            (SEED_MISTAKES, "3. Training on Noisy, Contradictory, or Synthetic-Heavy Data"),
            (SEED_EXPECTATIONS, "Bad Data Creates Unstable Behavior"),
        ),
    )


def _blockers(*, result: ModelResult) -> list[str]:
    """Rules that fired on known answers against fine-tuning: vetoes first, then by weight."""
    vetoes = [r.message for r in result.rules if r.constraint == "forbid_fine_tuning"]
    against = [r for r in result.rules if r.approach is Approach.fine_tuning
               and (r.log_odds or 0.0) < 0.0 and (r.weight is None or r.weight >= 1.0)]
    return vetoes + [r.message for r in sorted(against, key=lambda r: r.log_odds or 0.0)]


def _fine_tuning(*, result: ModelResult) -> NextStep:
    """Fine-tune narrowly when recommended; otherwise name what holds it back."""
    applies = result.recommendation in USES_FINE_TUNING
    if applies:
        why = (f"The model recommends {result.recommendation.value}: the job is narrow enough "
               "and measurable enough for training to pay off.")
    else:
        blockers = _blockers(result=result)
        score = result.scores.get(Approach.fine_tuning, 0.0)
        why = f"Not recommended now (fine-tuning suitability {score:.2f})."
        if blockers:
            why += " Held back by: " + " ".join(blockers[:2])
    return NextStep(
        stage=5, id="fine_tuning", title="Fine-tune narrowly on one job", applies=applies, why=why,
        do="Train a small adapter on one job with the clean examples, expect several "
           "train-test-fix cycles, and judge each run with the verdict against the plan.",
        source=cite(
            (SEED_EXPECTATIONS, "LoRAs Are Specialization Layers"),
            (SEED_EXPECTATIONS, "First Attempts Are Rarely Final"),
        ),
    )


def _guardrails(*, q: Questionnaire) -> NextStep:
    """High-stakes outputs need refusal and escalation before any approach ships."""
    if q.high_stakes:
        why = (f"{q.risk_domain.value.capitalize()} is high-stakes: a more persuasive wrong answer "
               "does more harm than a cautious one.")
    else:
        why = "General domain: the standard eval set and a shadow test are enough."
    return NextStep(
        stage=6, id="guardrails", title="Add guardrails for sensitive outputs",
        applies=q.high_stakes, why=why,
        do="Add refusal and escalation routes, verify with tools where possible, route high-risk "
           "requests to deterministic flows, and track the harmful-confidence rate.",
        source=cite((SEED_MISTAKES, "10. No Guardrails for Sensitive Outputs")),
    )


def plan_next_steps(
    *, questionnaire: Questionnaire, result: ModelResult,
    long_context: LongContextAdvice | None = None,
) -> list[NextStep]:
    """Lay out the cheapest-first path, fitted to these answers and this recommendation."""
    q, rec = questionnaire, result.recommendation
    return [
        _evals(q=q),
        _prompting(q=q, recommendation=rec),
        _retrieval(q=q, recommendation=rec, long_context=long_context),
        _cleanup(q=q, recommendation=rec),
        _fine_tuning(result=result),
        _guardrails(q=q),
    ]
