"""How long the programme must keep a person's records (ESF Plus, CPR Art. 82).

One rule, read by erasure (hold or erase now), the retention job and the screens:
``hold_until(participant)``. The funder sets a date (``RETENTION_UNTIL``), or else the
records are kept ``RETENTION_YEARS`` full calendar years after the year of the
person's exit. Only people with records the funder requires (``retained`` holdings,
e.g. the ESF Plus entry data) are held; everyone else can be erased at once.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from privacy import registry

# A held person who has not left the programme yet: kept at least until they leave.
NO_EXIT_YET = dt.date.max


def _configured_until() -> dt.date | None:
    text = (settings.RETENTION_UNTIL or "").strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"RETENTION_UNTIL must be a date (TT.MM.JJJJ), not {text!r}")


def has_retained_records(participant) -> bool:
    return any(
        registry.records(holding, participant).exists()
        for holding in registry.holdings()
        if holding.retained
    )


def hold_until(participant) -> dt.date | None:
    """The last day the person's records must be kept, or None when nothing holds them."""
    if not has_retained_records(participant):
        return None
    until = _configured_until()
    if until is not None:
        return until
    if not settings.RETENTION_YEARS:
        return None
    if participant.exit_date is None:
        return NO_EXIT_YET
    return dt.date(participant.exit_date.year + settings.RETENTION_YEARS, 12, 31)


def is_held(participant, today=None) -> bool:
    until = hold_until(participant)
    return until is not None and (today or timezone.localdate()) <= until
