"""Which database failures mean "unreachable" (answer degraded or 503) and which only "busy"."""

from __future__ import annotations

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import PoolTimeout


class DatabaseTimeout(psycopg.OperationalError):
    """A database call passed its client-side deadline (a frozen or overloaded server)."""


class DatabaseDown(psycopg.OperationalError):
    """The supervisor has marked the database down; requests skip the pool until it is back."""


# Failures that mean "the database is unreachable", as opposed to a bug in a statement.
UNREACHABLE = (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout, OSError, TimeoutError)
# Of those, the ones that say "busy" (no free connection, a slow answer, a cancelled statement):
# they fail the one request with a 503 but never mark the database down on their own.
BUSY = (PoolTimeout, DatabaseTimeout, pg_errors.QueryCanceled, pg_errors.LockNotAvailable)
# What the app turns into a 503 when a request meets it (PoolTimeout subclasses it too).
UNREACHABLE_ERRORS = psycopg.OperationalError


def is_busy(error: BaseException) -> bool:
    """True for a pool timeout or a deadline, which a healthy but loaded database also gives."""
    return isinstance(error, BUSY)
