"""Order-of-magnitude monthly cost and added latency per approach,, from validated assumptions.

The file (`knowledge/estimates.json` by default, documented in `knowledge/ESTIMATES.md`; a
deployment passes its own path) is checked in full on load: every figure needs a finite,
non-negative value, a unit of the right kind, a source and a note, and every model tier an
approach names must have prices. The formulas are those of ESTIMATES.md:
    variable = requests_per_day x 30 x (in_tokens x in_price + out_tokens x out_price) / 1e6
    fixed    = vector DB (retrieval approaches) + retraining runs x cost per run (tuned approaches)
    monthly  = variable + fixed; one-off training cost is reported apart.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from models.questionnaire import Questionnaire
from models.seeds import cite
from models.vocabulary import SEED_MISTAKES, USES_FINE_TUNING, USES_RETRIEVAL, Recommendation

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "estimates.json"
DAYS_PER_MONTH = 30
T = TypeVar("T")
EXCLUDED = (
    "Staff time, data labelling, embedding the corpus and self-hosted GPUs are left out; "
    "they are often the largest costs."
)


class AssumptionsError(ValueError):
    """The assumptions file is missing, unreadable or invalid; the message names the problem."""


class _Closed(BaseModel):
    """Assumption files are typed by hand: a misspelt key must fail, not be ignored."""

    model_config = ConfigDict(extra="forbid")


class Figure(_Closed):
    """One assumed number with its unit and where it comes from."""

    value: float = Field(ge=0.0, allow_inf_nan=False)
    unit: str = Field(min_length=1)
    source: str = Field(min_length=1)
    note: str


class TierName(_Closed):
    """Which price tier an approach runs on."""

    value: str = Field(min_length=1)
    unit: str
    source: str = Field(min_length=1)
    note: str


class InOut(_Closed):
    """A pair of input and output figures (tokens or prices)."""

    input: Figure
    output: Figure


class PerApproach(_Closed, Generic[T]):
    """One value for each of the four recommendations."""

    prompt_engineering: T
    rag: T
    fine_tuning: T
    rag_and_fine_tuning: T

    def of(self, *, approach: Recommendation) -> T:
        """The value for one approach."""
        value: T = getattr(self, approach.value)
        return value


class RetrievalCosts(_Closed):
    """Figures only retrieval approaches pay."""

    latency_ms: Figure
    vector_db_monthly_cost: Figure


class TrainingCosts(_Closed):
    """Figures only fine-tuned approaches pay."""

    one_off_training_cost: Figure
    retraining_runs_per_month: Figure
    retraining_cost_per_run: Figure


# --- Issue 18: long context and the cost projection (models/long_context.py, projection.py).
class DatedFigure(Figure):
    """A figure from a vendor's documentation, which changes: the month it was checked."""

    as_of: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")


class _Checked(_Closed):
    """Figures whose units the formulas depend on: UNITS maps each field to what it must say."""

    UNITS: ClassVar[dict[str, str]] = {}

    @model_validator(mode="after")
    def _units(self) -> _Checked:
        for name, kind in self.UNITS.items():
            unit = getattr(self, name).unit
            if kind not in unit.lower():
                raise ValueError(f"{name}.unit is {unit!r}; the formulas need {kind!r} in it")
        return self


class LongContextCosts(_Checked):
    """Sending the whole knowledge in a cached prompt instead of retrieving passages."""

    UNITS: ClassVar[dict[str, str]] = {
        "max_knowledge_tokens": "tokens", "prompt_tokens": "tokens",
        "cache_read_price_share": "input price", "cache_write_price_share": "input price",
        "cache_lifetime_minutes": "minutes", "max_cache_hit_rate": "share",
        "cached_latency_ms_per_1k_tokens": "milliseconds",
    }
    max_knowledge_tokens: DatedFigure
    prompt_tokens: Figure
    cache_read_price_share: DatedFigure
    cache_write_price_share: DatedFigure
    cache_lifetime_minutes: DatedFigure
    max_cache_hit_rate: Figure
    cached_latency_ms_per_1k_tokens: Figure

    @model_validator(mode="after")
    def _rate(self) -> LongContextCosts:
        if self.max_cache_hit_rate.value > 1:
            raise ValueError("max_cache_hit_rate.value is a share of requests: at most 1")
        return self


class CyclesByStability(_Checked):
    """Retraining cycles per month for each workflow_stability answer, and for unknown."""

    UNITS: ClassVar[dict[str, str]] = dict.fromkeys(
        ("changes_weekly", "evolving", "stable", "unknown"), "per month"
    )
    changes_weekly: Figure
    evolving: Figure
    stable: Figure
    unknown: Figure


