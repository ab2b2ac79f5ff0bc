"""Five years of courses: sessions, enrolments, attendance, exams with resits
(``manage.py generate_volume``; see core/generation.py)."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.generation import BATCH
from core.roles import Role
from courses.models import (
    Attendance,
    AttendanceStatus,
    Course,
    CourseStatus,
    CurriculumModule,
    Enrolment,
    EnrolmentStatus,
    Exam,
    ExamFormat,
    ExamPart,
    ExamResult,
    Session,
)
from housing.models import District, Participant

SESSIONS_PER_COURSE = 12
SEASONS = ["Frühjahr", "Sommer", "Herbst", "Winter"]
STATUS_WEIGHTS = {
    AttendanceStatus.PRESENT: 78,
    AttendanceStatus.LATE: 8,
    AttendanceStatus.EXCUSED: 8,
    AttendanceStatus.ABSENT: 6,
}


def generate(volume):
    rng = volume.rng
    trainers = _trainers(volume)
    districts = list(District.objects.all())
    modules = list(CurriculumModule.objects.order_by("sort_order", "pk"))
    courses = _courses(volume, districts, trainers, modules)
    sessions = _sessions(volume, courses, trainers)
    enrolments = _enrolments(volume, courses)
    _attendance(volume, sessions, enrolments, rng)
    _exams(volume, courses, enrolments, trainers)


def _trainers(volume):
    User = get_user_model()
    group = Group.objects.get(name=Role.TRAINER)
    for i in range(6):
        first, last, _latin = volume.name(volume.group())
        user, created = User.objects.get_or_create(
            username=f"volume-trainer-{i}",
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"volume-trainer-{i}@example.org",
            },
        )
        if created:
            user.set_unusable_password()
            user.save()
        group.user_set.add(user)
    return list(User.objects.filter(groups=group).order_by("username"))


def _courses(volume, districts, trainers, modules):
    rng = volume.rng
    n = volume.count(300)
    span = (volume.today - volume.start).days
    rows = []
    for i in range(n):
        start = volume.start + dt.timedelta(days=round(i * span / n))
        end = start + dt.timedelta(weeks=SESSIONS_PER_COURSE // 2)
        district = districts[i % len(districts)]
        status = (
            CourseStatus.FINISHED
            if end < volume.today
            else CourseStatus.RUNNING
            if start <= volume.today
            else CourseStatus.PLANNED
        )
        rows.append(
            Course(
                title=f"Mietführerschein {SEASONS[i % 4]} {start.year} – {district.name} ({i + 1})",
                location=f"Stadtteilbüro {district.name}",
                district=district,
                instruction_languages=["de"],
                interpretation_languages=rng.sample(["ro", "bg", "ar", "uk", "tr"], k=2),
                capacity=20,
                start_date=start,
                end_date=end,
                status=status,
            )
        )
    courses = Course.objects.bulk_create(rows, batch_size=BATCH)
    Trainer = Course.trainers.through
    Trainer.objects.bulk_create(
        [
            Trainer(course_id=c.pk, user_id=trainers[i % len(trainers)].pk)
            for i, c in enumerate(courses)
        ],
        batch_size=BATCH,
    )
    CourseModule = Course.modules.through
    CourseModule.objects.bulk_create(
        [CourseModule(course_id=c.pk, curriculummodule_id=m.pk) for c in courses for m in modules],
        batch_size=BATCH,
    )
    volume.done("courses.Course", courses)
    return courses


def _sessions(volume, courses, trainers):
    trainer_of = dict(
        Course.trainers.through.objects.filter(course__in=courses).values_list(
            "course_id", "user_id"
        )
    )
    rows = [
        Session(
            course=course,
            date=course.start_date + dt.timedelta(days=3 * k + (k // 2)),
            start_time=dt.time(9, 30),
            end_time=dt.time(12, 0),
            room="Gruppenraum",
            trainer_id=trainer_of.get(course.pk),
        )
        for course in courses
        for k in range(SESSIONS_PER_COURSE)
    ]
    sessions = Session.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("courses.Session", sessions)
    return sessions


def _enrolments(volume, courses):
    """About 19 people per course, each in one course, chosen among those who had entered
    the programme by the course's start."""
    rng = volume.rng
    pks = volume.made.get("housing.Participant") or list(
        Participant.objects.values_list("pk", flat=True)
    )
    people = list(
        Participant.objects.filter(pk__in=pks)
        .order_by("entry_date")
        .values_list("pk", "entry_date")
    )
    rows, cursor = [], 0
    for course in courses:
        size = rng.randint(16, 22)
        taken = 0
        while taken < size and cursor < len(people):
            pk, entry = people[cursor]
            if entry > course.start_date and taken:
                break
            cursor += 1
            taken += 1
            rows.append(
                Enrolment(
                    participant_id=pk,
                    course=course,
                    status=EnrolmentStatus.ACTIVE,
                    enrolled_at=dt.datetime.combine(
                        course.start_date - dt.timedelta(days=14), dt.time(10), tzinfo=dt.UTC
                    ),
                )
            )
    enrolments = Enrolment.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("courses.Enrolment", enrolments)
    return enrolments


