"""The advisor's declarative rules: seed guidance as data the model applies and the artifact shows.

Each rule has a stable id, a condition (`models/conditions.py`), one effect and a seed citation.
- `log_odds` rules add `log_odds` to one approach's logit, scaled by the condition's degree (1 when
  every answer it reads is known; the share of plausible answers when some are unknown).
- `constraint` rules rule approaches out of the recommendation (`RULES_OUT`):
  `forbid_fine_tuning` rules out fine_tuning (alone or with retrieval) and fires on explicit
  answers only; `require_retrieval` rules out prompt_engineering alone (any answer must include
  retrieval); `forbid_retrieval` rules out retrieval when no answer gives it anything to fetch
  (`RETRIEVAL_EVIDENCE` does not hold: an unanswered question is no evidence). The last two are
  exact complements, so prompting versus retrieval is settled by evidence, never by score.
  The model also learns from which approaches are ruled out (`ruled_out:<approach>` features).
Every condition of a log-odds rule that reads an answer the model must be monotone in fires only
on the side of that answer that agrees with the effect's sign (checked by the property tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.conditions import Condition, uses_unknown
from models.seeds import cite
from models.seeds import mistake as _m
from models.vocabulary import (
    FRESH_KNOWLEDGE,
    HIGH_STAKES,
    SEED_EXPECTATIONS,
    SEED_MISTAKES,
    SEED_PLAN,
    UNCLEAN_DATA,
    USES_FINE_TUNING,
    values,
)

RULES_VERSION = "rules-2.0.0"

HIGH_VOLUME = 10_000  # requests/day from which per-request savings of a tuned model add up
LOW_VOLUME = 2_000  # below this, training and upkeep cannot pay for themselves
FEW_EXAMPLES = 100  # fewer clean examples than this cannot carry a narrow behaviour
THIN_DATA = 300  # a few hundred clean examples is where a narrow behaviour starts to hold
PROMPT_BAR = 0.9  # a best-prompt score at or above this already meets a typical bar
TIGHT_LATENCY_MS = 500
LOW_BASELINE = 0.5  # a best prompt under half marks: a 10-15% tuning gain cannot reach a bar
# Documents past this size do not belong in a prompt: every request would carry hundreds of
# thousands of input tokens (about 0.50 USD each at the estimates' large-model price), and many
# models cannot take them at all. A handbook of 40 pages is about 25,000 tokens.
LARGE_CORPUS_TOKENS = 200_000

# Rule conditions are JSON data in the artifact, so they hold plain strings.
FRESH = values(FRESH_KNOWLEDGE)
HIGH_STAKES_DOMAINS = values(HIGH_STAKES)
TUNES_FT = values(USES_FINE_TUNING)
M = SEED_MISTAKES
# What a constraint rules out of the recommendation.
RULES_OUT: dict[str, str] = {
    "forbid_fine_tuning": "fine_tuning",
    "require_retrieval": "prompt_engineering",
    "forbid_retrieval": "rag",
}
# Anything on record that retrieval could fetch: the one declaration of "retrieval evidence".
RETRIEVAL_EVIDENCE: Condition = {"any": [
    {"field": "knowledge_freshness", "in": FRESH},
    {"field": "needs_private_context", "is": True},
    {"field": "primary_gap", "is": "knowledge"},
    {"field": "knowledge_size_tokens", "gte": LARGE_CORPUS_TOKENS},
]}


@dataclass(frozen=True)
class Rule:
    """One piece of guidance: when it applies, what it does, and where it comes from."""

    id: str
    when: Condition
    effect: Literal["constraint", "log_odds"]
    message: str
    source: str
    mistake: int | None = None
    approach: str | None = None
    log_odds: float | None = None
    constraint: Literal["forbid_fine_tuning", "require_retrieval", "forbid_retrieval"] | None = None


def _odds(rid: str, when: Condition, approach: str, value: float, **kw: object) -> Rule:
    return Rule(id=rid, when=when, effect="log_odds", approach=approach, log_odds=value, **kw)  # type: ignore[arg-type]


def _forbid_ft(rid: str, when: Condition, **kw: object) -> Rule:
    return Rule(id=rid, when=when, effect="constraint", constraint="forbid_fine_tuning", **kw)  # type: ignore[arg-type]


RULES: tuple[Rule, ...] = (
    _odds("R-FRESH-KNOWLEDGE", {"field": "knowledge_freshness", "in": FRESH}, "rag", 1.0,
          message="The facts behind a correct answer change at least weekly; anything trained "
          "into weights today is stale soon, so look those facts up per request.",
          source=cite(_m(2)), mistake=2),
    Rule(id="R-FRESH-RETRIEVAL", when={"field": "knowledge_freshness", "in": FRESH},
         effect="constraint", constraint="require_retrieval",
         message="Facts that move weekly or faster must come from retrieval or tools at request "
         "time; no training cycle can keep up, so any answer must include retrieval.",
         source=cite(_m(2), (M, "A Practical Fine-Tuning Readiness Checklist")), mistake=2),
    _odds("R-PRIVATE-CONTEXT", {"field": "needs_private_context", "is": True}, "rag", 1.0,
          message="Answers depend on private documents or per-user data; retrieval brings that "
          "context in at request time, training cannot.",
          source=cite(_m(2)), mistake=2),
    Rule(id="R-PRIVATE-LOOKUP", when={"field": "needs_private_context", "is": True},
         effect="constraint", constraint="require_retrieval",
         message="Per-request private or user-specific context has to be fetched, so any "
         "recommendation must include retrieval.",
         source=cite(_m(2), (M, "FAQ")), mistake=2),
    _odds("R-KNOWLEDGE-GAP", {"field": "primary_gap", "is": "knowledge"}, "rag", 0.75,
          message="Missing or outdated facts are a grounding problem: index the sources and "
          "retrieve them rather than hoping weights memorise them.",
          source=cite((M, "FAQ"), _m(2)), mistake=2),
    Rule(id="R-KNOWLEDGE-GAP-RETRIEVAL", when={"field": "primary_gap", "is": "knowledge"},
         effect="constraint", constraint="require_retrieval",
         message="When missing facts are what goes wrong, the fix is grounding: the answer has to "
         "include retrieval.",
         source=cite(_m(2), (M, "FAQ")), mistake=2),
    _forbid_ft("R-KNOWLEDGE-GAP-NOT-TUNING", {"field": "primary_gap", "is": "knowledge"},
               message="Tuning shapes behaviour, not knowledge; it is not the fix for a gap in "
               "facts, so ground the answers first and revisit tuning only if a format or tone "
               "problem remains.",
               source=cite((M, "Quick Answer"), _m(2)), mistake=2),
    _odds("R-LARGE-CORPUS", {"field": "knowledge_size_tokens", "gte": LARGE_CORPUS_TOKENS},
          "rag", 1.0,
          message="The documents answers draw on are too large to send with every request; an "
          "index that returns the few passages each question needs is the way to use them.",
          source=cite(_m(2), (M, "FAQ")), mistake=2),
    Rule(id="R-LARGE-CORPUS-RETRIEVAL",
         when={"field": "knowledge_size_tokens", "gte": LARGE_CORPUS_TOKENS},
         effect="constraint", constraint="require_retrieval",
         message="Answers draw on more text than a prompt can carry, and weights are a poor "
         "store for it, so any answer must include retrieval.",
         source=cite(_m(2), (M, "FAQ")), mistake=2),
    Rule(id="R-NOTHING-TO-RETRIEVE", when={"not": RETRIEVAL_EVIDENCE},
         effect="constraint", constraint="forbid_retrieval",
         message="No answer names anything to look up at request time (facts that change weekly, "
         "private or per-user data, a knowledge gap, a large document set), so retrieval has "
         "nothing to fetch: start from the prompt. An unanswered question is not evidence; "
         "answer it if it applies.",
         source=cite(_m(7), _m(2)), mistake=7),
    _forbid_ft("R-NO-SUCCESS-METRIC", {"field": "success_metric_defined", "is": False},
               message="There is no measurable success criterion yet. Write the job in one "
               "sentence, pick the metric and measure the best prompt before any training.",
               source=cite(_m(1), (SEED_PLAN, "Write this BEFORE you train")),
               mistake=1),
    _forbid_ft("R-BROAD-TASK", {"field": "task_narrowness", "is": "broad"},
               message="Open-ended assistance and broad expertise are not a training target; "
               "tuning helps one repeatable job with a fixed output.",
               source=cite(_m(1), (SEED_EXPECTATIONS, "LoRAs Are Specialization Layers")),
               mistake=1),
    _forbid_ft("R-REASONING-GAP", {"field": "primary_gap", "is": "reasoning"},
               message="Multi-step reasoning is a base-model capability; an adapter inherits its "
               "limits. Try a stronger model, decomposition or better prompts instead.",
               source=cite((SEED_EXPECTATIONS, "LoRAs Are Specialization Layers"),
                           _m(6)),
               mistake=6),
    _forbid_ft("R-FEW-EXAMPLES", {"field": "labeled_examples", "lt": FEW_EXAMPLES},
               message="Too few clean examples to teach a behaviour reliably; collect and clean "
               "a few hundred real ones first.",
               source=cite(_m(3), (M, "A Practical Fine-Tuning Readiness Checklist")),
               mistake=3),
    _odds("R-THIN-DATA", {"field": "labeled_examples", "lt": THIN_DATA}, "fine_tuning", -0.75,
          message="Fewer than a few hundred clean examples is thin for a tuned behaviour to "
          "hold up; quality and consistency matter more than count, but some count is needed.",
          source=cite((M, "FAQ"), _m(3)), mistake=3),
    _forbid_ft("R-UNCLEAN-DATA", {"field": "data_quality", "in": values(UNCLEAN_DATA)},
               message="The examples are not consistently clean, and training amplifies whatever "
               "patterns it sees, contradictions included; fix the data pipeline before any run.",
               source=cite(_m(3), (SEED_EXPECTATIONS,
                                   "Bad Data Creates Unstable Behavior"),
                           (M, "A Practical Fine-Tuning Readiness Checklist")),
               mistake=3),
    _forbid_ft("R-WORKFLOW-WEEKLY", {"field": "workflow_stability", "is": "changes_weekly"},
               message="The workflow changes weekly, faster than a dataset can be cleaned and "
               "retrained; freezing it into weights now locks in what will be wrong soon.",
               source=cite((M, "Expert Insight: Ali Hajimohamadi"), _m(9)), mistake=9),
    _forbid_ft("R-NO-MLOPS", {"field": "mlops_capacity", "is": "none"},
               message="Nobody can own retraining, eval sets, versioning and rollback, so a tuned "
               "model would rot; stay with prompts and retrieval.",
               source=cite(_m(9), (M, "A Practical Fine-Tuning Readiness Checklist")),
               mistake=9),
    _odds("R-UPKEEP-STRAIN",
          {"all": [{"field": "mlops_capacity", "in": ["none", "limited"]},
                   {"field": "workflow_stability", "in": ["changes_weekly", "evolving"]}]},
          "fine_tuning", -0.5,
          message="A part-time owner and a still-moving workflow make each retraining cycle a "
          "tax; count that cost before tuning.",
          source=cite(_m(9)), mistake=9),
    _forbid_ft("R-LOW-VOLUME", {"field": "requests_per_day", "lt": LOW_VOLUME},
               message="At this volume the cost of labelling, training and upkeep cannot pay "
               "back; a strong prompt is cheaper and faster to change.",
               source=cite(_m(9), _m(7)), mistake=9),
    _odds("R-LOW-VOLUME-PROMPT-FIRST", {"field": "requests_per_day", "lt": LOW_VOLUME},
          "prompt_engineering", 0.75,
          message="Low volume is where prompt-first work shines: cheap to iterate, nothing to "
          "retrain.",
          source=cite(_m(7)), mistake=7),
    _odds("R-PROMPT-MEETS-BAR", {"field": "prompt_baseline_score", "gte": PROMPT_BAR},
          "prompt_engineering", 1.5,
          message="The best prompt already scores at the level a typical bar demands; prompting "
          "suffices.",
          source=cite((SEED_PLAN, "baseline_with_best_prompt"), _m(7)),
          mistake=7),
    _forbid_ft("R-NO-HEADROOM", {"field": "prompt_baseline_score", "gte": PROMPT_BAR},
               message="A realistic tuning gain is around 10-15% on the target metric; with the "
               "prompt baseline this high there is no room for it to pay off.",
               source=cite((SEED_PLAN, "success_threshold"), _m(7)),
               mistake=7),
    _odds("R-LOW-BASELINE", {"field": "prompt_baseline_score", "lt": LOW_BASELINE},
          "fine_tuning", -1.5,
          message="The best prompt scores under half marks. A tuning run typically adds 10-15% on "
          "its metric, so the shortfall more likely lies in the task definition, the prompt or "
          "the context than in the weights.",
          source=cite((SEED_PLAN, "success_threshold"), _m(7)), mistake=7),
    _odds("R-HIGH-VOLUME-NARROW-STRICT",
          {"all": [{"field": "requests_per_day", "gte": HIGH_VOLUME},
                   {"field": "task_narrowness", "is": "narrow"},
                   {"any": [{"field": "output_strictness", "in": ["structured", "strict_schema"]},
                            {"field": "primary_gap", "in": ["format", "style", "policy"]}]}]},
          "fine_tuning", 1.0,
          message="A narrow, high-volume job with a strict output, format, tone or policy is where "
          "prompting stops being enough and a tuned model pays for itself in consistency.",
          source=cite(_m(7), _m(1)), mistake=7),
    _odds("R-TIGHT-LATENCY-AT-VOLUME",
          {"all": [{"field": "latency_budget_ms", "lte": TIGHT_LATENCY_MS},
                   {"field": "requests_per_day", "gte": HIGH_VOLUME},
                   {"field": "task_narrowness", "in": ["narrow", "moderate"]}]},
          "fine_tuning", 0.75,
          message="A tight latency budget at volume favours a smaller model tuned for this one "
          "job over a large general model with a long prompt.",
          source=cite(_m(6), _m(9)), mistake=6),
    _odds("R-HIGH-STAKES-GUARDRAILS", {"field": "risk_domain", "in": HIGH_STAKES_DOMAINS},
          "fine_tuning", -0.5,
          message="In a high-stakes domain, tuning makes wrong answers sound surer. Whatever the "
          "approach, add refusal rules, escalation to people and tool-based verification.",
          source=cite(_m(10)), mistake=10),
)

def _validate() -> None:
    ids = [r.id for r in RULES]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate rule ids")
    for r in RULES:
        if r.effect == "log_odds" and (r.approach is None or r.log_odds is None):
            raise ValueError(f"{r.id}: log-odds rule needs approach and log_odds")
        if r.effect == "log_odds" and uses_unknown(condition=r.when):
            raise ValueError(f"{r.id}: log-odds rules may not test for or negate answers")
        if r.effect == "constraint" and r.constraint not in RULES_OUT:
            raise ValueError(f"{r.id}: constraint rule needs a known constraint")


_validate()


def rule_table() -> list[dict[str, object]]:
    """The rules as plain JSON-ready dicts, for the artifact."""
    return [
        {k: v for k, v in vars(r).items() if v is not None} for r in RULES
    ]
