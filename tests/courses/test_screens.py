"""The course task screens in the Wagtail admin: input parsed, services called, German answers."""

import datetime as dt

import pytest
from django.urls import reverse

from courses import services
from courses.models import Attendance, Course, Enrolment, ExamResult
from courses.services import AttendanceEntry
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.factories import ParticipantFactory, UserFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _url(name, obj):
    return reverse(f"course_tasks:{name}", args=[obj.pk])


# --- course form -----------------------------------------------------------------------------


def _course_form(district, trainer, **overrides):
    data = {
        "title": "Mietführerschein Frühjahr",
        "location": "Stadtteilbüro Wehringhausen",
        "district": district.pk,
        "instruction_languages": ["de"],
        "interpretation_languages": ["bg"],
        "trainers": [trainer.pk],
        "capacity": "10",
        "start_date": "02.03.2026",
        "end_date": "29.05.2026",
        "status": "planned",
        "min_attendance_percent": "80",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_a_trainer_creates_a_course_and_keeps_it(trainer, trainer_client):
    district = CourseFactory.build().district
    district.save()
    response = trainer_client.post(reverse("courses:add"), _course_form(district, trainer))
    course = Course.objects.get(title="Mietführerschein Frühjahr")
    assert response.status_code == 302
    assert response["Location"] == _url("overview", course)
    assert list(Course.objects.visible_to(trainer)) == [course]


def test_course_dates_out_of_order_are_refused_in_german(trainer, trainer_client):
    district = CourseFactory.build().district
    district.save()
    data = _course_form(district, trainer, start_date="29.05.2026", end_date="02.03.2026")
    response = trainer_client.post(reverse("courses:add"), data)
    assert response.status_code == 200
    assert "Das Kursende darf nicht vor dem Kursbeginn liegen." in response.content.decode()
    assert 'value="Mietführerschein Frühjahr"' in response.content.decode()
    assert not Course.objects.exists()


# --- sessions ----------------------------------------------------------------------------


def test_weekly_series_screen_creates_sessions(course, trainer_client):
    response = trainer_client.post(
        _url("weekly_series", course),
        {"first_date": "04.03.2026", "count": "6", "start_time": "10:00", "end_time": "12:00"},
    )
    assert response.status_code == 302
    assert course.sessions.count() == 6


def test_weekly_series_outside_the_course_keeps_the_input(course, trainer_client):
    response = trainer_client.post(
        _url("weekly_series", course),
        {
            "first_date": "20.05.2026",
            "count": "4",
            "start_time": "10:00",
            "end_time": "12:00",
            "room": "Raum 7",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "liegt außerhalb des Kurszeitraums" in page
    assert 'value="Raum 7"' in page
    assert not course.sessions.exists()


def test_moving_and_cancelling_a_session(course, trainer_client):
    session = SessionFactory(course=course)
    trainer_client.post(
        _url("session_edit", session),
        {"date": "11.03.2026", "start_time": "14:00", "end_time": "16:00", "room": "Saal"},
    )
    trainer_client.post(_url("session_edit", session), {"cancel": "1", "reason": "Feiertag"})
    session.refresh_from_db()
    assert (session.date, session.room, session.cancelled) == (dt.date(2026, 3, 11), "Saal", True)


# --- enrolment ---------------------------------------------------------------------------


def test_enrol_search_shows_only_name_and_date_of_birth(course, trainer_client):
    ParticipantFactory(
        given_names="Radu",
        family_name="Suchmann",
        phone="+49 30 23125 999",
        notes="vertraulich",
        household__district=course.district,
    )
    page = trainer_client.get(_url("enrol", course), {"q": "Suchm"}).content.decode()
    assert "Radu Suchmann" in page and "17.05.1985" in page
    assert "23125 999" not in page and "vertraulich" not in page


def test_enrol_then_waiting_list_then_withdrawal_moves_up(trainer, trainer_client):
    course = CourseFactory(capacity=1, trainers=[trainer])
    first, second = (ParticipantFactory(household__district=course.district) for _ in range(2))
    for person in (first, second):
        trainer_client.post(_url("enrol", course), {"participant": person.pk})
    enrolment = Enrolment.objects.get(participant=first)
    waiting = Enrolment.objects.get(participant=second)
    assert (enrolment.status, waiting.status) == ("active", "waiting")
    response = trainer_client.post(_url("withdraw", enrolment), {"reason": "Arbeit gefunden"})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "active"


def test_a_trainer_cannot_post_into_another_trainers_course(trainer_client):
    other = CourseFactory(trainers=[UserFactory(username="trainer-b")])
    session = SessionFactory(course=other)
    enrolment = services.enrol(other, ParticipantFactory())
    assert (
        trainer_client.post(
            _url("enrol", other), {"participant": ParticipantFactory().pk}
        ).status_code
        == 404
    )
    assert (
        trainer_client.post(
            _url("attendance", session),
            {f"status-{enrolment.pk}": "absent", f"version-{enrolment.pk}": "0"},
        ).status_code
        == 404
    )
    assert trainer_client.post(_url("withdraw", enrolment), {"reason": "x"}).status_code == 404
    assert not Attendance.objects.exists()
    assert Enrolment.objects.filter(course=other).count() == 1


# --- attendance --------------------------------------------------------------------------


def test_attendance_is_saved_together(course, trainer_client):
    session = SessionFactory(course=course)
    a, b = (services.enrol(course, ParticipantFactory()) for _ in range(2))
    response = trainer_client.post(
        _url("attendance", session),
        {
            f"status-{a.pk}": "present",
            f"version-{a.pk}": "0",
            f"status-{b.pk}": "excused",
            f"version-{b.pk}": "0",
            f"note-{b.pk}": "krank",
        },
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == {
        a.pk: "present",
        b.pk: "excused",
    }


def test_a_second_trainer_sees_a_conflict_with_the_other_values(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    colleague = UserFactory(username="trainer-c", first_name="Petra", last_name="Kollegin")
    course.co_trainers.add(colleague)
    services.record_attendance(
        session, [AttendanceEntry(enrolment.pk, "late", "Bus")], user=colleague
    )
    response = trainer_client.post(
        _url("attendance", session),
        {f"status-{enrolment.pk}": "absent", f"version-{enrolment.pk}": "0"},
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Nichts wurde gespeichert" in page
    assert "Petra Kollegin" in page and "verspätet" in page and "Bus" in page
    # What this trainer chose stays selected, with the new version to confirm it.
    assert 'value="absent" checked' in page
    assert f'name="version-{enrolment.pk}" value="1"' in page
    assert Attendance.objects.get().status == "late"


def test_sign_in_sheet_is_a_pdf(course, trainer_client):
    session = SessionFactory(course=course)
    services.enrol(course, ParticipantFactory())
    response = trainer_client.get(_url("sign_in_sheet", session))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# --- exams -------------------------------------------------------------------------------


def test_exam_setup_then_results_with_a_resit(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    response = trainer_client.post(
        _url("exam_add", course),
        {
            "date": "27.05.2026",
            "format": "oral",
            "language": "ro",
            "interpreter": "Frau Ionescu",
            "pass_mark_percent": "60",
            "parts-TOTAL_FORMS": "2",
            "parts-INITIAL_FORMS": "0",
            "parts-MIN_NUM_FORMS": "1",
            "parts-MAX_NUM_FORMS": "1000",
            "parts-0-name": "Bilder",
            "parts-0-max_points": "10",
            "parts-1-name": "",
            "parts-1-max_points": "",
        },
    )
    exam = course.exams.get()
    assert response.status_code == 302
    part = exam.parts.get()
    results = _url("exam_results", exam)
    too_many = trainer_client.post(
        results, {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "12"}
    )
    assert too_many.status_code == 400
    assert "„Bilder“ hat höchstens 10 Punkte; eingegeben wurden 12." in too_many.content.decode()
    assert 'value="12"' in too_many.content.decode()
    trainer_client.post(
        results, {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "4"}
    )
    trainer_client.post(
        results, {"enrolment": enrolment.pk, "date": "03.06.2026", f"points-{part.pk}": "7"}
    )
    assert list(ExamResult.objects.values_list("attempt", "passed")) == [(1, False), (2, True)]
    page = trainer_client.get(_url("overview", course)).content.decode()
    assert "bestanden am 03.06.2026" in page


def test_a_result_for_someone_not_admitted_is_refused(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "absent")], user=trainer)
    exam = exam_with_parts(course, 10)
    part = exam.parts.get()
    response = trainer_client.post(
        _url("exam_results", exam),
        {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "9"},
    )
    # Not admitted: no form at all, and a forged post is refused.
    assert response.status_code == 400
    assert "nicht zur Prüfung zugelassen" in response.content.decode()
    assert not ExamResult.objects.exists()


def test_overview_shows_who_is_below_the_minimum_before_the_exam(course, trainer, trainer_client):
    first, second = (
        SessionFactory(course=course, date=d) for d in (dt.date(2026, 3, 4), dt.date(2026, 3, 11))
    )
    good, poor = (services.enrol(course, ParticipantFactory()) for _ in range(2))
    for session in (first, second):
        services.record_attendance(
            session,
            [
                AttendanceEntry(good.pk, "present"),
                AttendanceEntry(poor.pk, "absent" if session == second else "present"),
            ],
            user=trainer,
        )
    page = trainer_client.get(_url("overview", course)).content.decode()
    assert "Unter der Mindestanwesenheit für die Prüfung" in page
    assert f"{poor.participant}: 50 %" in page
    assert "Anwesenheit des Kurses" in page and "75 %" in page


# --- constant queries --------------------------------------------------------------------


def _course_with(n, trainer):
    course = CourseFactory(trainers=[trainer], capacity=200)
    sessions = [
        SessionFactory(course=course, date=dt.date(2026, 3, 4) + dt.timedelta(weeks=i))
        for i in range(4)
    ]
    enrolments = [
        Enrolment(course=course, participant=p) for p in ParticipantFactory.create_batch(n)
    ]
    Enrolment.objects.bulk_create(enrolments)
    Attendance.objects.bulk_create(
        Attendance(session=s, enrolment=e, status="present") for s in sessions for e in enrolments
    )
    exam = exam_with_parts(course, 10, 10)
    for e in enrolments[: n // 2]:
        ExamResult.objects.create(
            enrolment=e,
            exam=exam,
            date=exam.date,
            passed=True,
            total_points=15,
            max_points=20,
            part_points={},
        )
    return course, sessions[0], exam


@pytest.mark.parametrize("screen", ["attendance", "overview", "exam_results"])
def test_screens_need_the_same_queries_for_10_and_100_participants(trainer, screen):
    client = client_for(trainer)
    counts = []
    for n in (10, 100):
        course, session, exam = _course_with(n, trainer)
        target = {"attendance": session, "overview": course, "exam_results": exam}[screen]
        counts.append(count_queries(client, _url(screen, target)))
    assert counts[0] == counts[1], counts


def test_course_history_shows_attendance_and_result_changes(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory(given_names="Mara", family_name="Lupu"))
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "absent")], user=trainer)
    services.record_attendance(
        session, [AttendanceEntry(enrolment.pk, "late", "Bus", 1)], user=trainer
    )
    exam = exam_with_parts(course, 10)
    services.record_exam_result(
        enrolment, exam, points={exam.parts.get().pk: 7}, date=exam.date, user=trainer
    )
    page = trainer_client.get(reverse("courses:history", args=[course.pk])).content.decode()
    assert "Anwesenheit (Mara Lupu" in page
    assert "<del>unentschuldigt</del> → <ins>verspätet</ins>" in page
    assert "Prüfungsergebnis (Mara Lupu" in page
    assert trainer.get_full_name() in page
