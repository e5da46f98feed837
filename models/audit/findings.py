"""Findings with their fix and source, and the data-quality rule.

data_quality (the questionnaire's vocabulary) is decided by the consistency findings only:
F-MALFORMED, F-ROLE, F-EMPTY, F-DUPLICATE, F-NEAR-DUPLICATE, F-CONFLICT (examples counted once
however many they have) and F-REPETITIVE:
- noisy: 10% or more of the examples have a consistency defect, or 2% or more conflict;
- clean: under 1% have one, under 0.5% conflict, and no phrase is repeated across outputs;
- mixed: anything between.
F-PII, F-LEAKAGE and F-DISTRIBUTION are reported but do not decide it: they call for masking,
a separate eval set and new samples, not for calling the examples inconsistent.
"""

from __future__ import annotations

from collections.abc import Mapping

from models.audit.report import MAX_LINES, Finding
from models.seeds import cite
from models.vocabulary import SEED_EXPECTATIONS, DataQuality
from models.vocabulary import SEED_MISTAKES as MISTAKES_SEED

BAD_DATA = (SEED_EXPECTATIONS, "Bad Data Creates Unstable Behavior")
REAL_USE = (SEED_EXPECTATIONS, "Test Against Real Use")
GRADUAL = (SEED_EXPECTATIONS, "Behavior Shaping Is Gradual")
NOISY_DATA = (MISTAKES_SEED, "3. Training on Noisy, Contradictory, or Synthetic-Heavy Data")
SOURCES = {
    "F-MALFORMED": cite(BAD_DATA),
    "F-ROLE": cite(BAD_DATA, REAL_USE),
    "F-EMPTY": cite(BAD_DATA),
    "F-DUPLICATE": cite(NOISY_DATA, BAD_DATA),
    "F-NEAR-DUPLICATE": cite(BAD_DATA, GRADUAL),
    "F-CONFLICT": cite(BAD_DATA, GRADUAL, NOISY_DATA),
    "F-PII": cite((MISTAKES_SEED, "10. No Guardrails for Sensitive Outputs"), NOISY_DATA),
    "F-LEAKAGE": cite((MISTAKES_SEED, "5. Overfitting to the Benchmark")),
    "F-REPETITIVE": cite(BAD_DATA, REAL_USE, (MISTAKES_SEED, "FAQ")),
    "F-DISTRIBUTION": cite((MISTAKES_SEED, "4. Ignoring Data Distribution and User Reality")),
}
SEVERITY = {"F-MALFORMED": "medium", "F-ROLE": "high", "F-EMPTY": "medium",
            "F-DUPLICATE": "medium", "F-NEAR-DUPLICATE": "low", "F-CONFLICT": "high",
            "F-PII": "high", "F-LEAKAGE": "high", "F-REPETITIVE": "medium",
            "F-DISTRIBUTION": "medium"}
CONSISTENCY = ("F-MALFORMED", "F-ROLE", "F-EMPTY", "F-DUPLICATE", "F-NEAR-DUPLICATE",
               "F-CONFLICT")
NOISY_SHARE, NOISY_CONFLICTS = 0.10, 0.02
CLEAN_SHARE, CLEAN_CONFLICTS = 0.01, 0.005


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _parts(breakdown: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(breakdown.items(), key=lambda kv: -kv[1]))


