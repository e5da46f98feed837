"""Section headings of the three seed documents, so every rule cites a section that exists."""

from __future__ import annotations

from models.vocabulary import SEED_EXPECTATIONS, SEED_MISTAKES, SEED_PLAN

SEED_SECTIONS: dict[str, tuple[str, ...]] = {
    SEED_EXPECTATIONS: (
        "LoRAs Are Specialization Layers",
        "Bad Data Creates Unstable Behavior",
        "First Attempts Are Rarely Final",
        "Behavior Shaping Is Gradual",
        "Test Against Real Use",
    ),
    # The success-plan lesson has no headings; its anchors are the lines of the plan it shows.
    SEED_PLAN: (
        "Write this BEFORE you train",
        "baseline_with_best_prompt",
        "success_threshold",
        "guardrail",
    ),
    SEED_MISTAKES: (
        "Quick Answer",
        "Why Fine-Tuning Goes Wrong So Often",
        "1. Fine-Tuning Before Defining the Exact Job",
        "2. Using Fine-Tuning to Solve a Retrieval Problem",
        "3. Training on Noisy, Contradictory, or Synthetic-Heavy Data",
        "4. Ignoring Data Distribution and User Reality",
        "5. Overfitting to the Benchmark",
        "6. Fine-Tuning the Wrong Base Model",
        "7. Skipping Prompt Engineering Too Early",
        "8. Weak Evaluation Design",
        "9. Forgetting Cost, Latency, and Retraining Overhead",
        "10. No Guardrails for Sensitive Outputs",
        "Expert Insight: Ali Hajimohamadi",
        "How to Prevent Fine-Tuning Mistakes",
        "A Practical Fine-Tuning Readiness Checklist",
        "FAQ",
        "Final Summary",
    ),
}


def cite(*pairs: tuple[str, str]) -> str:
    """Format `file § section` citations, refusing any section the table does not know."""
    parts = []
    for seed, section in pairs:
        if section not in SEED_SECTIONS.get(seed, ()):
            raise ValueError(f"unknown seed section: {seed} § {section}")
        parts.append(f"{seed} § {section}")
    return "; ".join(parts)


def parse_citations(*, source: str) -> list[tuple[str, str]]:
    """Split a `source` string back into (file, section) pairs."""
    pairs = []
    for part in source.split("; "):
        seed, _, section = part.partition(" § ")
        pairs.append((seed, section))
    return pairs


def mistake_section(*, number: int) -> str:
    """The heading of common mistake `number` (1-10) in the mistakes seed."""
    prefix = f"{number}. "
    return next(s for s in SEED_SECTIONS[SEED_MISTAKES] if s.startswith(prefix))


def mistake(number: int, /) -> tuple[str, str]:
    """(seed file, heading) of common mistake `number` (1-10), ready for `cite`."""
    return (SEED_MISTAKES, mistake_section(number=number))