class ProjectionCosts(_Checked):
    """How far the projection looks (whole months) and how many cycles a first run takes."""

    UNITS: ClassVar[dict[str, str]] = {"months": "months", "first_run_cycles": "cycles"}
    months: Figure
    retraining_cycles_per_month: CyclesByStability
    first_run_cycles: Figure

    @model_validator(mode="after")
    def _horizon(self) -> ProjectionCosts:
        if not (self.months.value.is_integer() and 1 <= self.months.value <= 120):
            raise ValueError("months.value must be a whole number of months from 1 to 120")
        return self
# --- end of the issue-18 block.


UNIT_KINDS = {  # JSON path prefix -> what its unit must say for the formulas to hold
    "tokens_per_request.": "tokens",
    "price_per_1m_tokens.": "per 1M",
    "retrieval.latency_ms": "millisecond",
    "retrieval.vector_db_monthly_cost": "per month",
    "fine_tuning.retraining_runs_per_month": "per month",
    "fine_tuning.retraining_cost_per_run": "per run",
    "added_latency_ms.": "millisecond",
}


def _units(*, node: object, path: str) -> list[tuple[str, str]]:
    """(path, unit) of every figure below node, for the unit-kind check."""
    if not isinstance(node, dict):
        return []
    if isinstance(node.get("unit"), str):
        return [(path, node["unit"])]
    return [
        pair
        for key, child in node.items()
        for pair in _units(node=child, path=f"{path}.{key}" if path else str(key))
    ]


class AssumptionTable(_Closed):
    """Every figure the formulas read."""

    tokens_per_request: PerApproach[InOut]
    model_tier_per_approach: PerApproach[TierName]
    price_per_1m_tokens: dict[str, InOut]
    retrieval: RetrievalCosts
    fine_tuning: TrainingCosts
    added_latency_ms: PerApproach[Figure]
    long_context: LongContextCosts  # issue 18
    projection: ProjectionCosts  # issue 18

    @model_validator(mode="after")
    def _consistent(self) -> AssumptionTable:
        """Tiers must have prices and units must be of the kind the formulas assume."""
        for approach in Recommendation:
            tier = self.model_tier_per_approach.of(approach=approach).value
            if tier not in self.price_per_1m_tokens:
                known = ", ".join(sorted(self.price_per_1m_tokens)) or "none"
                raise ValueError(
                    f"model_tier_per_approach.{approach.value} names tier {tier!r}, "
                    f"which price_per_1m_tokens does not define (defined: {known})"
                )
        for where, unit in _units(node=self.model_dump(), path=""):
            kind = next((k for p, k in UNIT_KINDS.items() if where.startswith(p)), None)
            if kind is not None and kind.lower() not in unit.lower():
                raise ValueError(
                    f"{where}.unit is {unit!r}; the formulas need a unit containing {kind!r}"
                )
        return self


class Assumptions(_Closed):
    """The whole assumptions file."""

    version: str = Field(min_length=1)
    as_of: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM last reviewed")
    currency: Literal["USD"]
    disclaimer: str = Field(min_length=1)
    assumptions: AssumptionTable


def _explain(*, error: ValidationError) -> str:
    """One line per problem, each naming the JSON path it is at."""
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{where}: {item['msg']}")
    return "; ".join(lines)


def load_assumptions(*, path: Path | None = None) -> Assumptions:
    """Read and validate the assumptions so a bad override fails at start-up, not mid-request."""
    target = path if path is not None else DEFAULT_PATH
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AssumptionsError(f"estimates file {target} does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise AssumptionsError(f"estimates file {target} cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise AssumptionsError(
            f"estimates file {target} is not valid JSON: {exc.msg} "
            f"(line {exc.lineno}, column {exc.colno})"
        ) from exc
    try:
        return Assumptions.model_validate(raw)
    except ValidationError as exc:
        raise AssumptionsError(
            f"estimates file {target} is invalid: {_explain(error=exc)}"
        ) from exc


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
    within_latency_budget: bool | None = Field(description="null when no budget was given")
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
        within_latency_budget=None if budget is None else latency <= budget,
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
        approaches=rows,
        cheapest_monthly=cheapest.approach,
        disclaimer=assumptions.disclaimer,
        excluded=EXCLUDED,
        source=cite((SEED_MISTAKES, "9. Forgetting Cost, Latency, and Retraining Overhead")),
    )
