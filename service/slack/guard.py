"""What keeps Slack traffic from leaking or repeating: quiet Bolt logs and a replay guard."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict

BOLT_LOGGER = "service.slack.bolt"
LOG_TEXT_LIMIT = 160
REPLAY_WINDOW_S = 600.0  # Slack's signatures are good for 5 minutes; keep twice that
REPLAY_MEMORY = 10_000


class NoBodies(logging.Filter):
    """Bolt puts whole request bodies (and response_urls) in some messages: keep the words
    before the first bracket, drop the rest."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        cut = min((i for i in (text.find("("), text.find("{"), text.find("\n")) if i >= 0),
                  default=len(text))
        short = text[: min(cut, LOG_TEXT_LIMIT)].rstrip()
        if short != text:
            short += " [request details withheld]"
        record.msg, record.args = short, ()
        return True


def quiet_bolt_logger() -> logging.Logger:
    """Bolt's logger at WARNING, through the filter that withholds bodies."""
    logger = logging.getLogger(BOLT_LOGGER)
    logger.setLevel(logging.WARNING)
    if not any(isinstance(f, NoBodies) for f in logger.filters):
        logger.addFilter(NoBodies())
    return logger


class ReplayGuard:
    """Remembers submitted views (id and hash) for a while; a second sighting is a replay.

    Per process: behind several workers a replay can still reach each worker once (the README
    says so); a signed replay is only possible within Slack's 5-minute signature window.
    """

    def __init__(self) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(*, view_id: str, view_hash: str | None, body: bytes) -> str:
        """The view's id and hash; without a hash, the id and the exact request body."""
        return f"{view_id}:{view_hash or hashlib.sha256(body).hexdigest()}"

    def first(self, *, key: str) -> bool:
        """True the first time a key is seen inside the window."""
        now = time.monotonic()
        with self._lock:
            while self._seen and (
                len(self._seen) > REPLAY_MEMORY
                or next(iter(self._seen.values())) < now - REPLAY_WINDOW_S
            ):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True
