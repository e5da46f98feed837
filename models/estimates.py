"""Order-of-magnitude monthly cost and latency per approach, from validated assumptions.

The assumptions are read by `models/assumptions.py`. The formulas are those of ESTIMATES.md:
    variable = requests_per_day x 30 x (in_tokens x in_price + out_tokens x out_price) / 1e6
    fixed    = vector DB (retrieval approaches) + retraining runs x cost per run (tuned approaches)
    monthly  = variable + fixed; one-off training cost is reported apart.
    latency  = base call latency of the approach's model tier + the approach's added latency,
               to the first output token; generating the answer takes longer with its length.
An approach is within the latency budget only when that total is.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.assumptions import (
    DEFAULT_PATH,
    Assumptions,
    AssumptionsError,
    AssumptionTable,
    load_assumptions,
)
from models.questionnaire import Questionnaire
from models.seeds import cite
from models.vocabulary import SEED_MISTAKES, USES_FINE_TUNING, USES_RETRIEVAL, Recommendation

DAYS_PER_MONTH = 30
EXCLUDED = (
    "Staff time, data labelling, embedding the corpus and self-hosted GPUs are left out; "
    "they are often the largest costs."
)
__all__ = ["DEFAULT_PATH", "Assumptions", "AssumptionsError", "load_assumptions"]

class ApproachEstimate(BaseModel):
    """Rough monthly cost and added latency of one approach at this project's volume."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "approach": "prompt_engineering",
                    "model_tier": "large_general_model",
                    "monthly_cost_usd": 11000.0,
                    "order_of_magnitude": "$10k-$100k per month",
                    "variable_monthly_usd": 11100.0,
                    "fixed_monthly_usd": 0.0,
                    "one_off_usd": 0.0,
                    "added_latency_ms": 300.0,
                    "base_latency_ms": 500.0,
                    "total_latency_ms": 800.0,
                    "within_latency_budget": True,
                    "formula": "40000 req/day x 30 days x (2500 in x 2.5 + 300 out x 10) / 1e6 USD",
                }
            ]
        },
    )

    approach: Recommendation
    model_tier: str
    monthly_cost_usd: float = Field(description="variable + fixed, rounded to 2 significant digits")
    order_of_magnitude: str
    variable_monthly_usd: float
    fixed_monthly_usd: float
    one_off_usd: float = Field(description="first training cycles; not in the monthly figure")
    added_latency_ms: float = Field(description="over a short-prompt call; excludes generation")
    base_latency_ms: float = Field(
        description="a short-prompt call to the model tier, to its first output token"
    )
    total_latency_ms: float = Field(
        description="base + added: to the first output token; generating the answer adds more"
    )
    within_latency_budget: bool | None = Field(
        description="total_latency_ms <= the budget; null when no budget was given"
    )
    formula: str


class Estimates(BaseModel):
    """Cost and latency estimates for all four approaches, labelled as estimates."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "label": "estimate",
                    "assumptions_version": "1",
                    "as_of": "2026-11",
                    "currency": "USD",
                    "requests_per_day": 10000,
                    "requests_per_month": 300000,
                    "latency_budget_ms": 800,
                    "approaches": [],
                    "cheapest_monthly": "fine_tuning",
                    "disclaimer": "Order-of-magnitude estimates only.",
                    "excluded": EXCLUDED,
                    "source": cite(
                        (SEED_MISTAKES, "9. Forgetting Cost, Latency, and Retraining Overhead")
                    ),
                }
            ]
        },
    )

    label: Literal["estimate"] = "estimate"
    assumptions_version: str
    as_of: str
    currency: str
    requests_per_day: int
    requests_per_month: int
    latency_budget_ms: int | None = Field(description="the budget the totals are held against")
    approaches: list[ApproachEstimate]
    cheapest_monthly: Recommendation
    disclaimer: str
    excluded: str
    source: str


def _round(*, value: float) -> float:
    """Two significant digits: more would claim a precision the assumptions lack."""
    if value <= 0:
        return 0.0
    return round(value, 1 - math.floor(math.log10(value)))


def _magnitude(*, usd: float) -> str:
    """A power-of-ten bracket such as '$1k-$10k per month'."""
    if usd < 1:
        return "under $1 per month"
    power = math.floor(math.log10(usd))

    def money(p: int) -> str:
        for size, suffix in ((9, "B"), (6, "M"), (3, "k")):
            if p >= size:
                return f"${10 ** (p - size)}{suffix}"
        return f"${10**p}"

    return f"{money(power)}-{money(power + 1)} per month"


def _one(*, approach: Recommendation, q: Questionnaire, table: AssumptionTable) -> ApproachEstimate:
    """Apply the ESTIMATES.md formulas to one approach."""
    tier = table.model_tier_per_approach.of(approach=approach).value
    tokens, price = table.tokens_per_request.of(approach=approach), table.price_per_1m_tokens[tier]
    per_request = tokens.input.value * price.input.value + tokens.output.value * price.output.value
    variable = q.requests_per_day * DAYS_PER_MONTH * per_request / 1e6
    formula = (
        f"{q.requests_per_day} req/day x {DAYS_PER_MONTH} days x ({tokens.input.value:g} "
        f"in-tokens x {price.input.value:g} + {tokens.output.value:g} out-tokens x "
        f"{price.output.value:g}) / 1e6 USD"
    )
    fixed = 0.0
    if approach in USES_RETRIEVAL:
        fixed += table.retrieval.vector_db_monthly_cost.value
        formula += f" + {table.retrieval.vector_db_monthly_cost.value:g} USD vector DB"
    one_off = 0.0
    if approach in USES_FINE_TUNING:
        runs = table.fine_tuning.retraining_runs_per_month
        cost = table.fine_tuning.retraining_cost_per_run
        fixed += runs.value * cost.value
        one_off = table.fine_tuning.one_off_training_cost.value
        formula += f" + {runs.value:g} retrains x {cost.value:g} USD"
    monthly = variable + fixed
    latency = table.added_latency_ms.of(approach=approach).value
    base = table.base_latency_ms[tier].value
    budget = q.latency_budget_ms
    return ApproachEstimate(
        approach=approach,
        model_tier=tier,
        monthly_cost_usd=_round(value=monthly),
        order_of_magnitude=_magnitude(usd=monthly),
        variable_monthly_usd=round(variable, 2),
        fixed_monthly_usd=round(fixed, 2),
        one_off_usd=one_off,
        added_latency_ms=latency,
        base_latency_ms=base,
        total_latency_ms=base + latency,
        within_latency_budget=None if budget is None else base + latency <= budget,
        formula=formula + f" = {monthly:,.2f} USD per month",
    )


def estimate(*, questionnaire: Questionnaire, assumptions: Assumptions) -> Estimates:
    """Show the rough cost shape of each approach at this volume, clearly marked as estimates."""
    rows = [
        _one(approach=a, q=questionnaire, table=assumptions.assumptions) for a in Recommendation
    ]
    cheapest = min(rows, key=lambda row: row.variable_monthly_usd + row.fixed_monthly_usd)
    return Estimates(
        assumptions_version=assumptions.version,
        as_of=assumptions.as_of,
        currency=assumptions.currency,
        requests_per_day=questionnaire.requests_per_day,
        requests_per_month=questionnaire.requests_per_day * DAYS_PER_MONTH,
        latency_budget_ms=questionnaire.latency_budget_ms,
        approaches=rows,
        cheapest_monthly=cheapest.approach,
        disclaimer=assumptions.disclaimer,
        excluded=EXCLUDED,
        source=cite((SEED_MISTAKES, "9. Forgetting Cost, Latency, and Retraining Overhead")),
    )
