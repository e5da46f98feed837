"""Latency feasibility: warn when no approach, or not the recommended one, fits the budget.

Totals come from the estimates (`models/estimates.py`): the model tier's base call latency plus
the approach's added latency, to the first output token. Two warnings, each naming the budget and
the estimate in its message and `latency_budget_ms` as its field:
- W-LATENCY-INFEASIBLE: the budget is below every approach's estimate;
- W-LATENCY-OVER-BUDGET: some approach fits, but the recommended one does not.
"""

from __future__ import annotations

from models.estimates import ApproachEstimate, Estimates
from models.result import Warning
from models.seeds import cite
from models.seeds import mistake as _m
from models.vocabulary import APPROACH_NAMES, Recommendation

SOURCE = cite(_m(6), _m(9))


def _reading(*, row: ApproachEstimate) -> str:
    """An estimate in words: its total and where the total comes from."""
    return (f"about {row.total_latency_ms:,.0f} ms to the first output token "
            f"({row.base_latency_ms:,.0f} ms for a call to a {row.model_tier.replace('_', ' ')} "
            f"+ {row.added_latency_ms:,.0f} ms added by "
            f"{APPROACH_NAMES[row.approach.value].lower()})")


def latency_warnings(*, estimates: Estimates, recommendation: Recommendation) -> list[Warning]:
    """The latency warnings this budget and recommendation call for (none without a budget)."""
    budget = estimates.latency_budget_ms
    if budget is None:
        return []
    fastest = min(estimates.approaches, key=lambda row: row.total_latency_ms)
    if fastest.total_latency_ms > budget:
        return [Warning(
            id="W-LATENCY-INFEASIBLE", severity="high", mistake=6, source=SOURCE,
            field="latency_budget_ms",
            message=f"No approach is estimated to answer within the {budget:,} ms budget: the "
            f"fastest, {APPROACH_NAMES[fastest.approach.value].lower()}, takes "
            f"{_reading(row=fastest)}, before the answer is generated. Revisit the budget or the "
            "deployment (a small model served close to the callers), and check these figures "
            "against your own measurements.",
        )]
    chosen = next(row for row in estimates.approaches if row.approach == recommendation)
    if chosen.total_latency_ms <= budget:
        return []
    fitting = [APPROACH_NAMES[row.approach.value].lower() for row in estimates.approaches
               if row.total_latency_ms <= budget]
    return [Warning(
        id="W-LATENCY-OVER-BUDGET", severity="caution", mistake=6, source=SOURCE,
        field="latency_budget_ms",
        message=f"The recommended {APPROACH_NAMES[recommendation.value].lower()} is estimated at "
        f"{_reading(row=chosen)}, over the {budget:,} ms budget; within it by these estimates: "
        f"{', '.join(fitting)}. Measure the real latency before committing, or plan the model "
        "and serving choices around the budget.",
    )]
