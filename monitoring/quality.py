"""The data-quality panel: what is missing for the report, each with a link to fix it.

- participants whose entry data is missing (or incomplete) four weeks after they entered;
- people who left the programme (the participant's exit date) without exit data;
- six-month follow-ups still open more than four weeks after they were due.

One query per list: its first rows, each carrying the count of all.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Window
from django.utils import timezone

from monitoring import sources
from monitoring.models import EntryRecord, SixMonthFollowUp
from monitoring.services import WINDOW_DAYS

SHOWN = 20


@dataclass
class Problems:
    count: int
    items: list


def _limited(queryset) -> Problems:
    # The count of all rows comes with the first rows (a window over the whole result),
    # so a full list costs no second query.
    items = list(queryset.annotate(problem_count=Window(Count("pk")))[:SHOWN])
    return Problems(items[0].problem_count if items else 0, items)


def missing_entry_data(today=None, district=None) -> Problems:
    """Participants who entered more than four weeks ago without complete entry data."""
    today = today or timezone.localdate()
    complete = EntryRecord.objects.complete().filter(participant=OuterRef("pk"))
    people = (
        sources.participants()
        .filter(entry_date__lte=today - dt.timedelta(days=WINDOW_DAYS))
        .filter(~Exists(complete))
        .select_related("household__district")
        .order_by("entry_date", "pk")
    )
    if district is not None:
        people = people.filter(household__district=district)
    return _limited(people)


def missing_exit_data(district=None) -> Problems:
    """Entry records whose participant has left (exit date recorded) but no exit data."""
    records = (
        EntryRecord.objects.filter(
            exit__isnull=True, participant__in=sources.participants_who_left()
        )
        .select_related("participant")
        .order_by("entry_date", "pk")
    )
    if district is not None:
        records = records.filter(district=district)
    return _limited(records)


def overdue_follow_ups(today=None, district=None) -> Problems:
    today = today or timezone.localdate()
    follow_ups = (
        SixMonthFollowUp.objects.overdue(today)
        .select_related("exit__entry__participant")
        .order_by("due_on", "pk")
    )
    if district is not None:
        follow_ups = follow_ups.filter(exit__entry__district=district)
    return _limited(follow_ups)
