"""Turn configuration and database failures at start-up into one clear line.

An operator who starts the service with a missing SECRET_KEY or an unreachable
database should read what is wrong, not scroll through a traceback.
"""

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def explain(exc: BaseException) -> str | None:
    """The one-line explanation for a start-up failure we know, or None."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import OperationalError

    if isinstance(exc, ImproperlyConfigured):
        return f"Configuration error: {exc}"
    if isinstance(exc, OperationalError):
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"Database unreachable: {first_line} (check DATABASE_URL)"
    return None


def run_or_explain(func: Callable[[], T]) -> T:
    try:
        return func()
    except Exception as exc:
        message = explain(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        raise SystemExit(1) from None


def check_database() -> None:
    """Connect once, so a server with an unreachable database refuses to start."""
    from django.db import connection

    connection.ensure_connection()
    connection.close()
