"""run_audit: read the training file once, streaming, with the per-line work spread over worker
processes; then the eval file (leakage) and the traffic sample (distribution), if given.

Limits: lines over `max_line_bytes` (1 MiB by default) are F-MALFORMED without being parsed; a
chunk holds at most `chunk_lines` lines and CHUNK_BYTES bytes, and at most two chunks per worker
are in flight, so memory follows the number of examples (two MinHash signatures and a few
numbers each, about 0.8 KB, plus the LSH index) and not the size of the file.

Workers come from a forkserver, which is safe to use from a threaded server; as with any
multiprocessing code, a script that calls run_audit needs the `if __name__ == "__main__":`
guard. A file that fits in one chunk is audited in the calling process, without a pool.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

import models.audit.build as build
import models.audit.findings as fnd
from models.audit.collect import Collector
from models.audit.options import (
    MAX_TRAFFIC_LINES,
    NUM_PERM_INPUT,
    NUM_PERM_OUTPUT,
    PHRASE_FLOOR_SHARE,
    PHRASE_WORDS,
    AuditOptions,
)
from models.audit.reader import AuditInputError, LineReader, Source, opened
from models.audit.report import MAX_LINES, AuditReport, EvalSummary, Finding
from models.audit.traffic import read_traffic
from models.audit.worker import Chunk, ChunkResult, WorkerConfig, init_worker, process

CHUNK_BYTES = 8 << 20
ENGINE_VERSION = "1"
Progress = Callable[[int], None]


@dataclass
class AuditRun:
    """The report plus every flagged line per finding (the report keeps 20), for tests and
    tools that need all of them."""

    report: AuditReport
    lines: dict[str, np.ndarray]


def _chunks(reader: LineReader, *, size: int) -> Iterator[Chunk]:
    """Lines grouped for a worker, bounded in count and in bytes."""
    chunk: Chunk = []
    held = 0
    for item in reader:
        chunk.append(item)
        held += len(item[1] or b"")
        if len(chunk) >= size or held >= CHUNK_BYTES:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _mapped(chunks: Iterator[Chunk], *, config: WorkerConfig, workers: int,
            ) -> Iterator[ChunkResult]:
    """Chunk results in file order; a pool only when there is more than one chunk of work."""
    first = next(chunks, None)
    second = next(chunks, None) if first is not None else None
    if workers <= 1 or first is None or second is None:
        for chunk in (c for c in (first, second) if c is not None):
            yield process((chunk, config))
        for chunk in chunks:
            yield process((chunk, config))
        return
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["models.audit.worker"])
    with ctx.Pool(workers, initializer=init_worker) as pool:
        pending: deque[Any] = deque()
        for chunk in _chain(first, second, chunks):
            pending.append(pool.apply_async(process, ((chunk, config),)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _chain(first: Chunk, second: Chunk, rest: Iterator[Chunk]) -> Iterator[Chunk]:
    """The two chunks already read, then the rest of the file."""
    yield first
    yield second
    yield from rest


def _config(options: AuditOptions, *, eval_only: bool = False, traffic: bool = False,
            ) -> WorkerConfig:
    """The fixed fingerprint settings plus what this file needs."""
    return WorkerConfig(num_perm_input=NUM_PERM_INPUT, num_perm_output=NUM_PERM_OUTPUT,
                        phrase_words=PHRASE_WORDS, phrase_floor_share=PHRASE_FLOOR_SHARE,
                        max_line_bytes=options.max_line_bytes, eval_only=eval_only,
                        traffic_features=traffic)


def _read_train(*, source: Source, options: AuditOptions, traffic: bool,
                progress: Progress | None) -> Collector:
    """Fold the whole training file; refuse files without a single valid example."""
    collector = Collector(options=options, traffic=traffic)
    with opened(source=source) as stream:
        reader = LineReader(stream=stream, file="train", max_line_bytes=options.max_line_bytes)
        for result in _mapped(_chunks(reader, size=options.chunk_lines),
                              config=_config(options, traffic=traffic), workers=options.workers):
            collector.add(result)
            if progress is not None:
                progress(reader.bytes_read)
    if collector.examples == 0:
        raise AuditInputError(file="train", message=(
            "the train file has no examples (it is empty or holds only blank lines); upload "
            "JSON Lines with one example per line"))
    if collector.valid == 0:
        line, reason = collector.first_malformed or (1, "unreadable")
        raise AuditInputError(file="train", line=line, message=(
            f"no line of the train file is a valid example ({collector.examples:,} read); line "
            f"{line}: {reason}. Each line must be one JSON object with `messages`, "
            "`prompt`+`completion`, or `instruction`+`output`"))
    return collector


def _read_eval(*, source: Source, options: AuditOptions, collector: Collector,
               ) -> tuple[EvalSummary, Finding | None, np.ndarray]:
    """Eval inputs looked up in the training index: F-LEAKAGE and every leaked eval line."""
    examples, valid, malformed, leaked = 0, 0, [], []
    with opened(source=source) as stream:
        reader = LineReader(stream=stream, file="eval", max_line_bytes=options.max_line_bytes)
        for r in _mapped(_chunks(reader, size=options.chunk_lines),
                         config=_config(options, eval_only=True), workers=options.workers):
            examples += len(r.malformed) + len(r.lines)
            valid += len(r.lines)
            malformed += [line for line, _ in r.malformed]
            hits = collector.dedupe.leaks(sig_in=r.sig_in, has_input=r.has_input)
            leaked.append(r.lines[hits])
    lines = np.concatenate(leaked) if leaked else np.empty(0, np.int64)
    summary = EvalSummary(examples=examples, valid_examples=valid,
                          malformed_lines=malformed[:MAX_LINES], leaked=len(lines))
    if len(lines) == 0:
        return summary, None, lines
    return summary, fnd.finding(fid="F-LEAKAGE", lines=lines.tolist(),
                                share=len(lines) / max(1, valid)), lines


def audit(*, train: Source, eval: Source | None = None, traffic: Source | None = None,
          options: AuditOptions | None = None, progress: Progress | None = None) -> AuditRun:
    """The audit report and every flagged line; raises AuditInputError for unreadable input."""
    started = time.perf_counter()
    options = options or AuditOptions()
    collector = _read_train(source=train, options=options, traffic=traffic is not None,
                            progress=progress)
    found, lines = build.train_findings(collector)
    eval_summary = traffic_summary = None
    if eval is not None:
        eval_summary, leak, lines["F-LEAKAGE"] = _read_eval(source=eval, options=options,
                                                            collector=collector)
        found += [leak] if leak else []
    if traffic is not None:
        with opened(source=traffic) as stream:
            sample = read_traffic(reader=LineReader(stream=stream, file="traffic",
                                                    max_line_bytes=options.max_line_bytes),
                                  limit=MAX_TRAFFIC_LINES)
        traffic_summary, dist = build.traffic_comparison(collector, sample)
        found += [dist] if dist else []
    counts: dict[str, int] = {f.id: f.count for f in found}
    quality, reason = fnd.data_quality(examples=collector.examples,
                                       defect_examples=build.defect_examples(lines), counts=counts)
    fmt, formats = build.majority_format(collector)
    report = AuditReport(
        format=fmt, formats=formats, examples=collector.examples,
        valid_examples=collector.valid, usable_examples=build.usable(collector, lines),
        data_quality=quality, data_quality_reason=reason, findings=found,
        tokens=build.token_stats(collector), input_variety=build.input_variety(collector),
        json_outputs=build.json_outputs(collector), eval=eval_summary, traffic=traffic_summary,
        thresholds=options.thresholds(),
        engine={"version": ENGINE_VERSION, "workers": options.workers,
                "seconds": round(time.perf_counter() - started, 3)})
    return AuditRun(report=report, lines=lines)


def run_audit(*, train: Source, eval: Source | None = None, traffic: Source | None = None,
              options: AuditOptions | None = None, progress: Progress | None = None,
              ) -> AuditReport:
    """Audit a training file (and optionally an eval file and a traffic sample).

    `progress` is called with the number of train-file bytes read so far, after each chunk.
    """
    return audit(train=train, eval=eval, traffic=traffic, options=options,
                 progress=progress).report
