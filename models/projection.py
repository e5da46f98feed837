"""Cumulative cost of each approach over the coming months, and when the cheapest one changes.

For each approach a, from the estimates (this volume) and the validated assumptions:
    run_monthly(a)  = variable_monthly(a) + vector DB (retrieval approaches)
    retrain(a)      = retraining_cost_per_run (tuned approaches, else 0)
    rate            = projection.retraining_cycles_per_month[workflow_stability or unknown]
    cumulative(a,m) = one_off(a) + m x run_monthly(a) + floor(m x rate) x retrain(a)
Month 0 is launch (one-off costs only); retraining runs are whole events, so a tuned approach's
curve steps up when one falls due. The whole knowledge in a cached prompt (long context) joins as
a fifth series when it is priced. A crossover is a month m >= 2 whose cheapest series differs
from month m - 1's (month 1 is the first month of running costs).
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.assumptions import Assumptions
from models.estimates import Estimates
from models.long_context import LongContextCost
from models.questionnaire import Questionnaire
from models.seeds import cite, mistake
from models.vocabulary import APPROACH_NAMES, USES_FINE_TUNING, USES_RETRIEVAL

LONG_CONTEXT = "long_context"
NAMES = {**APPROACH_NAMES, LONG_CONTEXT: "Whole knowledge in a cached prompt"}
EPSILON = 1e-9  # m x rate is computed in floating point; 4 x 0.25 must count as one cycle


class Series(BaseModel):
    """One approach's cumulative cost, month by month."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "approach": "fine_tuning", "one_off_usd": 500.0, "run_monthly_usd": 144.0,
        "retraining_cost_usd": 150.0, "cumulative_usd": [500.0, 644.0, 788.0],
    }]})

    approach: str = Field(description="a recommendation value, or long_context")
    one_off_usd: float
    run_monthly_usd: float
    retraining_cost_usd: float = Field(description="per retraining cycle; 0 if never retrained")
    cumulative_usd: list[float] = Field(description="index m = total spent by the end of month m")


class Crossover(BaseModel):
    """A month where a different approach becomes the cheapest in total."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "month": 11, "cheapest_before": "prompt_engineering", "cheapest_after": "fine_tuning",
    }]})

    month: int
    cheapest_before: str
    cheapest_after: str


class CostProjection(BaseModel):
    """Cumulative cost per approach over the horizon, clearly labelled as an estimate."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "label": "estimate", "months": 24, "workflow_stability": "stable",
        "retraining_cycles_per_month": 0.25, "retraining_basis": "stable: quarterly",
        "series": [], "cheapest_first_month": "fine_tuning", "cheapest_final_month": "fine_tuning",
        "crossovers": [], "summary": "Fine-tuning stays cheapest.", "assumptions": [],
        "source": cite(mistake(9)),
    }]})

    label: Literal["estimate"] = "estimate"
    months: int
    workflow_stability: str | None
    retraining_cycles_per_month: float
    retraining_basis: str = Field(description="where the retraining rate comes from")
    series: list[Series]
    cheapest_first_month: str
    cheapest_final_month: str
    crossovers: list[Crossover]
    summary: str = Field(description="one sentence, the one Slack shows")
    assumptions: list[str]
    source: str


def cumulative(*, one_off: float, run: float, retrain: float, rate: float, months: int
               ) -> list[float]:
    """The module formula for months 0..months, in cents."""
    return [round(one_off + m * run + math.floor(m * rate + EPSILON) * retrain, 2)
            for m in range(months + 1)]


def cheapest(*, series: list[Series], month: int) -> str:
    """The lowest total at that month; ties go to the earlier series (a stable order)."""
    return min(series, key=lambda s: s.cumulative_usd[month]).approach


def crossovers(*, series: list[Series], months: int) -> list[Crossover]:
    """Every month from 2 on whose cheapest approach differs from the month before."""
    out = []
    for month in range(2, months + 1):
        before, after = cheapest(series=series, month=month - 1), cheapest(series=series,
                                                                           month=month)
        if before != after:
            out.append(Crossover(month=month, cheapest_before=before, cheapest_after=after))
    return out


