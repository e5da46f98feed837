"""Run labelled cases through an advisor and summarise how it did (for the artifact and report)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.advisor import Advisor
from models.case_files import accepted
from models.metrics import summarize
from models.questionnaire import Questionnaire
from models.result import ModelResult


@dataclass(frozen=True)
class Scored:
    """One case beside what the advisor made of it."""

    case: dict[str, Any]
    result: ModelResult

    @property
    def scores(self) -> dict[str, float]:
        """Per-approach scores keyed by plain strings."""
        return {a.value: s for a, s in self.result.scores.items()}

    @property
    def recommendation(self) -> str:
        """The recommendation as a plain string."""
        return self.result.recommendation.value


def score_cases(
    *, advisor: Advisor, cases: Sequence[dict[str, Any]], learned: bool = True
) -> list[Scored]:
    """Each case assessed by the full model (or the rules-only baseline)."""
    run = advisor.assess if learned else advisor.assess_rules_only
    return [Scored(case=c, result=run(questionnaire=Questionnaire.model_validate(
        c["questionnaire"]))) for c in cases]


def summary(*, scored: Sequence[Scored]) -> dict[str, Any]:
    """The headline figures of scored cases (see `models.metrics.summarize`)."""
    return summarize(
        truth=[s.case["label"] for s in scored],
        accept=[accepted(case=s.case) for s in scored],
        predicted=[s.recommendation for s in scored],
        scores=[s.scores for s in scored],
    )


def case_metrics(
    *, advisor: Advisor, cases: Sequence[dict[str, Any]], learned: bool
) -> dict[str, Any]:
    """Figures for one split, as the artifact stores them."""
    return summary(scored=score_cases(advisor=advisor, cases=cases, learned=learned))
