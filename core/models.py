"""Models shared by the apps: request counters for rate limits."""

from django.conf import settings
from django.db import models


class RateCounter(models.Model):
    """How many requests one client made in one minute, for limits that hold across
    every web process (see ``core.ratelimit``).

    ``client`` is a keyed hash of the limit's name and the client's address, never the
    address itself; rows older than the previous minute are deleted as new minutes
    begin, so the table holds a couple of minutes at most.
    """

    client = models.CharField(max_length=64)
    minute = models.BigIntegerField(help_text="Minutes since the Unix epoch.")
    hits = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "minute"], name="ratecounter_one_row_per_client_and_minute"
            )
        ]
        indexes = [models.Index(fields=["minute"], name="ratecounter_minute")]

    def __str__(self):
        return f"{self.client[:8]}… {self.minute}: {self.hits}"


class StaffSession(models.Model):
    """One signed-in browser of a staff member, for the page "Angemeldete Geräte".

    Django's sessions do not know their user; this row does, so that a person can
    see where they are signed in and end every session at once. It holds the
    browser's self-description and times, never the address. Written by
    ``core.sessions.StaffSessionMiddleware``, deleted with the session.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_seen_at"]
        indexes = [models.Index(fields=["user", "last_seen_at"], name="staffsession_user_seen")]

    def __str__(self):
        return f"{self.user_id}: {self.session_key[:6]}…"
