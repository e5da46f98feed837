"""`advisor assess`: questionnaires streamed in, one document (or error object) streamed out per
line, in order, with or without guidance. Memory stays flat whatever the input's length."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from pydantic import ValidationError

from models.questionnaire import Questionnaire
from service.audit_answers import AuditReferenceError
from service.config import Settings
from service.db.errors import UNREACHABLE
from service.parts import open_parts
from service.spool import SpoolWriteError
from service.state import Need

NO_GUIDANCE_NOTE = "guidance skipped (--no-guidance)"
MAX_LINE_BYTES = 1_000_000  # the same as the API's body limit
CHUNK = 65_536


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
    return asyncio.run(_assess_all(stream=stream, settings=settings, guidance=guidance))


async def _assess_all(*, stream: IO[bytes], settings: Settings, guidance: bool) -> int:
    """The server's parts with guidance (it is stored, as from the API), the model alone without."""
    failures = 0
    needs = Need.SERVICE if guidance else Need.ADVISOR
    async with open_parts(settings=settings, needs=needs) as parts:
        for line, value in read_items(stream):
            item = _parse(line=line, value=value)
            if not isinstance(item, Questionnaire):
                failures += 1
                _emit(json.dumps(item, ensure_ascii=False))
                continue
            try:
                if guidance:
                    doc = await parts.assessor.assess(questionnaire=item, source="cli",
                                                      caller="cli")
                else:
                    doc = parts.assessor.evaluate(questionnaire=item)
                    doc.guidance_note = NO_GUIDANCE_NOTE
            except (*UNREACHABLE, SpoolWriteError) as err:
                failures += 1
                _emit(json.dumps({"error": "not assessed", "line": line, "detail": str(err)}))
                continue
            except AuditReferenceError as err:
                failures += 1
                _emit(json.dumps(_error(line=line, detail=err.detail())))
                continue
            _emit(doc.to_json())
    return failures
