"""Models shared by the apps: request counters for rate limits."""

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
