"""The audit document: every field the contract names (except `id`, which the service adds when
it stores the audit) plus the measurements behind them. Each part documents itself with the
matching piece of one real audit (models/examples/audit.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.vocabulary import DataQuality

EXAMPLE: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "audit.json").read_text(encoding="utf-8")
)


def example(*path: str | int) -> ConfigDict:
    """A model config whose OpenAPI example is the piece of EXAMPLE at `path`."""
    value: Any = EXAMPLE
    for key in path:
        value = value[key]
    return ConfigDict(json_schema_extra={"examples": [value]})


FindingId = Literal["F-MALFORMED", "F-ROLE", "F-EMPTY", "F-DUPLICATE", "F-NEAR-DUPLICATE",
                    "F-CONFLICT", "F-PII", "F-LEAKAGE", "F-REPETITIVE", "F-DISTRIBUTION"]
MAX_LINES = 20


class Excerpt(BaseModel):
    """The start of one flagged line, personal data masked, for people to see what was found."""

    model_config = ConfigDict(extra="forbid", **example("findings", 0, "examples", 0))

    line: int = Field(ge=1, description="one-based line number (of the eval file for F-LEAKAGE)")
    text: str = Field(description="the line's first characters; emails, phone and card numbers "
                                  "replaced by <EMAIL>, <PHONE>, <CARD>")
    clipped: bool = Field(description="true when the line is longer than `text`")


class Finding(BaseModel):
    """One kind of defect: how many examples, where (first 20 lines), and what to do."""

    model_config = ConfigDict(extra="forbid", **example("findings", 0))

    id: FindingId
    severity: Literal["high", "medium", "low"]
    count: int = Field(ge=0, description="examples affected")
    lines: list[int] = Field(description="up to 20 one-based line numbers (eval file for "
                                         "F-LEAKAGE, none for F-DISTRIBUTION)")
    message: str = Field(description="what was found and the fix")
    share: float = Field(ge=0.0, le=1.0, description="count over the examples it is measured on")
    source: str = Field(description="the seed sections this check comes from")
    breakdown: dict[str, int] = Field(default_factory=dict)
    examples: list[Excerpt] = Field(default_factory=list, description=(
        "the first few flagged lines, clipped and masked (filled in by whoever still has the "
        "file: the service and the CLI)"))


class Bin(BaseModel):
    model_config = example("tokens", "total", "histogram", 0)

    lo: int
    hi: int
    count: int


class LengthStats(BaseModel):
    """A length distribution: percentiles and power-of-two histogram bins."""

    model_config = example("tokens", "total")

    count: int
    mean: float
    max: int
    percentiles: dict[str, int]
    histogram: list[Bin]


class TokenStats(BaseModel):
    model_config = example("tokens")

    tokenizer: str
    counted: str
    context_limit: int
    over_context: int
    over_context_share: float
    over_context_lines: list[int]
    total: LengthStats
    output: LengthStats


class InputVariety(BaseModel):
    model_config = example("input_variety")

    distinct_bigram_ratio: float
    bigrams: int
    distinct_bigrams: int
    method: str


class JsonOutputs(BaseModel):
    model_config = example("json_outputs")

    checked: int = Field(description="examples with a non-blank output")
    parse_as_json: int
    share: float
    most_parse: bool
    lines_not_json: list[int] = Field(description="when most parse: up to 20 lines that do not")


class EvalSummary(BaseModel):
    model_config = example("eval")

    examples: int
    valid_examples: int
    malformed_lines: list[int]
    leaked: int


class TrafficDimension(BaseModel):
    model_config = example("traffic", "dimensions", 0)

    name: str
    measure: str = Field(description="what `train` and `traffic` hold")
    train: float
    traffic: float
    statistic: float
    p_value: float
    test: str
    threshold: str
    differs: bool


class TrafficComparison(BaseModel):
    model_config = example("traffic")

    lines: int
    compared: bool
    note: str
    dimensions: list[TrafficDimension]


class AuditReport(BaseModel):
    """What `POST /datasets/audit` returns, without the stored id."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        k: v for k, v in EXAMPLE.items() if k not in ("id", "created_at", "files")}]})

    format: str = Field(description="the format most valid lines use")
    formats: dict[str, int]
    examples: int = Field(description="non-blank lines read")
    valid_examples: int
    usable_examples: int
    data_quality: DataQuality
    data_quality_reason: str
    findings: list[Finding]
    tokens: TokenStats
    input_variety: InputVariety
    json_outputs: JsonOutputs
    eval: EvalSummary | None = None
    traffic: TrafficComparison | None = None
    thresholds: dict[str, float | int | str]
    engine: dict[str, float | int | str]
