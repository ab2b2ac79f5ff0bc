"""ESF Plus monitoring data of every generated participant: entry records, exits with
the situation on leaving, six-month follow-ups (``manage.py generate_volume``)."""

import datetime as dt

from django.contrib.auth import get_user_model

from core.generation import BATCH
from housing.models import Participant
from monitoring.models import EntryRecord, ExitReason, ExitRecord, SixMonthFollowUp

CHOICES = {
    "gender": ["woman", "woman", "man", "man", "non_binary", ""],
    "labour_status": [
        "unemployed", "long_term_unemployed", "employed", "inactive", "inactive_in_education",
    ],
    "education": ["none", "hauptschule", "abitur", "vocational", "foreign_school", "university"],
    "nationality": ["eu", "eu", "third_country", "german"],
    "foreign_background": ["yes", "yes", "no"],
    "housing_exclusion": ["none", "none", "insecure", "houseless"],
    "minority": ["yes", "no", "not_stated", ""],
    "disability": ["no", "no", "yes", "not_stated"],
}  # fmt: skip


def generate(volume):
    rng = volume.rng
    recorder = get_user_model().objects.filter(username="coordinator").first()
    people = list(
        Participant.objects.filter(pk__in=volume.made.get("housing.Participant", [])).values_list(
            "pk", "entry_date", "exit_date", "date_of_birth", "household__district_id"
        )
    )
    entries = EntryRecord.objects.bulk_create(
        [
            EntryRecord(
                participant_id=pk,
                entry_date=entry,
                age_at_entry=(entry - born).days // 365,
                district_id=district,
                recorded_by=recorder,
                updated_by=recorder,
                **{field: rng.choice(values) for field, values in CHOICES.items()},
            )
            for pk, entry, _exit, born, district in people
        ],
        batch_size=BATCH,
    )
    exit_of = {pk: left for pk, _entry, left, _born, _district in people}
    exits = []
    for record in entries:
        left = exit_of[record.participant_id]
        if not left:
            continue
        situation = rng.choice(["employed", "job_searching", "education", "other", ""])
        exits.append(
            ExitRecord(
                entry=record,
                exit_date=left,
                reason=rng.choice(ExitReason.values[:1] * 4 + ExitReason.values),
                situation=situation,
                situation_on=left if situation else None,
                recorded_by=recorder,
                updated_by=recorder,
            )
        )
    exits = ExitRecord.objects.bulk_create(exits, batch_size=BATCH)
    follow_ups = []
    for record in exits:
        due = record.exit_date + dt.timedelta(days=182)
        answered = due <= volume.today and rng.random() < 0.6
        follow_ups.append(
            SixMonthFollowUp(
                exit=record,
                due_on=due,
                status="answered" if answered else "open",
                answered_on=due if answered else None,
                employed=rng.choice([True, False]) if answered else None,
                improved=rng.choice([True, False]) if answered else None,
                answered_by=recorder if answered else None,
            )
        )
    follow_ups = SixMonthFollowUp.objects.bulk_create(follow_ups, batch_size=BATCH)
    volume.done("monitoring.EntryRecord", entries)
    volume.done("monitoring.ExitRecord", exits)
    volume.done("monitoring.SixMonthFollowUp", follow_ups)
