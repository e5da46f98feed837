"""The audit document: every field the contract names (except `id`, which the service adds when
it stores the audit) plus the measurements behind them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.vocabulary import DataQuality

FindingId = Literal["F-MALFORMED", "F-ROLE", "F-EMPTY", "F-DUPLICATE", "F-NEAR-DUPLICATE",
                    "F-CONFLICT", "F-PII", "F-LEAKAGE", "F-REPETITIVE", "F-DISTRIBUTION"]
MAX_LINES = 20


class Finding(BaseModel):
    """One kind of defect: how many examples, where (first 20 lines), and what to do."""

    model_config = ConfigDict(extra="forbid")

    id: FindingId
    severity: Literal["high", "medium", "low"]
    count: int = Field(ge=0, description="examples affected")
    lines: list[int] = Field(description="up to 20 one-based line numbers (eval file for "
                                         "F-LEAKAGE, none for F-DISTRIBUTION)")
    message: str = Field(description="what was found and the fix")
    share: float = Field(ge=0.0, le=1.0, description="count over the examples it is measured on")
    source: str = Field(description="the seed sections this check comes from")
    breakdown: dict[str, int] = Field(default_factory=dict)


class Bin(BaseModel):
    lo: int
    hi: int
    count: int


class LengthStats(BaseModel):
    """A length distribution: percentiles and power-of-two histogram bins."""

    count: int
    mean: float
    max: int
    percentiles: dict[str, int]
    histogram: list[Bin]


class TokenStats(BaseModel):
    tokenizer: str
    counted: str
    context_limit: int
    over_context: int
    over_context_share: float
    over_context_lines: list[int]
    total: LengthStats
    output: LengthStats


class InputVariety(BaseModel):
    distinct_bigram_ratio: float
    bigrams: int
    distinct_bigrams: int
    method: str


class JsonOutputs(BaseModel):
    checked: int = Field(description="examples with a non-blank output")
    parse_as_json: int
    share: float
    most_parse: bool
    lines_not_json: list[int] = Field(description="when most parse: up to 20 lines that do not")


class EvalSummary(BaseModel):
    examples: int
    valid_examples: int
    malformed_lines: list[int]
    leaked: int


class TrafficDimension(BaseModel):
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
    lines: int
    compared: bool
    note: str
    dimensions: list[TrafficDimension]


class AuditReport(BaseModel):
    """What `POST /datasets/audit` returns, without the stored id."""

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
