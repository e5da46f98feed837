"""Per-caller and per-address rate limits on the routes that write or burn CPU (`limits`)."""

from __future__ import annotations

import math
import time

import limits
from fastapi import Request
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from service.access import client_address
from service.callers import Caller
from service.config import Settings

BUCKETS = ("assess", "intake", "outcomes", "verdict", "login", "audit")


class RateLimited(Exception):
    """Too many requests; `retry_after_s` says when the window frees a slot."""

    def __init__(self, *, bucket: str, retry_after_s: int, page: bool) -> None:
        super().__init__(bucket)
        self.bucket = bucket
        self.retry_after_s = retry_after_s
        self.page = page


class Limiter:
    """In-memory moving windows, one per (bucket, caller) and one per (bucket, address).

    In-memory means per process: with N workers the effective limit is up to N times higher
    (the README says to add a limit at the reverse proxy for that).
    """

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self.strategy = MovingWindowRateLimiter(MemoryStorage())
        self.items = {
            bucket: limits.parse(getattr(settings, f"rate_{bucket}")) for bucket in BUCKETS
        }

    def check(self, *, bucket: str, keys: list[str]) -> int | None:
        """Count one request against every key; None if allowed, else seconds to wait."""
        item = self.items[bucket]
        for key in keys:
            if not self.strategy.test(item, bucket, key):
                reset = self.strategy.get_window_stats(item, bucket, key).reset_time
                return max(1, math.ceil(reset - time.time()))
        for key in keys:
            self.strategy.hit(item, bucket, key)
        return None

    def keys(self, *, request: Request, caller: Caller | None) -> list[str]:
        """The address always; the caller too when it is a named one (not the open service)."""
        found = [f"addr:{client_address(request=request, settings=self.settings)}"]
        if caller is not None and caller.via != "open":
            found.append(f"caller:{caller.name}")
        return found


def limiter_of(*, request: Request) -> Limiter:
    """The app's limiter (built with the app, so each app has its own windows)."""
    limiter: Limiter = request.app.state.limiter
    return limiter


class RateLimit:
    """A route dependency: count this request in `bucket`, or raise RateLimited (429)."""

    def __init__(self, bucket: str, *, page: bool = False) -> None:
        self.bucket = bucket
        self.page = page

    def __call__(self, request: Request) -> None:
        caller = getattr(request.state, "caller", None)
        limiter = limiter_of(request=request)
        wait = limiter.check(bucket=self.bucket, keys=limiter.keys(request=request, caller=caller))
        if wait is not None:
            raise RateLimited(bucket=self.bucket, retry_after_s=wait, page=self.page)
