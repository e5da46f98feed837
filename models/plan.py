"""The success plan a team writes before training, derived from its questionnaire.

Threshold formula (documented here and in `THRESHOLD_RULE`): with b the best prompt's score,
    threshold = min(max(b * (1 + REALISTIC_GAIN), b + MIN_MARGIN), b + (1 - b) * MAX_HEADROOM_SHARE)
REALISTIC_GAIN = 0.10 is the low end of the 10-15% gain a working fine-tune typically brings
(002 seed), so a run that performs as usual clears it; MIN_MARGIN = 0.05 is about one standard
error of a 100-example held-out set, so sampling noise cannot pass for a win; the headroom cap
keeps the bar below 1 and never asks for more than half of the remaining errors to disappear.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from models.held_out import held_out_examples, held_out_note
from models.questionnaire import Questionnaire
from models.seeds import cite
from models.vocabulary import SEED_MISTAKES, SEED_PLAN, OutputStrictness, PrimaryGap, TaskNarrowness

REALISTIC_GAIN = 0.10
MIN_MARGIN = 0.05
MAX_HEADROOM_SHARE = 0.5
GUARDRAIL_MAX_DROP = 0.02
MIN_EVAL_EXAMPLES = 100
MAX_EVAL_EXAMPLES = 1000
EVAL_SHARE = 0.1

THRESHOLD_RULE = (
    "threshold = min(max(baseline x 1.10, baseline + 0.05), baseline + (1 - baseline) / 2): "
    "at least the low end of the realistic 10-15% gain, at least 5 points above the baseline "
    "so eval noise cannot pass for a win, and never more than half of the remaining headroom"
)
BASELINE_UNKNOWN_NOTE = (
    "No prompt baseline yet: measure this first. Run your best prompt (with examples and an "
    "output schema) on the held-out eval set, record its score as the baseline, then set the "
    "threshold with the rule below before any training run."
)


class EvalSetAdvice(BaseModel):
    """How to build the held-out set the metric and guardrail are measured on."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "size": 300,
                    "advice": ["Hold out about 300 examples never used for training."],
                    "source": "003_12c0c7f61fca504c.txt § 5. Overfitting to the Benchmark",
                }
            ]
        },
    )

    size: int = Field(description="suggested number of held-out examples")
    advice: list[str]
    source: str


