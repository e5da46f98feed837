"""What to do after each verdict, and the seed sections behind that advice."""

from __future__ import annotations

from models.seeds import cite
from models.verdict.response import VerdictName
from models.vocabulary import SEED_EXPECTATIONS, SEED_MISTAKES, SEED_PLAN

NEXT_STEP: dict[VerdictName, str] = {
    "guardrail_breached": "Do not ship. Mix general examples back into training, train more "
    "gently (fewer epochs, lower learning rate) and re-run both evals.",
    "baseline_unmeasured": "Measure the best prompt on the same held-out set, set it as the "
    "baseline, and ask again.",
    "success": "Roll out gradually: shadow mode on live traffic, then an A/B test on the "
    "business metric; keep the eval set for every retraining.",
    "no_gain_over_prompting": "Rethink the data or the approach: look for noisy or "
    "contradictory examples, and check whether the gap is really retrieval or prompt design.",
    "improved_short_of_bar": "Sort the remaining failures by type, fix or add examples for the "
    "biggest group and train again; several cycles are normal.",
    "inconclusive": "Do not ship on this evidence. Score more fresh held-out examples (never "
    "used in training) with both the best prompt and the trained model, add them to these "
    "results and ask again.",
}
EXTRA_SOURCES: dict[VerdictName, list[str]] = {
    "guardrail_breached": [
        cite((SEED_PLAN, "guardrail"), (SEED_MISTAKES, "10. No Guardrails for Sensitive Outputs"))
    ],
    "baseline_unmeasured": [],
    "success": [cite((SEED_MISTAKES, "8. Weak Evaluation Design"))],
    "no_gain_over_prompting": [
        cite(
            (SEED_MISTAKES, "2. Using Fine-Tuning to Solve a Retrieval Problem"),
            (SEED_MISTAKES, "3. Training on Noisy, Contradictory, or Synthetic-Heavy Data"),
        )
    ],
    "improved_short_of_bar": [cite((SEED_EXPECTATIONS, "First Attempts Are Rarely Final"))],
    "inconclusive": [
        cite(
            (SEED_MISTAKES, "8. Weak Evaluation Design"),
            (SEED_EXPECTATIONS, "Test Against Real Use"),
        )
    ],
}


def sources_for(*, verdict: VerdictName) -> list[str]:
    """The plan's seed section, then the sections behind this verdict's advice."""
    return [cite((SEED_PLAN, "success_threshold")), *EXTRA_SOURCES[verdict]]
