"""The monitoring report and its XLSX for a year with 10,000 participants, next to the same
for a year with 1,000 participants, in one database and one run.

Both years hold realistic data: entry records with every field, an exit for half of the
participants (a situation for most), six-month follow-ups for a fifth of the exits, and an
Integrationszertifikat Wohnen for a quarter of those who left. The report is aggregated in
the database, so ten times the people should cost far less than ten times the time; the
ratio 10,000 / 1,000 is the figure to watch (1.0 would mean "no cost per participant").
"""

import datetime as dt
import random

from benchmarks.harness import compare, get_ok

SMALL, LARGE = 1_000, 10_000


def _year(year: int, n: int, household, district, recorder, course, rng):
    from certificates.models import Certificate, new_token
    from courses.models import Enrolment
    from housing.models import Participant
    from monitoring.models import EntryRecord, ExitRecord, SixMonthFollowUp

    people = Participant.objects.bulk_create(
        [
            Participant(
                given_names="Test",
                family_name=f"Bench{year}-{i}",
                date_of_birth=dt.date(1960 + i % 45, 1 + i % 12, 1 + i % 28),
                household=household,
                languages=["ro"],
                entry_date=dt.date(year, 1 + i % 12, 1 + i % 28),
            )
            for i in range(n)
        ],
        batch_size=1000,
    )
    choice = rng.choice
    entries = EntryRecord.objects.bulk_create(
        [
            EntryRecord(
                participant=person,
                entry_date=person.entry_date,
                age_at_entry=15 + i % 60,
                district=district,
                gender=choice(["woman", "woman", "man", "man", "non_binary", ""]),
                labour_status=choice(
                    [
                        "unemployed",
                        "long_term_unemployed",
                        "employed",
                        "inactive",
                        "inactive_in_education",
                    ]
                ),
                education=choice(
                    ["none", "hauptschule", "abitur", "vocational", "foreign_school", "university"]
                ),
                nationality=choice(["eu", "eu", "third_country", "german"]),
                foreign_background=choice(["yes", "yes", "no"]),
                housing_exclusion=choice(["none", "none", "insecure", "houseless"]),
                minority=choice(["yes", "no", "not_stated", ""]),
                disability=choice(["no", "no", "yes", "not_stated"]),
                recorded_by=recorder,
                updated_by=recorder,
            )
            for i, person in enumerate(people)
        ],
        batch_size=1000,
    )
    leavers = entries[::2]
    exits = []
    for entry in leavers:
        exit_date = min(entry.entry_date + dt.timedelta(days=60), dt.date(year, 12, 31))
        situation = choice(["employed", "job_searching", "education", "other", ""])
        exits.append(
            ExitRecord(
                entry=entry,
                exit_date=exit_date,
                reason="completed",
                situation=situation,
                situation_on=exit_date if situation else None,
                recorded_by=recorder,
                updated_by=recorder,
            )
        )
    exits = ExitRecord.objects.bulk_create(exits, batch_size=1000)
    SixMonthFollowUp.objects.bulk_create(
        [
            SixMonthFollowUp(
                exit=record,
                due_on=record.exit_date,
                status="answered",
                answered_on=record.exit_date,
                employed=choice([True, False]),
                improved=choice([True, False]),
                answered_by=recorder,
            )
            for record in exits[::5]
        ],
        batch_size=1000,
    )
    qualified = [entry.participant for entry in leavers[::4]]
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(participant=person, course=course) for person in qualified], batch_size=1000
    )
    Certificate.objects.bulk_create(
        [
            Certificate(
                enrolment=enrolment,
                course=course,
                participant=enrolment.participant,
                number=f"IZW-B{year}-{i:05d}",
                token=new_token(),
                status="pending",
                holder_given_names="Test",
                holder_family_name=enrolment.participant.family_name,
                holder_date_of_birth=enrolment.participant.date_of_birth,
                course_title=course.title,
                course_start=course.start_date,
                course_end=course.end_date,
                course_location=course.location,
                course_district=district.name,
                exam_date=dt.date(year, 6, 1),
                exam_format="written",
                issued_on=dt.date(year, 6, 1),
                organisation="Bench",
                signatory_name="Bench",
                language="ro",
            )
            for i, enrolment in enumerate(enrolments)
        ],
        batch_size=1000,
    )


def run():
    from django.test import Client

    from core.roles import Role
    from tests.courses.factories import CourseFactory
    from tests.factories import DistrictFactory, HouseholdFactory, UserFactory

    rng = random.Random(13)
    coordinator = UserFactory(username="bench-monitoring", role=Role.COORDINATOR)
    district = DistrictFactory(name="Wehringhausen")
    household = HouseholdFactory(district=district)
    course = CourseFactory(district=district)
    _year(2025, SMALL, household, district, coordinator, course, rng)
    _year(2026, LARGE, household, district, coordinator, course, rng)

    client = Client()
    client.force_login(coordinator)
    small = "/admin/monitoring/?kind=year&year=2025"
    large = "/admin/monitoring/?kind=year&year=2026"
    compare(
        f"Monitoring: report for a year of {LARGE:,} vs {SMALL:,} participants",
        (f"report, {LARGE:,} participants", get_ok(client, large)),
        (f"report, {SMALL:,} participants", get_ok(client, small)),
        runs=20,
    )
    compare(
        f"Monitoring: XLSX for a year of {LARGE:,} vs {SMALL:,} participants",
        (
            f"XLSX, {LARGE:,} participants",
            get_ok(client, "/admin/monitoring/export/report.xlsx?kind=year&year=2026"),
        ),
        (
            f"XLSX, {SMALL:,} participants",
            get_ok(client, "/admin/monitoring/export/report.xlsx?kind=year&year=2025"),
        ),
        runs=20,
    )