class SuccessPlan(BaseModel):
    """What 'better' means for this project, written before any training run."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "target_behavior": "Support macro drafting: return output that validates "
                    "against the schema on the first attempt, for one narrow, repeatable job.",
                    "metric": "schema-valid fraction of outputs on a held-out eval set",
                    "baseline": 0.72,
                    "baseline_note": "Baseline 0.72 is the best prompt's measured score.",
                    "success_threshold": 0.792,
                    "threshold_rule": THRESHOLD_RULE,
                    "guardrail": "General quality on a fixed regression set must not drop by "
                    "more than 2 points (0.02) after training.",
                    "guardrail_max_drop": 0.02,
                    "high_stakes_guardrail": None,
                    "eval_set": {
                        "size": 300,
                        "advice": ["Hold the set out of training entirely."],
                        "source": cite((SEED_MISTAKES, "5. Overfitting to the Benchmark")),
                    },
                    "held_out_examples": 226,
                    "held_out_note": "Hold out at least 226 examples to judge this plan.",
                    "sources": [cite((SEED_PLAN, "Write this BEFORE you train"))],
                }
            ]
        },
    )

    target_behavior: str = Field(description="the one behaviour training must improve")
    metric: str = Field(description="how that behaviour is scored, as a fraction in [0, 1]")
    baseline: float | None = Field(description="best prompt's score; null until measured")
    baseline_note: str
    success_threshold: float | None = Field(
        description="the bar a fine-tune must clear; null until the baseline is measured"
    )
    threshold_rule: str = Field(description="the formula the threshold follows from the baseline")
    guardrail: str = Field(description="the no-regression condition")
    guardrail_max_drop: float = Field(description="largest allowed drop (0.02 = 2 points)")
    high_stakes_guardrail: str | None = Field(
        description="an extra guardrail for high-stakes domains; null for general"
    )
    eval_set: EvalSetAdvice
    held_out_examples: int | None = Field(
        default=None,
        description="held-out examples needed to detect the planned gain (80% power, 5% "
        "one-sided, pass/fail); null while the baseline is unknown",
    )
    held_out_note: str = Field(default="", description="what held_out_examples means")
    sources: list[str]


def success_threshold(*, baseline: float) -> float | None:
    """The bar from `THRESHOLD_RULE`; None when the baseline leaves no room below 1."""
    raised = max(baseline * (1 + REALISTIC_GAIN), baseline + MIN_MARGIN)
    bar = round(min(raised, baseline + (1 - baseline) * MAX_HEADROOM_SHARE), 3)
    return bar if baseline < bar < 1.0 else None


def _gap(*, questionnaire: Questionnaire) -> PrimaryGap | None:
    """The stated gap, or format when the answers imply a strict output contract."""
    if questionnaire.primary_gap is not None:
        return questionnaire.primary_gap
    if questionnaire.output_strictness is OutputStrictness.strict_schema:
        return PrimaryGap.format
    return None


_BEHAVIOUR = {
    PrimaryGap.format: "return output in the required structure on the first attempt",
    PrimaryGap.style: "answer in the team's tone and voice consistently",
    PrimaryGap.policy: "make the same decision the written policy prescribes",
    PrimaryGap.knowledge: "answer from current, correct facts and say where they came from",
    PrimaryGap.reasoning: "reach the correct answer on multi-step problems",
}
_METRIC = {
    PrimaryGap.style: "share of held-out answers judged on-tone against a written rubric "
    "(reviewers, or a judge model checked against reviewers)",
    PrimaryGap.policy: "agreement rate between the model's decisions and reference policy "
    "decisions on held-out cases",
    PrimaryGap.knowledge: "grounded-answer accuracy: share of held-out questions answered "
    "correctly with a citation to a passage that supports the answer",
    PrimaryGap.reasoning: "share of held-out multi-step problems with a correct final answer",
}
_NARROWNESS = {
    TaskNarrowness.narrow: "for one narrow, repeatable job",
    TaskNarrowness.moderate: "for the single highest-volume job in this family (split the "
    "others out first)",
    TaskNarrowness.broad: "once the open-ended scope is cut down to one job stated in a sentence",
}


def _metric(*, gap: PrimaryGap | None, strictness: OutputStrictness | None) -> str:
    """A metric that scores the gap itself rather than general quality."""
    if gap is PrimaryGap.format:
        if strictness is OutputStrictness.strict_schema:
            return "schema-valid fraction of outputs on a held-out eval set"
        return "share of held-out outputs with the required structure and fields"
    if gap is None:
        return (
            "task success rate on a held-out set, scored against a one-sentence definition "
            "of the job and its failure conditions (pick the failure that matters most first)"
        )
    return _METRIC[gap]


def _target(*, questionnaire: Questionnaire, gap: PrimaryGap | None) -> str:
    """One sentence naming the behaviour, scoped by narrowness and the team's own words."""
    name = questionnaire.project_name or "This project"
    what = _BEHAVIOUR[gap] if gap is not None else "do the one job the team names, reliably"
    if (
        gap is not PrimaryGap.format
        and questionnaire.output_strictness is not None
        and (questionnaire.output_strictness is not OutputStrictness.free_text)
    ):
        what += ", keeping the required output structure"
    text = f"{name}: {what}, {_NARROWNESS[questionnaire.task_narrowness]}."
    if questionnaire.description:
        snippet = " ".join(questionnaire.description.split())
        snippet = snippet if len(snippet) <= 160 else snippet[:157].rstrip() + "..."
        text += f' Use case: "{snippet}"'
    return text


