"""Long context as an alternative to retrieval: send the whole knowledge with prompt caching.

A knowledge base under the assumptions file's `long_context.max_knowledge_tokens` fits a long
prompt. Then the simplest grounded design is the whole knowledge in a cached prompt prefix;
retrieval is built when the knowledge outgrows that or answers must cite passages. Knowledge
that is per-user (needs_private_context), changes in real time, is too large, or whose cached
prompt breaks the latency budget keeps retrieval. This is advice beside the model's scores, never
an input to them. Cost per request (ESTIMATES.md § Long context):
    hit  = min(max_cache_hit_rate, 1 - exp(-requests_per_day / 1440 x cache_lifetime_minutes))
    cost = (K x (hit x read_share + (1 - hit) x write_share) + prompt_tokens) x in_price
           + out_tokens x out_price, per 1e6 tokens, on the rag tier's prices
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.assumptions import Assumptions
from models.estimates import DAYS_PER_MONTH, Estimates
from models.questionnaire import Questionnaire
from models.seeds import cite, mistake
from models.vocabulary import KnowledgeFreshness, Recommendation

Status = Literal["long_context_first", "retrieval", "not_needed", "unknown"]
MINUTES_PER_DAY = 1440
SOURCE = cite(mistake(2), mistake(7))


class LongContextCost(BaseModel):
    """What the whole knowledge in a cached prompt would cost, beside retrieval's estimate."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "knowledge_tokens": 20000, "cache_hit_rate": 0.95, "per_request_usd": 0.0116,
        "monthly_cost_usd": 3490.0, "retrieval_monthly_cost_usd": 3600.0,
        "cheaper": "long_context", "added_latency_ms": 600.0, "within_latency_budget": True,
        "formula": "10000 req/day x 30 days x (...) / 1e6 USD = 3,490.00 USD per month",
    }]})

    knowledge_tokens: int
    cache_hit_rate: float = Field(description="expected share of requests that read the cache")
    per_request_usd: float
    monthly_cost_usd: float
    retrieval_monthly_cost_usd: float = Field(
        description="the rag row of the estimates (variable + fixed, unrounded)"
    )
    cheaper: Literal["long_context", "retrieval"]
    added_latency_ms: float = Field(description="time to first token for the cached knowledge")
    within_latency_budget: bool | None = Field(description="null when no budget was given")
    formula: str


