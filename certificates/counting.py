"""Counting the checks on the public verification page without a write per request.

Every check is kept as a ``Verification`` row, but the page does not insert it itself:
it appends the row to a buffer of its process, and a background thread of that process
writes the buffer with one ``bulk_create`` every ``VERIFICATION_FLUSH_SECONDS``
(1 s by default), and once more when the process exits cleanly (gunicorn's graceful
stop, a deploy, Ctrl-C). So a count is at most about a second late, and none is lost
on a clean shutdown; a process killed with SIGKILL loses at most the last second of
counts, never a certificate's status (which the page always reads fresh).

``VERIFICATION_FLUSH_SECONDS = 0`` writes each row at once (the test suite does this,
so a test sees its count right after the request).

Why not a django-q2 job: the job would need the rows kept somewhere shared (Redis) and
a schedule finer than django-q2's minute; measured, the in-process buffer costs the page
nothing (an append under a lock) and needs no extra server.
"""

import atexit
import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from certificates.models import Verification

logger = logging.getLogger(__name__)

_lock = threading.Lock()
# Held for a whole write, so the flush at exit waits for one the thread has begun.
_writing = threading.Lock()
# (certificate id, moment, outcome) per check: the rows are made when written.
_pending: list[tuple] = []
# The process whose flusher thread is running: after a fork the child needs its own.
_flusher_pid: int | None = None


def record(certificate_id: int, outcome: str) -> None:
    """Count one check of ``certificate_id`` with ``outcome`` (valid, expired, revoked)."""
    check = (certificate_id, timezone.now(), outcome)
    if _interval() <= 0:
        _row(check).save(force_insert=True)
        return
    with _lock:
        _pending.append(check)
    _ensure_flusher()


def _row(check: tuple) -> Verification:
    certificate_id, at, outcome = check
    return Verification(certificate_id=certificate_id, at=at, outcome=outcome)


def pending() -> int:
    """How many counted checks are not yet in the database (this process)."""
    with _lock:
        return len(_pending)


def flush() -> int:
    """Write this process's buffered checks; returns how many were written.

    On a database error the rows go back into the buffer for the next attempt,
    so a short outage delays counts rather than losing them.
    """
    with _writing:
        with _lock:
            rows = _pending[:]
            _pending.clear()
        if not rows:
            return 0
        try:
            Verification.objects.bulk_create(map(_row, rows), batch_size=500)
        except Exception:
            logger.exception("Could not write %d verification counts; keeping them", len(rows))
            with _lock:
                _pending[:0] = rows
            return 0
        return len(rows)


def _interval() -> float:
    return settings.VERIFICATION_FLUSH_SECONDS


def _ensure_flusher() -> None:
    global _flusher_pid
    pid = os.getpid()
    if _flusher_pid == pid:
        return
    with _lock:
        if _flusher_pid == pid:
            return
        _flusher_pid = pid
    threading.Thread(target=_flush_forever, name="verification-counts", daemon=True).start()


def _flush_forever() -> None:
    while True:
        time.sleep(_interval())
        close_old_connections()
        flush()


@atexit.register
def _flush_at_exit() -> None:
    # Runs in the main thread at a clean exit; the flusher thread (a daemon) is
    # stopped by then, so this is the last writer.
    if flush():
        connection.close()
