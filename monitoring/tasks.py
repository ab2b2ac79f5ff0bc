"""Background jobs of monitoring (django-q2)."""

from monitoring import services


def create_due_follow_ups() -> int:
    """The daily schedule: six-month follow-ups for every exit whose six months passed.

    Idempotent (see ``services.create_due_follow_ups``), so a retry or a second worker
    changes nothing.
    """
    return services.create_due_follow_ups()
