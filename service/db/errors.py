"""Which database failures mean "unreachable" (answer degraded or 503) rather than a bug."""

from __future__ import annotations

import psycopg
from psycopg_pool import PoolTimeout

# Failures that mean "the database is unreachable", as opposed to a bug in a statement.
UNREACHABLE = (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout, OSError, TimeoutError)
# What the app turns into a 503 when a request meets it (PoolTimeout subclasses it too).
UNREACHABLE_ERRORS = psycopg.OperationalError
