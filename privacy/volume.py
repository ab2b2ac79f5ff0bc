"""Five years of the access log (``manage.py generate_volume``; see core/generation.py).

Every look at a person's data writes one entry (``privacy.middleware``): about 30,000
a year. The retention job deletes entries older than ``ACCESS_LOG_DAYS`` (730), so
five years leave the last two years' entries, about 60,000; the generator writes those.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.generation import BATCH
from housing.models import Participant
from privacy.models import AccessAction, AccessLogEntry

PERSON_ACTIONS = [
    AccessAction.PARTICIPANT_INSPECT,
    AccessAction.PARTICIPANT_EDIT,
    AccessAction.PARTICIPANT_HISTORY,
    AccessAction.CONSENTS,
]
HOUSEHOLD_ACTIONS = [
    AccessAction.HOUSEHOLD_INSPECT,
    AccessAction.HOUSEHOLD_TIMELINE,
    AccessAction.VISIT_FORM,
]


def generate(volume):
    rng = volume.rng
    people = list(
        Participant.objects.filter(pk__in=volume.made.get("housing.Participant", [])).values_list(
            "pk", "household_id"
        )
    )
    users = list(
        get_user_model()
        .objects.filter(groups__isnull=False)
        .distinct()
        .values_list("pk", flat=True)
    )
    if not people or not users:
        return
    tz = timezone.get_current_timezone()
    kept_days = min(settings.ACCESS_LOG_DAYS, (volume.today - volume.start).days)
    kept_from = volume.today - dt.timedelta(days=kept_days)
    rows = []
    for _ in range(volume.count(30000 * 5 * kept_days // (365 * volume.years))):
        person, household = rng.choice(people)
        day = volume.day(start=kept_from)
        at = dt.datetime.combine(day, dt.time(rng.randint(7, 18), rng.randint(0, 59)), tz)
        if rng.random() < 0.5:
            action = rng.choice(PERSON_ACTIONS)
            row = AccessLogEntry(
                at=at,
                user_id=rng.choice(users),
                action=action,
                participant_id=person,
                path=f"/admin/participants/inspect/{person}/",
            )
        else:
            action = rng.choice(HOUSEHOLD_ACTIONS)
            row = AccessLogEntry(
                at=at,
                user_id=rng.choice(users),
                action=action,
                household_id=household,
                path=f"/admin/housing/households/{household}/timeline/",
            )
        rows.append(row)
    entries = AccessLogEntry.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("privacy.AccessLogEntry", entries)