def _money(usd: float) -> str:
    return f"${usd:,.0f}"


def summary(*, series: list[Series], changes: list[Crossover], months: int) -> str:
    """One sentence: who is cheapest, and from which month another takes over, if one does."""
    by_name = {s.approach: s for s in series}
    first, last = cheapest(series=series, month=1), cheapest(series=series, month=months)
    total = by_name[last].cumulative_usd[months]
    if not changes:
        return (f"Over {months} months, {NAMES[first].lower()} stays the cheapest option "
                f"(about {_money(total)} in total).")
    turn = changes[0]
    text = (f"Over {months} months, {NAMES[turn.cheapest_before].lower()} is cheapest at first, "
            f"but {NAMES[turn.cheapest_after].lower()} becomes cheaper from month {turn.month}")
    if len(changes) > 1:
        text += (f"; the lead changes {len(changes)} times as retraining falls due, ending with "
                 f"{NAMES[last].lower()}")
    return text + f" (about {_money(total)} in total by month {months})."


def _series(*, q: Questionnaire, a: Assumptions, estimates: Estimates, rate: float,
            months: int, long_context: LongContextCost | None) -> list[Series]:
    """The four approaches from the estimates, then long context when it is priced."""
    table, out = a.assumptions, []
    for row in estimates.approaches:
        run = row.variable_monthly_usd
        run += table.retrieval.vector_db_monthly_cost.value if row.approach in USES_RETRIEVAL else 0
        retrain = (table.fine_tuning.retraining_cost_per_run.value
                   if row.approach in USES_FINE_TUNING else 0.0)
        out.append(Series(approach=row.approach.value, one_off_usd=row.one_off_usd,
                          run_monthly_usd=round(run, 2), retraining_cost_usd=retrain,
                          cumulative_usd=cumulative(one_off=row.one_off_usd, run=run,
                                                    retrain=retrain, rate=rate, months=months)))
    if long_context is not None:
        run = long_context.monthly_cost_usd
        out.append(Series(approach=LONG_CONTEXT, one_off_usd=0.0, run_monthly_usd=run,
                          retraining_cost_usd=0.0, cumulative_usd=cumulative(
                              one_off=0.0, run=run, retrain=0.0, rate=rate, months=months)))
    return out


def project(*, questionnaire: Questionnaire, assumptions: Assumptions, estimates: Estimates,
            long_context: LongContextCost | None = None) -> CostProjection:
    """Project every approach's total cost month by month and name where the cheapest changes."""
    p = assumptions.assumptions.projection
    months = int(p.months.value)
    stability = questionnaire.workflow_stability
    key = stability.value if stability is not None else "unknown"
    figure = getattr(p.retraining_cycles_per_month, key)
    rate = figure.value
    series = _series(q=questionnaire, a=assumptions, estimates=estimates, rate=rate,
                     months=months, long_context=long_context)
    changes = crossovers(series=series, months=months)
    ft = assumptions.assumptions.fine_tuning
    return CostProjection(
        months=months, workflow_stability=key if stability is not None else None,
        retraining_cycles_per_month=rate,
        retraining_basis=f"workflow_stability {key}: {rate:g} cycles per month ({figure.source})",
        series=series,
        cheapest_first_month=cheapest(series=series, month=1),
        cheapest_final_month=cheapest(series=series, month=months), crossovers=changes,
        summary=summary(series=series, changes=changes, months=months),
        assumptions=[
            "Month 0 holds one-off costs only; each later month adds that approach's running "
            "cost at today's volume (no growth is assumed).",
            f"Tuned approaches pay {ft.one_off_training_cost.value:,.0f} USD up front for the "
            f"first cycles and {ft.retraining_cost_per_run.value:,.0f} USD per retraining cycle, "
            f"{rate:g} cycles per month; the flat retraining_runs_per_month of the monthly "
            "estimate is replaced by this rate.",
            "Prices stay at the assumptions file's figures for the whole horizon.",
            estimates.excluded,
        ],
        source=cite(mistake(9)),
    )