def message(*, fid: str, count: int, share: float, breakdown: Mapping[str, int],
            detail: str = "") -> str:
    """What was found, in numbers, and the fix."""
    n, s, parts = f"{count:,}", pct(share), _parts(breakdown)
    text = {
        "F-MALFORMED": f"{n} lines ({s}) are not an example the audit can read ({parts}){detail}. "
                       "Fix or drop them: each line must be one JSON object in the chat, "
                       "prompt/completion or instruction format.",
        "F-ROLE": f"{n} chat examples ({s}) confuse roles ({parts}). Use an optional system turn "
                  "first, then user and assistant turns alternating, ending with the assistant "
                  "turn the model should learn.",
        "F-EMPTY": f"{n} examples ({s}) have an empty or whitespace-only input or output. Write "
                   "the missing text or drop them: an empty answer teaches the model to say "
                   "nothing.",
        "F-DUPLICATE": f"{n} examples ({s}) repeat an earlier one word for word (ignoring case and "
                       "spacing). Drop the repeats and keep one of each: copies over-weight a "
                       "few behaviours.",
        "F-NEAR-DUPLICATE": f"{n} examples ({s}) nearly repeat an earlier one in both input and "
                            f"output{detail}. Keep one of each group, or rewrite them so they "
                            "add real variation.",
        "F-CONFLICT": f"{n} examples ({s}) answer an input that equals or nearly equals an "
                      f"earlier one's with a materially different output{detail}. Decide the "
                      "right answer for each group and keep only that one; retire outdated "
                      "answers.",
        "F-PII": f"{n} examples ({s}) contain personal data ({parts}). Remove or mask it (for "
                 "example <EMAIL>, <PHONE>, <CARD>) before training: a model can repeat it.",
        "F-LEAKAGE": f"{n} eval examples ({s} of the eval set) have an input that equals or "
                     "nearly equals a training input. Remove them from the eval set and draw "
                     "eval examples from separate sources or time periods, or the score will "
                     "overstate real performance.",
        "F-REPETITIVE": f"{n} outputs ({s} of free-text outputs) reuse the same long phrase"
                        f"{detail}. Vary or remove the boilerplate: the model will overuse it.",
        "F-DISTRIBUTION": f"The training inputs do not look like live traffic: {detail}. Sample "
                          "training inputs from production traffic, keeping the short, "
                          "typo-heavy and multilingual requests your users send.",
    }[fid]
    return text


def finding(*, fid: str, lines: list[int], share: float, breakdown: Mapping[str, int] | None = None,
            detail: str = "", count: int | None = None) -> Finding:
    """A finding over the given (sorted) lines."""
    n = len(lines) if count is None else count
    return Finding(id=fid, severity=SEVERITY[fid], count=n, lines=lines[:MAX_LINES],  # type: ignore[arg-type]
                   message=message(fid=fid, count=n, share=share, breakdown=breakdown or {},
                                   detail=detail),
                   share=round(min(1.0, share), 4), source=SOURCES[fid],
                   breakdown=dict(breakdown or {}))


def data_quality(*, examples: int, defect_examples: int, counts: Mapping[str, int],
                 ) -> tuple[DataQuality, str]:
    """The verdict and the findings that decided it (rule in the module docstring)."""
    share = defect_examples / max(1, examples)
    conflicts = counts.get("F-CONFLICT", 0) / max(1, examples)
    named = ", ".join(f"{f} {pct(counts[f] / max(1, examples))}" for f in CONSISTENCY
                      if counts.get(f))
    named = f" ({named})" if named else ""
    repetitive = counts.get("F-REPETITIVE", 0)
    head = f"{pct(share)} of examples have a consistency defect{named}; conflicts {pct(conflicts)}"
    if share >= NOISY_SHARE or conflicts >= NOISY_CONFLICTS:
        return DataQuality.noisy, (f"noisy: {head}. Noisy means at least {pct(NOISY_SHARE)} "
                                   f"defective or {pct(NOISY_CONFLICTS)} conflicting.")
    if share < CLEAN_SHARE and conflicts < CLEAN_CONFLICTS and not repetitive:
        return DataQuality.clean, (f"clean: {head}, no repeated phrase. Clean means under "
                                   f"{pct(CLEAN_SHARE)} defective, under {pct(CLEAN_CONFLICTS)} "
                                   "conflicting and no F-REPETITIVE.")
    rep = f"; F-REPETITIVE in {repetitive:,} outputs" if repetitive else ""
    return DataQuality.mixed, (f"mixed: {head}{rep}. Between clean (under {pct(CLEAN_SHARE)} "
                               f"defective, no F-REPETITIVE) and noisy ({pct(NOISY_SHARE)} "
                               f"defective or {pct(NOISY_CONFLICTS)} conflicting).")
