"""Invented demo courses: two finished (with attendance and exam results, some failed,
one resit passed), one running, one planned.

Dates are relative to today so the running course is always running. Idempotent:
a course is recognised by its title and built only once, through the services.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses import services
from courses.models import Course, CourseStatus, CurriculumModule, ExamFormat
from courses.services import AttendanceEntry
from housing.models import District, Participant

# Who misses which session (by index), to make attendance realistic: (person, session) → status.
IRREGULAR = {
    (1, 2): "late",
    (2, 4): "excused",
    (3, 1): "late",
    (4, 5): "absent",
    (5, 6): "excused",
}


def _monday_weeks(offset_days: int) -> dt.date:
    day = timezone.localdate() + dt.timedelta(days=offset_days)
    return day - dt.timedelta(days=day.weekday())


def _people(district: str, count: int, skip: int = 0):
    adults_before = timezone.localdate().replace(year=timezone.localdate().year - 16)
    people = Participant.objects.filter(
        household__district__name=district, date_of_birth__lte=adults_before
    ).order_by("family_name", "given_names", "pk")
    return list(people[skip : skip + count])


def _build(spec, users, modules, stdout):
    if Course.objects.filter(title=spec["title"]).exists():
        return
    start = _monday_weeks(spec["start_offset"])
    weeks = spec["weeks"]
    course = Course.objects.create(
        title=spec["title"],
        location=spec["location"],
        district=District.objects.get(name=spec["district"]),
        instruction_languages=["de"],
        interpretation_languages=spec["interpretation"],
        capacity=spec["capacity"],
        start_date=start,
        end_date=start + dt.timedelta(weeks=weeks + 2),
        status=CourseStatus.PLANNED,  # moved on at the end, after enrolments and results
    )
    course.trainers.add(users[spec["trainer"]])
    if spec.get("co_trainer"):
        course.co_trainers.add(users[spec["co_trainer"]])
    course.modules.set(modules)
    trainer = users[spec["trainer"]]
    sessions = services.create_weekly_sessions(
        course,
        first_date=start + dt.timedelta(days=2),  # Wednesdays
        count=weeks,
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        room=spec["room"],
        trainer=trainer,
        modules=modules,
    )
    enrolments = [services.enrol(course, person) for person in spec["people"]]
    active = [e for e in enrolments if e.status == "active"]
    today = timezone.localdate()
    for index, session in enumerate(sessions):
        if session.date > today:
            break
        entries = []
        for person, enrolment in enumerate(active):
            status = IRREGULAR.get((person, index), "present")
            if person == spec.get("rarely_there") and index % 3:
                status = "absent"
            entries.append(AttendanceEntry(enrolment.pk, status))
        services.record_attendance(session, entries, user=trainer)

    exam_spec = spec.get("exam")
    if exam_spec:
        exam_date = sessions[-1].date + dt.timedelta(days=7)
        exam = services.save_exam(
            course,
            date=exam_date,
            format=exam_spec["format"],
            language=exam_spec["language"],
            interpreter=exam_spec.get("interpreter", ""),
            committee=[trainer, users["coordinator"]],
            user=users["coordinator"],
            parts=[("Wohnen und Mietvertrag", 20), ("Alltag im Haus", 20), ("Bildaufgaben", 10)],
        )
        parts = [p.pk for p in exam.parts.all()]
        for person, scores in exam_spec["results"].items():
            enrolment = active[person]
            for attempt, points in enumerate(scores):
                if exam_date + dt.timedelta(days=7 * attempt) > today:
                    break  # results are not recorded ahead of time
                services.record_exam_result(
                    enrolment,
                    exam,
                    points=dict(zip(parts, points, strict=True)),
                    date=exam_date + dt.timedelta(days=7 * attempt),
                    user=trainer,
                )
    # Through the service, step by step: planned → running → finished.
    steps = [CourseStatus.PLANNED, CourseStatus.RUNNING, CourseStatus.FINISHED]
    for status in steps[1 : steps.index(spec["status"]) + 1]:
        course = services.change_course_status(course, status)
    stdout.write(f"Course: {course.title} ({len(active)} participants, {len(sessions)} sessions)")


def seed(stdout):
    User = get_user_model()
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["trainer", "trainer2", "coordinator"])
    }
    modules = list(CurriculumModule.objects.all())
    specs = [
        {
            "title": "Mietführerschein Frühjahr – Altenhagen",
            "location": "Stadtteilbüro Altenhagen",
            "district": "Altenhagen",
            "room": "Gruppenraum EG",
            "interpretation": ["ro", "rom"],
            "trainer": "trainer",
            "co_trainer": "trainer2",
            "capacity": 10,
            "start_offset": -230,
            "weeks": 9,
            "status": CourseStatus.FINISHED,
            "people": _people("Altenhagen", 7),
            "rarely_there": 6,
            "exam": {
                "format": ExamFormat.WRITTEN,
                "language": "de",
                "interpreter": "Sprachmittlung Rumänisch (Co-Training)",
                # person index → points per attempt (parts: 20, 20, 10; pass mark 60 %)
                "results": {
                    0: [(18, 17, 9)],
                    1: [(15, 14, 8)],
                    2: [(9, 8, 5), (14, 13, 8)],  # failed, then passed the resit
                    3: [(16, 12, 7)],
                    4: [(8, 9, 4)],  # failed, no resit yet
                    5: [(13, 12, 6)],
                },
            },
        },
        {
            "title": "Mietführerschein Sommer – Wehringhausen",
            "location": "Stadtteilbüro Wehringhausen",
            "district": "Wehringhausen",
            "room": "Seminarraum 1. OG",
            "interpretation": ["bg", "tr"],
            "trainer": "trainer2",
            "capacity": 8,
            "start_offset": -150,
            "weeks": 8,
            "status": CourseStatus.FINISHED,
            "people": _people("Wehringhausen", 7),
            "exam": {
                "format": ExamFormat.PICTORIAL,
                "language": "bg",
                "interpreter": "Dolmetscherin Bulgarisch",
                "results": {
                    0: [(17, 16, 9)],
                    1: [(10, 9, 5), (11, 9, 6)],  # failed twice
                    2: [(14, 15, 7)],
                    3: [(19, 18, 10)],
                    4: [(12, 13, 6)],
                    5: [(7, 10, 5)],
                    6: [(16, 14, 8)],
                },
            },
        },
        {
            "title": "Mietführerschein Herbst – Mitte",
            "location": "Quartiersbüro Mitte",
            "district": "Mitte",
            "room": "Raum 2",
            "interpretation": ["ar", "tr"],
            "trainer": "trainer",
            "capacity": 6,
            "start_offset": -30,
            "weeks": 10,
            "status": CourseStatus.RUNNING,
            "people": _people("Mitte", 8),  # two more than places: a waiting list
            "rarely_there": 3,
        },
        {
            "title": "Mietführerschein Winter – Altenhagen",
            "location": "Stadtteilbüro Altenhagen",
            "district": "Altenhagen",
            "room": "Gruppenraum EG",
            "interpretation": ["uk", "ro"],
            "trainer": "trainer2",
            "capacity": 10,
            "start_offset": 50,
            "weeks": 8,
            "status": CourseStatus.PLANNED,
            "people": _people("Altenhagen", 3, skip=7),
        },
    ]
    for spec in specs:
        _build(spec, users, modules, stdout)
