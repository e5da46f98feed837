"""How to fine-tune, when the recommendation includes it: method, limits, data, retraining.

The method comes from models/tuning_method.py. The base-model check reads the prompt baseline
(below CAPABILITY_FLOOR the base model may lack the skill, and an adapter does not add skills:
000 § LoRAs Are Specialization Layers) and a reasoning gap. The data plan asks for
MIN_PILOT_EXAMPLES clean training examples (a few hundred carry a narrow workflow: 003 FAQ) plus
the held-out set the success plan sizes (its held_out_examples when the baseline is known, else
its eval-set size). Retraining cycles come from the assumptions file's projection figures for
the workflow_stability answer, so the plan and the cost projection agree.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from models.assumptions import Assumptions
from models.plan import SuccessPlan
from models.questionnaire import Questionnaire
from models.readiness import MIN_PILOT_EXAMPLES
from models.result import ModelResult
from models.seeds import cite, mistake
from models.tuning_method import METHOD_NAMES, Method, MethodOption, Reason, choose, options
from models.vocabulary import (
    SEED_EXPECTATIONS,
    SEED_MISTAKES,
    USES_FINE_TUNING,
    DataQuality,
    PrimaryGap,
    WorkflowStability,
)

CAPABILITY_FLOOR = 0.5
SPECIALISE = cite((SEED_EXPECTATIONS, "LoRAs Are Specialization Layers"))
CYCLES = cite((SEED_EXPECTATIONS, "First Attempts Are Rarely Final"))
DATA_EXAMPLE: dict[str, Any] = {
    "train_examples": 200, "held_out_examples": 226,
    "held_out_basis": "the success plan's held_out_examples", "collect_before_first_run": 426,
    "available": 3000, "still_to_collect": 0,
    "split": ["Hold out 226 examples; train on the other 2,774."], "source": cite(mistake(5)),
}
RETRAIN_EXAMPLE: dict[str, Any] = {
    "workflow_stability": "stable", "cycles_per_month": 0.25, "cycles_per_year": 3.0,
    "cadence": "about every 4 months", "advice": "Refresh quarterly.", "source": cite(mistake(9)),
}


class Limit(BaseModel):
    """What fine-tuning cannot do or will not do first time, with its source."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "An adapter specialises; it does not add capabilities.", "source": SPECIALISE,
    }]})

    text: str
    source: str


class DataPlan(BaseModel):
    """How many clean examples to have before the first run, and how to split them."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [DATA_EXAMPLE]})

    train_examples: int = Field(description="clean training examples a first run needs, at least")
    held_out_examples: int
    held_out_basis: str
    collect_before_first_run: int
    available: int | None = Field(description="labeled_examples as answered; null if unknown")
    still_to_collect: int | None
    split: list[str]
    source: str


class RetrainingPlan(BaseModel):
    """How often the tuned model will likely need retraining, from workflow_stability."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [RETRAIN_EXAMPLE]})

    workflow_stability: WorkflowStability | None
    cycles_per_month: float
    cycles_per_year: float
    cadence: str
    advice: str
    source: str