def _attendance(volume, sessions, enrolments, rng):
    by_course = {}
    for enrolment in enrolments:
        by_course.setdefault(enrolment.course_id, []).append(enrolment)
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    rows = []
    for session in sessions:
        if session.date > volume.today:
            continue
        for enrolment in by_course.get(session.course_id, ()):
            rows.append(
                Attendance(
                    session=session,
                    enrolment=enrolment,
                    status=rng.choices(statuses, weights=weights)[0],
                    updated_by_id=session.trainer_id,
                )
            )
    attendance = Attendance.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("courses.Attendance", attendance)


def _exams(volume, courses, enrolments, trainers):
    rng = volume.rng
    by_course = {}
    for enrolment in enrolments:
        by_course.setdefault(enrolment.course_id, []).append(enrolment)
    finished = [c for c in courses if c.end_date < volume.today]
    exams = Exam.objects.bulk_create(
        [
            Exam(
                course=course,
                date=course.end_date,
                format=rng.choice(
                    [ExamFormat.WRITTEN, ExamFormat.WRITTEN, ExamFormat.ORAL, ExamFormat.PICTORIAL]
                ),
                language="de",
                pass_mark_percent=60,
            )
            for course in finished
        ],
        batch_size=BATCH,
    )
    parts = ExamPart.objects.bulk_create(
        [
            ExamPart(exam=exam, name=name, max_points=points, sort_order=k)
            for exam in exams
            for k, (name, points) in enumerate([("Wissen", 30), ("Fallbeispiele", 20)])
        ],
        batch_size=BATCH,
    )
    parts_of = {}
    for part in parts:
        parts_of.setdefault(part.exam_id, []).append(part)
    results = []
    passed_enrolments = []
    for exam in exams:
        recorder = trainers[exam.course_id % len(trainers)].pk
        for enrolment in by_course.get(exam.course_id, ()):
            for attempt in (1, 2):
                date = exam.date + dt.timedelta(days=7 * (attempt - 1))
                if date > volume.today:
                    break
                scored = {
                    str(p.pk): rng.randint(p.max_points // 3, p.max_points)
                    for p in parts_of[exam.pk]
                }
                total, maximum = sum(scored.values()), sum(p.max_points for p in parts_of[exam.pk])
                percent = Decimal(round(100 * total / maximum, 1)).quantize(Decimal("0.1"))
                passed = percent >= exam.pass_mark_percent
                results.append(
                    ExamResult(
                        enrolment=enrolment,
                        exam=exam,
                        attempt=attempt,
                        date=date,
                        part_points=scored,
                        total_points=total,
                        max_points=maximum,
                        percent=percent,
                        passed=passed,
                        recorded_by_id=recorder,
                    )
                )
                if passed:
                    passed_enrolments.append((enrolment.pk, exam.pk, date))
                    break
    results = ExamResult.objects.bulk_create(results, batch_size=BATCH)
    volume.made["courses.passed"] = passed_enrolments
    volume.done("courses.Exam", exams)
    volume.done("courses.ExamResult", results)
