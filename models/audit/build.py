"""Turn what the collector gathered into the report's findings and statistics."""

from __future__ import annotations

from typing import Any

import numpy as np

import models.audit.findings as fnd
import models.audit.tokens as tokens
import models.audit.traffic as traffic
import models.audit.variety as variety
from models.audit.collect import Collector
from models.audit.formats import FORMAT_NAMES
from models.audit.options import JSON_MAJORITY, REPETITIVE_MIN_OUTPUTS
from models.audit.report import (
    MAX_LINES,
    Finding,
    InputVariety,
    JsonOutputs,
    LengthStats,
    TokenStats,
    TrafficComparison,
    TrafficDimension,
)


def train_findings(c: Collector) -> tuple[list[Finding], dict[str, np.ndarray]]:
    """Findings about the training file, and every flagged line per finding."""
    n, opts = max(1, c.examples), c.options
    lines = {fid: c.lines_of(fid) for fid in c.flags}
    lines["F-MALFORMED"] = np.array(c.malformed, dtype=np.int64)
    rows, phrases = c.phrases.flagged(share=opts.repetitive_share,
                                      min_outputs=REPETITIVE_MIN_OUTPUTS)
    lines["F-REPETITIVE"] = np.sort(c.valid_lines()[rows]) if len(rows) else rows
    first = c.first_malformed
    details = {
        "F-MALFORMED": f"; first: line {first[0]}, {first[1]}" if first else "",
        "F-NEAR-DUPLICATE": f" (input similarity >= {opts.near_input_jaccard}, output "
                            f">= {opts.same_output_jaccard})",
        "F-CONFLICT": f" (input similarity >= {opts.near_input_jaccard}, output below "
                      f"{opts.same_output_jaccard})",
        "F-REPETITIVE": (f", most often \u201c{phrases[0][0]}\u201d ({phrases[0][1]:,} outputs)"
                         if phrases else ""),
    }
    breakdowns = {"F-MALFORMED": dict(c.malformed_kinds), "F-ROLE": dict(c.role_kinds),
                  "F-PII": dict(c.pii_kinds)}
    out = []
    for fid in ("F-MALFORMED", "F-ROLE", "F-EMPTY", "F-DUPLICATE", "F-NEAR-DUPLICATE",
                "F-CONFLICT", "F-PII", "F-REPETITIVE"):
        if len(lines[fid]) == 0:
            continue
        base = max(1, c.phrases.free_outputs) if fid == "F-REPETITIVE" else n
        out.append(fnd.finding(fid=fid, lines=lines[fid].tolist(), share=len(lines[fid]) / base,
                               breakdown=breakdowns.get(fid), detail=details.get(fid, "")))
    return out, lines


def defect_examples(lines: dict[str, np.ndarray]) -> int:
    """Examples with at least one consistency defect, each counted once."""
    parts = [lines[f] for f in fnd.CONSISTENCY if len(lines.get(f, ()))]
    return len(np.unique(np.concatenate(parts))) if parts else 0


def usable(c: Collector, lines: dict[str, np.ndarray]) -> int:
    """Valid examples minus exact duplicates, near duplicates and conflicts (one per group kept:
    the first of each group is never flagged)."""
    dropped = [lines[f] for f in ("F-DUPLICATE", "F-NEAR-DUPLICATE", "F-CONFLICT")]
    return c.valid - len(np.unique(np.concatenate(dropped)))


def token_stats(c: Collector) -> TokenStats:
    total, out = c.token_arrays()
    over = total > c.options.context_limit
    valid = c.valid_lines()
    return TokenStats(
        tokenizer=tokens.tokenizer_name(),
        counted="text of every turn or field (system prompt included), without special tokens "
                "or chat-template markup",
        context_limit=c.options.context_limit, over_context=int(over.sum()),
        over_context_share=round(float(over.mean()) if len(over) else 0.0, 4),
        over_context_lines=valid[over][:MAX_LINES].tolist(),
        total=LengthStats(**tokens.summary(total, counts=tokens.histogram(total))),
        output=LengthStats(**tokens.summary(out, counts=tokens.histogram(out))))


def input_variety(c: Collector) -> InputVariety:
    distinct = min(c.bigrams, round(variety.estimate(c.hll))) if c.bigrams else 0
    return InputVariety(
        distinct_bigram_ratio=round(distinct / c.bigrams, 4) if c.bigrams else 0.0,
        bigrams=c.bigrams, distinct_bigrams=distinct,
        method="distinct word bigrams / all word bigrams over every input (distinct-2); the "
               "distinct count is a HyperLogLog estimate (about 1% error)")


def json_outputs(c: Collector) -> JsonOutputs:
    is_json = np.concatenate(c.out_json) if c.out_json else np.empty(0, bool)
    blank = np.concatenate(c.out_blank) if c.out_blank else np.empty(0, bool)
    checked = int((~blank).sum())
    parsed = int(is_json.sum())
    share = parsed / checked if checked else 0.0
    most = share > JSON_MAJORITY
    not_json = c.valid_lines()[~is_json & ~blank][:MAX_LINES].tolist() if most else []
    return JsonOutputs(checked=checked, parse_as_json=parsed, share=round(share, 4),
                       most_parse=most, lines_not_json=not_json)


def majority_format(c: Collector) -> tuple[str, dict[str, int]]:
    counts = {name: int(k) for name, k in zip(FORMAT_NAMES, c.formats, strict=True) if k}
    return FORMAT_NAMES[int(np.argmax(c.formats))], counts


def _describe(d: dict[str, Any]) -> str:
    """One differing dimension in words, training first."""
    a, b = d["train"], d["traffic"]
    if d["name"] == "length_words":
        return f"median input {a:g} words in training vs {b:g} in traffic"
    if d["name"] == "short_message_share":
        return (f"short messages (at most {traffic.SHORT_WORDS} words) {fnd.pct(a)} vs "
                f"{fnd.pct(b)}")
    if d["name"] == "typo_rate":
        return f"typo rate {fnd.pct(a)} vs {fnd.pct(b)}"
    return f"language mix differs ({d['measure']} {fnd.pct(a)} vs {fnd.pct(b)})"


def traffic_comparison(c: Collector, sample: np.ndarray) -> tuple[TrafficComparison,
                                                                  Finding | None]:
    """The four dimensions, and F-DISTRIBUTION when any differs materially."""
    rows = np.concatenate(c.traffic_rows) if c.traffic_rows else np.empty((0, 4), np.int64)
    if len(sample) < traffic.MIN_TRAFFIC or len(rows) == 0:
        note = (f"{len(sample)} usable traffic lines: at least {traffic.MIN_TRAFFIC} are needed "
                "to compare")
        return TrafficComparison(lines=len(sample), compared=False, note=note, dimensions=[]), None
    dims: list[dict[str, Any]] = traffic.compare(train=rows, traffic=sample)
    comparison = TrafficComparison(lines=len(sample), compared=True, note=traffic.METHOD,
                                   dimensions=[TrafficDimension(**d) for d in dims])
    differing = [d for d in dims if d["differs"]]
    if not differing:
        return comparison, None
    detail = "; ".join(_describe(d) for d in differing)
    found = fnd.finding(fid="F-DISTRIBUTION", lines=[], count=c.valid, share=1.0, detail=detail)
    return comparison, found