class FineTuningPlan(BaseModel):
    """Which kind of fine-tuning, what it cannot do, the data to gather and the retraining ahead."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "method": "lora", "method_name": METHOD_NAMES["lora"],
        "summary": "Train a LoRA adapter; plan for 3 cycles.",
        "reasons": [], "options": [], "base_model_ready": True,
        "base_model": "The base model already does the task 72% of the time.",
        "limits": [], "first_run_cycles": 3, "data": DATA_EXAMPLE, "retraining": RETRAIN_EXAMPLE,
        "sources": [SPECIALISE],
    }]})

    method: Method
    method_name: str
    summary: str
    reasons: list[Reason] = Field(description="the answers that chose the method")
    options: list[MethodOption]
    base_model_ready: bool | None = Field(
        description="whether the prompt baseline shows the base model can already do the task"
    )
    base_model: str
    limits: list[Limit]
    first_run_cycles: int
    data: DataPlan
    retraining: RetrainingPlan
    sources: list[str]


def _base_model(*, q: Questionnaire) -> tuple[bool | None, str]:
    """Can the base model already do the task? An adapter sharpens a skill; it adds none."""
    if q.primary_gap is PrimaryGap.reasoning:
        return False, ("The gap is multi-step reasoning, which an adapter does not add: move to "
                       "a stronger base model, measure its prompt baseline, and tune only for "
                       "format or policy on top of it.")
    b = q.prompt_baseline_score
    if b is None:
        return None, ("Measure the best prompt on the base model you plan to tune first: if it "
                      "cannot do the task at all with good prompts, tuning will not teach it.")
    if b < CAPABILITY_FLOOR:
        return False, (f"The best prompt scores {b:.2f}, under {CAPABILITY_FLOOR}: the base model "
                       "may lack the skill itself. Try a stronger base model's prompt baseline "
                       "before training; fine-tuning specialises, it does not add capabilities.")
    return True, (f"The best prompt already scores {b:.2f}: the base model can do the task, and "
                  "an adapter can make that behaviour consistent.")


def _limits(*, q: Questionnaire, cycles: int) -> list[Limit]:
    """The seeds' limits, in this project's terms."""
    out = [
        Limit(text="An adapter is a specialisation layer: it shapes format, tone, policy and one "
              "narrow behaviour, and inherits the base model's reasoning, context length and "
              "language quality; it does not add capabilities the base model lacks.",
              source=SPECIALISE),
        Limit(text=f"First runs rarely succeed: plan for at least {cycles} cycles of preparing "
              "data, training, testing the behaviour on held-out examples, fixing the data and "
              "training again.", source=CYCLES),
        Limit(text="Training amplifies whatever patterns the data holds, contradictions "
              "included: clean and deduplicate before each run.",
              source=cite((SEED_EXPECTATIONS, "Bad Data Creates Unstable Behavior"))),
        Limit(text="Judge a run by the success plan's metric on held-out examples, never by the "
              "job finishing.", source=cite((SEED_EXPECTATIONS, "Test Against Real Use"))),
    ]
    if q.high_stakes:
        out.append(Limit(text=f"A tuned model sounds more confident; in {q.risk_domain.value} "
                         "keep refusal, escalation and verification around it.",
                         source=cite(mistake(10))))
    return out


def _data(*, q: Questionnaire, plan: SuccessPlan) -> DataPlan:
    """Training plus held-out examples, and how to split what the team has."""
    held, basis = plan.held_out_examples, "the success plan's held_out_examples"
    if held is None:
        held, basis = plan.eval_set.size, "the success plan's eval-set size (no baseline yet)"
    need = MIN_PILOT_EXAMPLES + held
    have = q.labeled_examples
    split = []
    if have is not None and have >= need:
        split.append(f"Of the {have:,} examples, hold out {held:,} (never trained on or used to "
                     f"tune prompts) and train on the other {have - held:,}.")
    elif have is not None:
        split.append(f"{have:,} examples are fewer than the {need:,} a first run needs: collect "
                     f"{need - have:,} more clean ones before training.")
    else:
        split.append(f"Collect at least {need:,} clean examples: {held:,} to hold out and "
                     f"{MIN_PILOT_EXAMPLES:,} or more to train on.")
    if q.data_quality is not None and q.data_quality is not DataQuality.clean:
        split.append(f"The examples are {q.data_quality.value}: count only those left clean "
                     "after the dataset audit (POST /datasets/audit).")
    split += [
        "Split by time and source, not at random: put the newest slice in the held-out set so "
        "it reflects where the product is going.",
        "Audit the pair of files together so held-out inputs that nearly repeat training ones "
        "(F-LEAKAGE) are caught, and keep a fixed regression set for the guardrail.",
    ]
    return DataPlan(
        train_examples=MIN_PILOT_EXAMPLES, held_out_examples=held, held_out_basis=basis,
        collect_before_first_run=need, available=have,
        still_to_collect=None if have is None else max(0, need - have), split=split,
        source=cite(mistake(3), mistake(5)),
    )


_RETRAIN_ADVICE = {
    "changes_weekly": "The workflow changes weekly: every change means new data, a new run and a "
    "new evaluation. While it changes faster than the data can be cleaned, do not fine-tune yet.",
    "evolving": "Plan a monthly cycle with a named owner: version every adapter, re-run the "
    "held-out set and keep the previous version ready to roll back.",
    "stable": "Refresh about quarterly, and sooner when the held-out score drifts.",
    "unknown": "Assumed monthly until workflow_stability is answered.",
}


def _retraining(*, q: Questionnaire, assumptions: Assumptions) -> RetrainingPlan:
    """Cycles per month from the assumptions file, read for this stability answer."""
    key = q.workflow_stability.value if q.workflow_stability is not None else "unknown"
    rate = getattr(assumptions.assumptions.projection.retraining_cycles_per_month, key).value
    if rate <= 0:
        cadence = "no retraining expected"
    elif rate >= 1:
        times = {1.0: "once", 2.0: "twice"}.get(rate, f"{rate:g} times")
        cadence = f"about {times} a month"
    else:
        cadence = f"about every {round(1 / rate):g} months"
    return RetrainingPlan(
        workflow_stability=q.workflow_stability, cycles_per_month=rate,
        cycles_per_year=round(rate * 12, 2), cadence=cadence, advice=_RETRAIN_ADVICE[key],
        source=cite(mistake(9), (SEED_MISTAKES, "Expert Insight: Ali Hajimohamadi")),
    )


def build_fine_tuning_plan(*, questionnaire: Questionnaire, result: ModelResult,
                           plan: SuccessPlan, assumptions: Assumptions) -> FineTuningPlan | None:
    """A plan when the recommendation includes fine-tuning; None otherwise."""
    if result.recommendation not in USES_FINE_TUNING:
        return None
    q = questionnaire
    method, reasons = choose(q=q)
    cycles = int(assumptions.assumptions.projection.first_run_cycles.value)
    ready, base = _base_model(q=q)
    data = _data(q=q, plan=plan)
    retraining = _retraining(q=q, assumptions=assumptions)
    summary = (f"{METHOD_NAMES[method]}: collect {data.collect_before_first_run:,} clean "
               f"examples ({data.held_out_examples:,} held out), plan for {cycles} training "
               f"cycles before relying on it, then retrain {retraining.cadence}.")
    return FineTuningPlan(
        method=method, method_name=METHOD_NAMES[method], summary=summary, reasons=reasons,
        options=options(q=q, method=method), base_model_ready=ready, base_model=base,
        limits=_limits(q=q, cycles=cycles), first_run_cycles=cycles, data=data,
        retraining=retraining,
        sources=[SPECIALISE, CYCLES, cite(mistake(6)), cite(mistake(9))],
    )
