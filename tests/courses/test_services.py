"""The course services: their contracts and their answers to bad input (in German)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from courses import services
from courses.models import (
    Attendance,
    Enrolment,
    EnrolmentStatus,
    ExamResult,
    Session,
)
from courses.services import AttendanceEntry, CourseError
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def _error(call, *args, **kwargs) -> CourseError:
    with pytest.raises(CourseError) as caught:
        call(*args, **kwargs)
    return caught.value


# --- enrolment and the waiting list ---------------------------------------------------


def test_enrol_fills_places_then_the_waiting_list_in_order():
    course = CourseFactory(capacity=2)
    people = ParticipantFactory.create_batch(4)
    enrolments = [services.enrol(course, person) for person in people]
    assert [e.status for e in enrolments] == ["active", "active", "waiting", "waiting"]
    assert [e.waiting_position for e in enrolments] == [None, None, 1, 2]


def test_capacity_exceeded_without_waiting_list_is_refused_in_german():
    course = CourseFactory(capacity=1)
    services.enrol(course, ParticipantFactory())
    error = _error(services.enrol, course, ParticipantFactory(), waiting_list_ok=False)
    assert error.code == "course_full"
    assert "Der Kurs ist voll (1 Plätze)" in error.message
    assert Enrolment.objects.filter(course=course).count() == 1


def test_the_same_person_cannot_be_enrolled_twice():
    course = CourseFactory()
    person = ParticipantFactory()
    services.enrol(course, person)
    error = _error(services.enrol, course, person)
    assert error.code == "already_enrolled"
    assert "bereits" in error.message


def test_the_database_refuses_a_second_open_enrolment():
    course = CourseFactory()
    person = ParticipantFactory()
    Enrolment.objects.create(course=course, participant=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(course=course, participant=person)


def test_withdrawal_moves_the_first_waiting_person_up_and_renumbers():
    course = CourseFactory(capacity=1)
    first, second, third = (services.enrol(course, ParticipantFactory()) for _ in range(3))
    moved = services.withdraw(first, "Umzug nach Dortmund")
    assert moved.pk == second.pk
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert (first.status, first.withdrawal_reason) == ("withdrawn", "Umzug nach Dortmund")
    assert (second.status, second.waiting_position) == ("active", None)
    assert (third.status, third.waiting_position) == ("waiting", 1)
    # The withdrawn person may enrol again later (the constraint covers open places only).
    again = services.enrol(course, first.participant)
    assert again.status == "waiting"


def test_withdrawal_needs_a_reason():
    enrolment = services.enrol(CourseFactory(), ParticipantFactory())
    error = _error(services.withdraw, enrolment, "  ")
    assert error.code == "reason_required"
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


# --- sessions ---------------------------------------------------------------------------


def _series(course, **overrides):
    kwargs = {
        "first_date": dt.date(2026, 3, 4),
        "count": 4,
        "start_time": dt.time(10),
        "end_time": dt.time(12),
        "room": "Raum 2",
    }
    kwargs.update(overrides)
    return services.create_weekly_sessions(course, **kwargs)


def test_weekly_series_creates_one_session_a_week():
    sessions = _series(CourseFactory())
    assert [s.date for s in sessions] == [
        dt.date(2026, 3, 4) + dt.timedelta(weeks=i) for i in range(4)
    ]


def test_times_out_of_order_are_refused_and_nothing_is_created():
    course = CourseFactory()
    error = _error(_series, course, start_time=dt.time(12), end_time=dt.time(10))
    assert error.code == "times_out_of_order"
    assert error.message == "Ein Termin muss nach seinem Beginn enden."
    assert not Session.objects.filter(course=course).exists()


def test_a_series_running_past_the_course_end_creates_nothing():
    course = CourseFactory(end_date=dt.date(2026, 3, 20))
    error = _error(_series, course)  # the 3rd and 4th week are after the end
    assert error.code == "session_outside_course"
    assert "25.03.2026 liegt außerhalb des Kurszeitraums (02.03.2026–20.03.2026)" in error.message
    assert not Session.objects.filter(course=course).exists()


def test_moving_a_session_outside_the_course_is_refused():
    session = SessionFactory()
    error = _error(
        services.move_session,
        session,
        date=dt.date(2026, 6, 10),
        start_time=dt.time(10),
        end_time=dt.time(12),
    )
    assert error.code == "session_outside_course"
    session.refresh_from_db()
    assert session.date == dt.date(2026, 3, 4)


def test_cancel_session_keeps_its_reason():
    session = services.cancel_session(SessionFactory(), "Trainer krank")
    assert session.cancelled and session.cancel_reason == "Trainer krank"


# --- attendance -------------------------------------------------------------------------


@pytest.fixture
def running(trainer):
    course = CourseFactory(trainers=[trainer])
    enrolments = [services.enrol(course, ParticipantFactory()) for _ in range(3)]
    session = SessionFactory(course=course)
    return course, enrolments, session


def test_record_attendance_saves_everyone_together_and_keeps_history(running, trainer):
    _course, enrolments, session = running
    entries = [AttendanceEntry(e.pk, "present") for e in enrolments]
    assert services.record_attendance(session, entries, user=trainer) == 3
    record = Attendance.objects.get(session=session, enrolment=enrolments[0])
    again = [AttendanceEntry(enrolments[0].pk, "late", "Bus verspätet", record.version)]
    assert services.record_attendance(session, again, user=trainer) == 1
    record.refresh_from_db()
    assert (record.status, record.note, record.version) == ("late", "Bus verspätet", 2)
    history = list(record.history.order_by("history_date"))
    assert [h.status for h in history] == ["present", "late"]
    assert history[-1].history_user == trainer


def test_attendance_for_someone_not_enrolled_saves_nothing(running, trainer):
    _course, enrolments, session = running
    stranger = services.enrol(CourseFactory(), ParticipantFactory())
    entries = [
        AttendanceEntry(enrolments[0].pk, "present"),
        AttendanceEntry(stranger.pk, "present"),
    ]
    error = _error(services.record_attendance, session, entries, user=trainer)
    assert error.code == "not_enrolled"
    assert "in diesem Kurs angemeldet" in error.message
    assert not Attendance.objects.exists()


def test_a_stale_save_is_a_conflict_showing_the_other_values(running, trainer):
    _course, enrolments, session = running
    # Both trainers opened the screen before anything was saved (version 0).
    services.record_attendance(
        session, [AttendanceEntry(enrolments[0].pk, "excused", "Arzttermin")], user=trainer
    )
    stale = [
        AttendanceEntry(enrolments[0].pk, "absent"),
        AttendanceEntry(enrolments[1].pk, "present"),
    ]
    error = _error(services.record_attendance, session, stale, user=trainer)
    assert error.code == "attendance_conflict"
    assert "Nichts wurde gespeichert" in error.message
    (conflict,) = error.details["conflicts"]
    assert (conflict.enrolment_id, conflict.status, conflict.note) == (
        enrolments[0].pk,
        "excused",
        "Arzttermin",
    )
    # Nothing of the stale save went in, not even the uncontested row.
    assert list(Attendance.objects.values_list("status", flat=True)) == ["excused"]


def test_attendance_rate_counts_present_and_late_of_held_sessions(running, trainer):
    course, enrolments, first = running
    second = SessionFactory(course=course, date=dt.date(2026, 3, 11))
    SessionFactory(
        course=course, date=dt.date(2026, 3, 18), cancelled=True, cancel_reason="Feiertag"
    )
    services.record_attendance(first, [AttendanceEntry(enrolments[0].pk, "late")], user=trainer)
    services.record_attendance(second, [AttendanceEntry(enrolments[0].pk, "excused")], user=trainer)
    row = Enrolment.objects.with_admission(as_of=dt.date(2026, 3, 31)).get(pk=enrolments[0].pk)
    assert (row.sessions_held, row.sessions_attended, row.attendance_percent) == (2, 1, 50)
    assert row.admission_state == "below_minimum"


# --- exams --------------------------------------------------------------------------------


@pytest.fixture
def examined(running, trainer):
    course, enrolments, session = running
    services.record_attendance(
        session,
        [
            AttendanceEntry(enrolments[0].pk, "present"),
            AttendanceEntry(enrolments[1].pk, "present"),
            AttendanceEntry(enrolments[2].pk, "absent"),
        ],
        user=trainer,
    )
    return course, enrolments, exam_with_parts(course, 10, 20)


def _points(exam, *values):
    return dict(zip((p.pk for p in exam.parts.all()), values, strict=True))


def test_result_pass_fail_and_a_passed_resit(examined, trainer):
    _course, enrolments, exam = examined
    first = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 5, 10), date=exam.date, user=trainer
    )
    assert (first.attempt, first.total_points, first.passed) == (1, 15, False)
    resit = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 8, 12), date=dt.date(2026, 6, 3), user=trainer
    )
    assert (resit.attempt, resit.total_points, resit.passed) == (2, 20, True)
    error = _error(
        services.record_exam_result,
        enrolments[0],
        exam,
        points=_points(exam, 9, 12),
        date=dt.date(2026, 6, 4),
        user=trainer,
    )
    assert error.code == "already_passed"
    assert resit.history.first().history_user == trainer


def test_points_above_the_maximum_are_refused(examined, trainer):
    _course, enrolments, exam = examined
    error = _error(
        services.record_exam_result,
        enrolments[0],
        exam,
        points=_points(exam, 11, 5),
        date=exam.date,
        user=trainer,
    )
    assert error.code == "points_above_max"
    assert error.message == "„Teil 1“ hat höchstens 10 Punkte; eingegeben wurden 11."
    assert not ExamResult.objects.exists()


def test_result_for_someone_not_admitted_is_refused_until_a_coordinator_overrides(
    examined, trainer, coordinator
):
    _course, enrolments, exam = examined
    absent = enrolments[2]
    error = _error(
        services.record_exam_result,
        absent,
        exam,
        points=_points(exam, 10, 20),
        date=exam.date,
        user=trainer,
    )
    assert error.code == "not_admitted"
    assert "ist nicht zur Prüfung zugelassen" in error.message
    assert not ExamResult.objects.exists()

    denied = _error(services.override_admission, absent, reason="Krankheit", user=trainer)
    assert denied.code == "not_allowed"
    services.override_admission(absent, reason="Attest vorgelegt", user=coordinator)
    result = services.record_exam_result(
        absent, exam, points=_points(exam, 10, 20), date=exam.date, user=trainer
    )
    assert result.passed and result.admitted_by_exception
    absent.refresh_from_db()
    assert (absent.admission_override_reason, absent.admission_override_by) == (
        "Attest vorgelegt",
        coordinator,
    )


def test_eligible_for_certificate_uses_the_best_passing_attempt(examined, trainer):
    _course, enrolments, exam = examined
    services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 1, 1), date=exam.date, user=trainer
    )
    services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 9, 19), date=dt.date(2026, 6, 3), user=trainer
    )
    services.record_exam_result(
        enrolments[1], exam, points=_points(exam, 2, 2), date=exam.date, user=trainer
    )
    eligible = list(Enrolment.objects.eligible_for_certificate().with_passing_result())
    assert [e.pk for e in eligible] == [enrolments[0].pk]
    assert eligible[0].passed_on == dt.date(2026, 6, 3)
    assert eligible[0].passing_result.attempt == 2


def test_sessions_without_attendance_taken_do_not_count_as_held(running, trainer):
    course, enrolments, first = running
    SessionFactory(course=course, date=dt.date(2026, 3, 11))  # list not filled in yet
    services.record_attendance(first, [AttendanceEntry(enrolments[0].pk, "present")], user=trainer)
    row = Enrolment.objects.with_attendance(as_of=dt.date(2026, 3, 31)).get(pk=enrolments[0].pk)
    assert (row.sessions_held, row.attendance_percent) == (1, 100)


def test_trainers_see_the_participants_of_their_own_courses_only(trainer):
    own = CourseFactory(trainers=[trainer])
    other = CourseFactory()
    mine, waiting, theirs = ParticipantFactory(), ParticipantFactory(), ParticipantFactory()
    Enrolment.objects.create(course=own, participant=mine)
    Enrolment.objects.create(course=own, participant=waiting, status="waiting", waiting_position=1)
    Enrolment.objects.create(course=other, participant=theirs)
    from housing.models import Participant

    assert set(Participant.objects.visible_to(trainer)) == {mine, waiting}
