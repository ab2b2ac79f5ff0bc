"""Sessions: weekly series, moving and cancelling, through the service and the screen."""

import datetime as dt

import pytest

from courses import services
from courses.models import Session
from tests.courses.factories import CourseFactory, SessionFactory
from tests.courses.helpers import error_of, task_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


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
    error = error_of(_series, course, start_time=dt.time(12), end_time=dt.time(10))
    assert error.code == "times_out_of_order"
    assert error.message == "Ein Termin muss nach seinem Beginn enden."
    assert not Session.objects.filter(course=course).exists()


def test_a_series_running_past_the_course_end_creates_nothing():
    course = CourseFactory(end_date=dt.date(2026, 3, 20))
    error = error_of(_series, course)  # the 3rd and 4th week are after the end
    assert error.code == "session_outside_course"
    assert "25.03.2026 liegt außerhalb des Kurszeitraums (02.03.2026–20.03.2026)" in error.message
    assert not Session.objects.filter(course=course).exists()


def test_moving_a_session_outside_the_course_is_refused():
    session = SessionFactory()
    error = error_of(
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


def test_weekly_series_screen_creates_sessions(course, trainer_client):
    response = trainer_client.post(
        task_url("weekly_series", course),
        {"first_date": "04.03.2026", "count": "6", "start_time": "10:00", "end_time": "12:00"},
    )
    assert response.status_code == 302
    assert course.sessions.count() == 6


def test_weekly_series_outside_the_course_keeps_the_input(course, trainer_client):
    response = trainer_client.post(
        task_url("weekly_series", course),
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
        task_url("session_edit", session),
        {"date": "11.03.2026", "start_time": "14:00", "end_time": "16:00", "room": "Saal"},
    )
    trainer_client.post(task_url("session_edit", session), {"cancel": "1", "reason": "Feiertag"})
    session.refresh_from_db()
    assert (session.date, session.room, session.cancelled) == (dt.date(2026, 3, 11), "Saal", True)
