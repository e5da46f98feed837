"""`advisor assess`: questionnaires streamed in, one document (or error object) streamed out per
line, in order, with or without guidance. Memory stays flat whatever the input's length."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import stat
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from service.assessment import Assessor
from service.audit_answers import AuditReferenceError
from service.config import Settings
from service.db.errors import UNREACHABLE
from service.parts import open_parts
from service.spool import SpoolWriteError
from service.state import Need

NO_GUIDANCE_NOTE = "guidance skipped (--no-guidance)"
MAX_LINE_BYTES = 1_000_000  # the same as the API's body limit
CHUNK = 65_536
# Without guidance a file of questionnaires is split over this many worker processes, each
# loading the advisor and reader once; below POOL_MIN_BYTES (about 200 questionnaires) the
# second load costs more than it saves. WINDOW bounds the lines in flight, so memory stays flat
# and every line is printed in input order.
POOL_WORKERS = 2
POOL_MIN_BYTES = 100_000
WINDOW = 64


class LineProblem(Exception):
    """A line that cannot become a questionnaire; printed as an error object in its place."""


def _emit(line: str) -> None:
    """One JSON document per line, flushed so a pipe sees each as soon as it is ready."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _error(*, line: int, detail: Any) -> dict[str, Any]:
    return {"error": "invalid questionnaire", "line": line, "detail": detail}


def _read_line(stream: IO[bytes]) -> tuple[bytes, bool] | None:
    """The next line (without its newline) and whether it fit; None at the end."""
    raw = stream.readline(MAX_LINE_BYTES + 1)
    if not raw:
        return None
    if len(raw) <= MAX_LINE_BYTES or raw.endswith(b"\n"):
        return raw.rstrip(b"\r\n"), True
    while raw and not raw.endswith(b"\n"):  # skip the rest of an oversized line
        raw = stream.readline(CHUNK)
    return b"", False


def _decode(*, raw: bytes, fits: bool) -> Any:
    """Parsed JSON from one line, or LineProblem naming the fix."""
    if not fits:
        raise LineProblem(f"line is over {MAX_LINE_BYTES} bytes; one questionnaire per line")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LineProblem(
            f"line is not UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}); "
            "save the file as UTF-8"
        ) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise LineProblem("malformed JSON: nested too deeply") from None
    except ValueError as err:  # JSONDecodeError, or an integer over Python's digit limit
        raise LineProblem(f"malformed JSON: {str(err)[:200]}") from None


def _whole_object(
    *, first: bytes, stream: IO[bytes]
) -> tuple[Any, list[tuple[bytes, bool]]]:
    """A pretty-printed single object: read up to the size limit and try it whole; the lines
    read come back for line-by-line reading when it is not one."""
    lines, size = [(first, True)], len(first)
    while size <= MAX_LINE_BYTES:
        got = _read_line(stream)
        if got is None:
            break
        lines.append(got)
        size += len(got[0]) + 1
    try:
        value = _decode(raw=b"\n".join(raw for raw, _ in lines), fits=size <= MAX_LINE_BYTES)
    except LineProblem:
        return None, lines
    return (value if isinstance(value, dict) else None), lines


