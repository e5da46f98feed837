"""Receive an audit upload without holding it in memory: a JSON Lines body is streamed to a
temporary file; a multipart form's files are spooled to disk by Starlette's parser (at most
1 MB of each in memory). Everything is deleted when the request is done."""

from __future__ import annotations

import asyncio
import io
import logging
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
from fastapi import Request
from starlette.datastructures import UploadFile

from models.audit.document import AuditDocument, AuditFile, file_name
from service.assessment import new_assessment_id
from service.audits import AuditInputs, audit_files
from service.db import audits
from service.state import AppState

log = logging.getLogger(__name__)

NDJSON_TYPES = frozenset({"application/x-ndjson", "application/jsonl", "application/x-jsonlines",
                          "application/json-lines", "application/json", "text/plain"})
FILE_FIELDS = ("train", "eval", "traffic")
WRITE_BYTES = 1 << 20
DISCONNECT_WAIT_S = 0.2


class UploadProblem(ValueError):
    """A request the audit cannot take, with the status, the part it concerns and the fix."""

    def __init__(self, *, status: int, loc: list[str], message: str) -> None:
        super().__init__(message)
        self.status, self.loc, self.message = status, loc, message


async def _stream_to(*, request: Request, path: Path) -> int:
    """Write the body to `path` as it arrives, in 1 MB writes off the event loop."""
    size = 0
    buffer = bytearray()
    with path.open("wb") as out:
        async for chunk in request.stream():
            buffer += chunk
            size += len(chunk)
            if len(buffer) >= WRITE_BYTES:
                await asyncio.to_thread(out.write, bytes(buffer))
                buffer.clear()
        if buffer:
            await asyncio.to_thread(out.write, bytes(buffer))
    return size


def _from_form(*, form: Any) -> AuditInputs:
    """The train (and eval, traffic) parts of a form; a file input left empty counts as absent."""
    unknown = sorted(set(form.keys()) - set(FILE_FIELDS))
    if unknown:
        raise UploadProblem(status=422, loc=["body", unknown[0]], message=(
            f"unexpected form field `{unknown[0]}`: send the training examples as `train` "
            "(and optionally `eval` and `traffic`)"))
    streams: dict[str, Any] = {}
    files: dict[str, AuditFile] = {}
    for name in FILE_FIELDS:
        value = form.get(name)
        if isinstance(value, UploadFile):
            if not value.filename and not value.size:
                continue
            streams[name] = value.file
            files[name] = AuditFile(name=file_name(value.filename), bytes=value.size or 0)
        elif isinstance(value, str) and value:
            data = value.encode("utf-8")
            streams[name] = io.BytesIO(data)
            files[name] = AuditFile(name=None, bytes=len(data))
    if "train" not in streams:
        raise UploadProblem(status=422, loc=["body", "train"], message=(
            "no `train` file: send the training examples as JSON Lines in a form field named "
            "`train` (or as the whole body with content-type application/x-ndjson)"))
    return AuditInputs(train=streams["train"], eval=streams.get("eval"),
                       traffic=streams.get("traffic"), files=files)


@asynccontextmanager
async def received(*, request: Request) -> AsyncIterator[AuditInputs]:
    """The uploaded files, on disk, for the length of the block."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await request.form(max_files=len(FILE_FIELDS), max_fields=len(FILE_FIELDS))
        try:
            yield _from_form(form=form)
        finally:
            await form.close()
        return
    if kind not in NDJSON_TYPES:
        raise UploadProblem(status=415, loc=["header", "content-type"], message=(
            f"content-type {kind or 'missing'}: send JSON Lines as application/x-ndjson, or a "
            "multipart/form-data form with a `train` file (and optionally `eval`)"))
    with tempfile.TemporaryDirectory(prefix="advisor-audit-") as folder:
        path = Path(folder) / "train.jsonl"
        size = await _stream_to(request=request, path=path)
        yield AuditInputs(train=path, files={"train": AuditFile(name=None, bytes=size)})


async def client_left(*, request: Request) -> bool:
    """Whether the client hung up. Waits a moment: the server may have paused reading the socket
    after a large body, and only notices the hang-up once reading resumes."""
    with anyio.move_on_after(DISCONNECT_WAIT_S):
        message = await request.receive()
        return message.get("type") == "http.disconnect"
    return False


async def audit_upload(*, request: Request, state: AppState, context_limit: int | None,
                       source: str, caller: str) -> AuditDocument | None:
    """Receive, audit (in a thread; the engine uses worker processes) and store one upload.
    Returns None when the client left before the end: then nothing is stored."""
    if not state.supervisor.up:
        raise ConnectionError("database marked down")
    auditor = state.auditor
    with auditor.slot():
        async with received(request=request) as inputs:
            doc = await asyncio.to_thread(
                audit_files, inputs=inputs, options=auditor.options(context_limit=context_limit),
                audit_id=new_assessment_id())
        if await client_left(request=request):
            log.info("client left during audit %s; nothing stored", doc.id)
            return None
        await state.supervisor.run(lambda conn: audits.store(conn, doc=doc, source=source,
                                                             caller=caller))
    return doc
