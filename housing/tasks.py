"""django-q2 jobs of the housing app (scheduled in migration 0005)."""

from housing import reminders


def send_morning_digests():
    """Daily at 06:30: the field-work digest (idempotent per person and day)."""
    return reminders.send_digests()