def read_items(stream: IO[bytes]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value or LineProblem), one at a time: JSON Lines, or one object
    spread over several lines."""
    number = 0
    buffered: list[tuple[bytes, bool]] = []
    while True:
        got = buffered.pop(0) if buffered else _read_line(stream)
        if got is None:
            return
        raw, fits = got
        number += 1
        if not raw.strip() and fits:
            continue
        try:
            yield number, _decode(raw=raw, fits=fits)
            continue
        except LineProblem as problem:
            if number == 1 and fits and raw.lstrip().startswith((b"{", b"\xef\xbb\xbf{")):
                value, lines = _whole_object(first=raw, stream=stream)
                if value is not None:
                    yield 1, value
                    return
                buffered = lines[1:]
            yield number, problem


def _parse(*, line: int, value: Any) -> Questionnaire | dict[str, Any]:
    """A questionnaire, or the error object printed in its place."""
    if isinstance(value, LineProblem):
        return _error(line=line, detail=str(value))
    try:
        return Questionnaire.model_validate(value)
    except ValidationError as err:
        detail = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in err.errors()[:20]]
        return _error(line=line, detail=detail)
    except (ValueError, TypeError, RecursionError) as err:
        return _error(line=line, detail=f"{type(err).__name__}: {str(err)[:200]}")


def run_batch(*, stream: IO[bytes], settings: Settings, guidance: bool) -> int:
    """Assess every item in order; returns how many lines failed."""
    if not guidance and worth_a_pool(stream=stream):
        return evaluate_in_pool(stream=stream, settings=settings)
    return asyncio.run(_assess_all(stream=stream, settings=settings, guidance=guidance))


def failed_line(*, err: Exception, line: int) -> str:
    """The error object printed in place of a questionnaire that could not be assessed."""
    if isinstance(err, AuditReferenceError):
        return json.dumps(_error(line=line, detail=err.detail()))
    return json.dumps({"error": "not assessed", "line": line, "detail": str(err)})


def evaluated(*, assessor: Assessor, item: Questionnaire, line: int) -> tuple[str, bool]:
    """One document without guidance (or its error object), and whether the line failed."""
    try:
        doc = assessor.evaluate(questionnaire=item)
    except (*UNREACHABLE, SpoolWriteError, AuditReferenceError) as err:
        return failed_line(err=err, line=line), True
    doc.guidance_note = NO_GUIDANCE_NOTE
    return doc.to_json(), False


async def _assessed(*, assessor: Assessor, item: Questionnaire, line: int) -> tuple[str, bool]:
    """One document with guidance, stored as from the API (or its error object)."""
    try:
        doc = await assessor.assess(questionnaire=item, source="cli", caller="cli")
    except (*UNREACHABLE, SpoolWriteError, AuditReferenceError) as err:
        return failed_line(err=err, line=line), True
    return doc.to_json(), False


async def _assess_all(*, stream: IO[bytes], settings: Settings, guidance: bool) -> int:
    """The server's parts with guidance (it is stored, as from the API), the model alone without."""
    failures = 0
    needs = Need.SERVICE if guidance else Need.ADVISOR
    async with open_parts(settings=settings, needs=needs) as parts:
        for line, value in read_items(stream):
            item = _parse(line=line, value=value)
            if not isinstance(item, Questionnaire):
                out, failed = json.dumps(item, ensure_ascii=False), True
            elif guidance:
                out, failed = await _assessed(assessor=parts.assessor, item=item, line=line)
            else:
                out, failed = evaluated(assessor=parts.assessor, item=item, line=line)
            failures += failed
            _emit(out)
    return failures


def worth_a_pool(*, stream: IO[bytes]) -> bool:
    """A regular file big enough, and the cores to share it (a pipe stays strictly streamed)."""
    try:
        info = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return stat.S_ISREG(info.st_mode) and info.st_size >= POOL_MIN_BYTES \
        and (cores or 1) >= POOL_WORKERS


_WORKER: dict[str, Any] = {}  # in a worker process: its loop, open parts and their state


def _start_worker(settings: Settings) -> None:
    """Open the advisor's parts once per worker, through the one way parts are started."""
    loop = asyncio.new_event_loop()
    parts = open_parts(settings=settings, needs=Need.ADVISOR)
    _WORKER.update(loop=loop, parts=parts, state=loop.run_until_complete(parts.__aenter__()))


def _evaluate_in_worker(item: Questionnaire, line: int) -> tuple[str, bool]:
    return evaluated(assessor=_WORKER["state"].assessor, item=item, line=line)


def _done(value: tuple[str, bool]) -> Future[tuple[str, bool]]:
    future: Future[tuple[str, bool]] = Future()
    future.set_result(value)
    return future


def evaluate_in_pool(*, stream: IO[bytes], settings: Settings) -> int:
    """As the no-guidance batch, over POOL_WORKERS processes; output order and lines unchanged."""
    failures = 0
    pending: deque[Future[tuple[str, bool]]] = deque()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=POOL_WORKERS, mp_context=context,
                             initializer=_start_worker, initargs=(settings,)) as pool:
        for line, value in read_items(stream):
            item = _parse(line=line, value=value)
            pending.append(pool.submit(_evaluate_in_worker, item, line)
                           if isinstance(item, Questionnaire)
                           else _done((json.dumps(item, ensure_ascii=False), True)))
            while pending and (len(pending) > WINDOW or pending[0].done()):
                out, failed = pending.popleft().result()
                failures += failed
                _emit(out)
        while pending:
            out, failed = pending.popleft().result()
            failures += failed
            _emit(out)
    return failures
