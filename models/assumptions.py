"""The assumptions behind cost and latency estimates: their schema, checks and loader.

The file (`knowledge/estimates.json` by default, documented in `knowledge/ESTIMATES.md`; a
deployment passes its own path) is checked in full on load: every figure needs a finite,
non-negative value, a unit of the right kind, a source and a note, and every model tier an
approach names must have prices and a base call latency.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from models.vocabulary import Recommendation

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "estimates.json"
T = TypeVar("T")


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


UNIT_KINDS = {  # JSON path prefix -> what its unit must say for the formulas to hold
    "tokens_per_request.": "tokens",
    "price_per_1m_tokens.": "per 1M",
    "retrieval.latency_ms": "millisecond",
    "retrieval.vector_db_monthly_cost": "per month",
    "fine_tuning.retraining_runs_per_month": "per month",
    "fine_tuning.retraining_cost_per_run": "per run",
    "added_latency_ms.": "millisecond",
    "base_latency_ms.": "millisecond",
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


# Long context and the cost projection (models/long_context.py, models/projection.py).
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


class AssumptionTable(_Closed):
    """Every figure the formulas read."""

    tokens_per_request: PerApproach[InOut]
    model_tier_per_approach: PerApproach[TierName]
    price_per_1m_tokens: dict[str, InOut]
    retrieval: RetrievalCosts
    fine_tuning: TrainingCosts
    added_latency_ms: PerApproach[Figure]
    base_latency_ms: dict[str, Figure]
    long_context: LongContextCosts
    projection: ProjectionCosts

    @model_validator(mode="after")
    def _consistent(self) -> AssumptionTable:
        """Tiers must have prices and a base latency; units must be of the kind assumed."""
        for approach in Recommendation:
            tier = self.model_tier_per_approach.of(approach=approach).value
            for table, name in ((self.price_per_1m_tokens, "price_per_1m_tokens"),
                                (self.base_latency_ms, "base_latency_ms")):
                if tier not in table:
                    known = ", ".join(sorted(table)) or "none"
                    raise ValueError(
                        f"model_tier_per_approach.{approach.value} names tier {tier!r}, "
                        f"which {name} does not define (defined: {known})"
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