def _eval_set(*, questionnaire: Questionnaire) -> EvalSetAdvice:
    """Held-out set sizing and sampling advice that keeps offline gains honest."""
    labeled = questionnaire.labeled_examples
    size = MIN_EVAL_EXAMPLES
    if labeled is not None:
        size = max(MIN_EVAL_EXAMPLES, min(MAX_EVAL_EXAMPLES, round(labeled * EVAL_SHARE)))
    advice = [
        f"Hold out about {size} examples that are never used for training or prompt tuning.",
        "Sample them from live traffic, keeping short, messy and typo-heavy requests in the "
        "proportions users actually send them.",
        "Split by use case, source and time period, and add paraphrases and ambiguous requests "
        "so template memorisation does not look like progress.",
        "Keep a fixed general-quality regression set beside it for the guardrail.",
    ]
    if labeled is not None and labeled < 2 * size:
        advice.append(
            f"With {labeled} labelled examples, holding out {size} leaves too few to train on: "
            "collect more before fine-tuning."
        )
    if questionnaire.high_stakes:
        advice.append(
            "Add a separate risky-case set with red-team prompts to track harmful confidence."
        )
    return EvalSetAdvice(
        size=size,
        advice=advice,
        source=cite(
            (SEED_MISTAKES, "4. Ignoring Data Distribution and User Reality"),
            (SEED_MISTAKES, "5. Overfitting to the Benchmark"),
        ),
    )


def build_plan(*, questionnaire: Questionnaire) -> SuccessPlan:
    """Turn the answers into a plan whose verdict will be a number, not a feeling."""
    gap = _gap(questionnaire=questionnaire)
    baseline = questionnaire.prompt_baseline_score
    threshold = None if baseline is None else success_threshold(baseline=baseline)
    if baseline is None:
        note = BASELINE_UNKNOWN_NOTE
    elif threshold is None:
        note = (
            f"Baseline {baseline:.2f} leaves no headroom on this metric: pick a harder "
            "metric before training, or there is nothing to gain."
        )
    else:
        note = (
            f"Baseline {baseline:.2f} is the best prompt's measured score; re-measure it on "
            "the final eval set before training."
        )
    high_stakes = None
    if questionnaire.high_stakes:
        high_stakes = (
            f"In {questionnaire.risk_domain.value}, the rate of confidently wrong answers on the "
            "risky-case set must not rise at all, whatever the main metric does."
        )
    sources = [
        cite(
            (SEED_PLAN, "Write this BEFORE you train"),
            (SEED_PLAN, "success_threshold"),
            (SEED_PLAN, "guardrail"),
        ),
        cite((SEED_MISTAKES, "1. Fine-Tuning Before Defining the Exact Job")),
        cite((SEED_MISTAKES, "8. Weak Evaluation Design")),
    ]
    if high_stakes:
        sources.append(cite((SEED_MISTAKES, "10. No Guardrails for Sensitive Outputs")))
    eval_set = _eval_set(questionnaire=questionnaire)
    return SuccessPlan(
        target_behavior=_target(questionnaire=questionnaire, gap=gap),
        metric=_metric(gap=gap, strictness=questionnaire.output_strictness),
        baseline=baseline,
        baseline_note=note,
        success_threshold=threshold,
        threshold_rule=THRESHOLD_RULE,
        guardrail=(
            "General quality on a fixed regression set must not drop by more than "
            f"{GUARDRAIL_MAX_DROP * 100:.0f} points ({GUARDRAIL_MAX_DROP}) after training."
        ),
        guardrail_max_drop=GUARDRAIL_MAX_DROP,
        high_stakes_guardrail=high_stakes,
        eval_set=eval_set,
        held_out_examples=held_out_examples(baseline=baseline, threshold=threshold),
        held_out_note=held_out_note(
            baseline=baseline, threshold=threshold, suggested=eval_set.size
        ),
        sources=sources,
    )