class LongContextAdvice(BaseModel):
    """Whether the knowledge should go whole into a cached prompt before anyone builds retrieval."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "status": "long_context_first", "knowledge_size_tokens": 20000,
        "threshold_tokens": 200000, "threshold_source": "Anthropic, Contextual Retrieval",
        "threshold_as_of": "2026-11",
        "reasons": ["20,000 tokens fit under the 200,000-token long-context threshold."],
        "advice": "Send the whole knowledge in a cached prompt first.",
        "switch_to_retrieval_when": ["the knowledge outgrows 200,000 tokens"],
        "cost": None, "assumptions": [], "source": SOURCE,
    }]})

    status: Status
    knowledge_size_tokens: int | None
    threshold_tokens: int
    threshold_source: str
    threshold_as_of: str
    reasons: list[str] = Field(description="the answers that decided the status, in words")
    advice: str
    switch_to_retrieval_when: list[str]
    cost: LongContextCost | None = Field(description="priced when the knowledge fits")
    assumptions: list[str] = Field(description="the stated assumptions behind the cost")
    source: str


def _blockers(*, q: Questionnaire, threshold: int) -> list[str]:
    """Answers that rule out one cached prompt, whatever it costs."""
    size, out = q.knowledge_size_tokens or 0, []
    if size > threshold:
        out.append(f"{size:,} tokens of knowledge exceed the {threshold:,}-token long-context "
                   "threshold: only the relevant passages can be sent.")
    if q.needs_private_context:
        out.append("Answers need private or user-specific context at request time: per-user "
                   "data cannot share one cached prompt, so it is retrieved per request (if the "
                   "private context is one shared document set, long context can still serve it).")
    if q.knowledge_freshness is KnowledgeFreshness.realtime:
        out.append("Facts change in real time: they must be looked up per request, not cached.")
    return out


def _hit_rate(*, q: Questionnaire, a: Assumptions) -> float:
    """Evenly spread requests hit the cache when another came within its lifetime."""
    lc = a.assumptions.long_context
    per_minute = q.requests_per_day / MINUTES_PER_DAY
    warm = 1.0 - math.exp(-per_minute * lc.cache_lifetime_minutes.value)
    return round(min(lc.max_cache_hit_rate.value, warm), 4)


def price(*, q: Questionnaire, a: Assumptions, estimates: Estimates) -> LongContextCost:
    """The module formula for these answers; `knowledge_size_tokens` must be known."""
    table, lc = a.assumptions, a.assumptions.long_context
    size = q.knowledge_size_tokens or 0
    tier = table.model_tier_per_approach.rag.value
    prices, out_tokens = table.price_per_1m_tokens[tier], table.tokens_per_request.rag.output
    hit = _hit_rate(q=q, a=a)
    share = hit * lc.cache_read_price_share.value + (1 - hit) * lc.cache_write_price_share.value
    billed_in = size * share + lc.prompt_tokens.value
    per_request = (billed_in * prices.input.value + out_tokens.value * prices.output.value) / 1e6
    monthly = per_request * q.requests_per_day * DAYS_PER_MONTH
    rag = next(row for row in estimates.approaches if row.approach is Recommendation.rag)
    rag_monthly = round(rag.variable_monthly_usd + rag.fixed_monthly_usd, 2)
    latency = round(size / 1000 * lc.cached_latency_ms_per_1k_tokens.value, 1)
    budget = q.latency_budget_ms
    return LongContextCost(
        knowledge_tokens=size, cache_hit_rate=hit, per_request_usd=round(per_request, 6),
        monthly_cost_usd=round(monthly, 2), retrieval_monthly_cost_usd=rag_monthly,
        cheaper="long_context" if monthly <= rag_monthly else "retrieval",
        added_latency_ms=latency,
        within_latency_budget=None if budget is None else latency <= budget,
        formula=(f"{q.requests_per_day} req/day x {DAYS_PER_MONTH} days x (({size} knowledge "
                 f"tokens x ({hit:g} x {lc.cache_read_price_share.value:g} + {1 - hit:g} x "
                 f"{lc.cache_write_price_share.value:g}) + {lc.prompt_tokens.value:g} prompt "
                 f"tokens) x {prices.input.value:g} + {out_tokens.value:g} out-tokens x "
                 f"{prices.output.value:g}) / 1e6 USD = {monthly:,.2f} USD per month"),
    )


def _assumptions(*, a: Assumptions) -> list[str]:
    """The stated assumptions behind the price, each with its figure."""
    lc = a.assumptions.long_context
    return [
        f"Cached knowledge is billed at {lc.cache_read_price_share.value:g} x the input price on a "
        f"cache read and {lc.cache_write_price_share.value:g} x on a write "
        f"({lc.cache_read_price_share.source}; as of {lc.cache_read_price_share.as_of}).",
        f"A cache entry lives {lc.cache_lifetime_minutes.value:g} minutes after its last use; "
        "requests are assumed spread evenly over the day, and at best "
        f"{lc.max_cache_hit_rate.value:.0%} of them read the cache.",
        f"Each request adds {lc.prompt_tokens.value:,.0f} uncached tokens of instructions and "
        "question and is answered by the same model tier as retrieval.",
        f"Time to first token grows by about {lc.cached_latency_ms_per_1k_tokens.value:g} ms per "
        "1,000 cached tokens; a cache miss takes several times longer.",
    ]


def advise(*, questionnaire: Questionnaire, assumptions: Assumptions,
           estimates: Estimates) -> LongContextAdvice:
    """Say whether a cached long prompt should come before retrieval, and why, for these answers."""
    q, lc = questionnaire, assumptions.assumptions.long_context
    threshold = int(lc.max_knowledge_tokens.value)
    size = q.knowledge_size_tokens
    switch = [f"the knowledge outgrows about {threshold:,} tokens",
              "answers must cite the passage they rely on (retrieval returns passages with their "
              "source; a whole-knowledge prompt does not)",
              "the knowledge becomes per-user or must be fetched live"]
    cost = None
    if size is not None and 0 < size <= threshold:
        cost = price(q=q, a=assumptions, estimates=estimates)
    status, reasons, advice = _decide(q=q, threshold=threshold, cost=cost)
    return LongContextAdvice(
        status=status, knowledge_size_tokens=size, threshold_tokens=threshold,
        threshold_source=lc.max_knowledge_tokens.source,
        threshold_as_of=lc.max_knowledge_tokens.as_of,
        reasons=reasons, advice=advice, switch_to_retrieval_when=switch, cost=cost,
        assumptions=_assumptions(a=assumptions) if cost is not None else [], source=SOURCE,
    )


def _decide(*, q: Questionnaire, threshold: int,
            cost: LongContextCost | None) -> tuple[Status, list[str], str]:
    """The status, the answers behind it and what to do."""
    size = q.knowledge_size_tokens
    if size is None:
        return "unknown", ["knowledge_size_tokens is not answered."], (
            f"Estimate the size of the documents answers draw on: under about {threshold:,} "
            "tokens they can go whole into a cached prompt instead of a retrieval pipeline.")
    if size == 0:
        return "not_needed", ["knowledge_size_tokens is 0: answers draw on no documents."], (
            "There is no knowledge to send or retrieve; neither long context nor retrieval is "
            "needed for grounding.")
    blockers = _blockers(q=q, threshold=threshold)
    if cost is not None and cost.within_latency_budget is False:
        blockers.append(f"About {cost.added_latency_ms:,.0f} ms to read {size:,} cached tokens "
                        f"exceeds the {q.latency_budget_ms:,} ms latency budget.")
    if blockers:
        return "retrieval", blockers, (
            "Keep retrieval: index the documents and send only the passages each request needs.")
    reasons = [f"{size:,} tokens fit under the {threshold:,}-token long-context threshold.",
               f"Facts are {q.knowledge_freshness.value}: a cached prompt is rebuilt when they "
               "change, and no per-user data is needed."]
    if cost is not None:
        verdict = ("cheaper" if cost.cheaper == "long_context"
                   else "dearer, but with no index to build, tune or keep in sync")
        reasons.append(f"Estimated {cost.monthly_cost_usd:,.0f} USD per month against "
                       f"{cost.retrieval_monthly_cost_usd:,.0f} USD for retrieval ({verdict}).")
    return "long_context_first", reasons, (
        f"Send the whole knowledge ({size:,} tokens) as a cached prompt prefix first, with the "
        "question after it, and measure grounded accuracy on the eval set. Build retrieval when "
        "the knowledge outgrows the threshold or answers must cite passages.")
