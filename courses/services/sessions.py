"""Sessions: weekly series, moving and cancelling a Termin."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import (
    Course,
    Session,
)
from courses.services.errors import CourseError


def _check_session_times(course: Course, date: dt.date, start: dt.time, end: dt.time):
    if start is None or end is None or end <= start:
        raise CourseError("times_out_of_order", _("A session must end after it starts."))
    if not (course.start_date <= date <= course.end_date):
        raise CourseError(
            "session_outside_course",
            _("The session on %(date)s is outside the course period (%(start)s–%(end)s).")
            % {
                "date": f"{date:%d.%m.%Y}",
                "start": f"{course.start_date:%d.%m.%Y}",
                "end": f"{course.end_date:%d.%m.%Y}",
            },
        )


@transaction.atomic
def create_weekly_sessions(
    course: Course,
    *,
    first_date: dt.date,
    count: int,
    start_time: dt.time,
    end_time: dt.time,
    room: str = "",
    trainer=None,
    modules=None,
) -> list[Session]:
    """Create ``count`` sessions, one a week from ``first_date``, at the same time.

    ``modules``, if given, is a list of CurriculumModules assigned one per session in
    order. Every date must lie within the course period (``session_outside_course``);
    if one does not, none is created.
    """
    if count < 1 or count > 52:
        raise CourseError("bad_count", _("Enter a number of sessions between 1 and 52."))
    dates = [first_date + dt.timedelta(weeks=i) for i in range(count)]
    for date in dates:
        _check_session_times(course, date, start_time, end_time)
    modules = list(modules or [])
    sessions = []
    for index, date in enumerate(dates):
        session = Session.objects.create(
            course=course,
            date=date,
            start_time=start_time,
            end_time=end_time,
            room=room,
            trainer=trainer,
        )
        if index < len(modules):
            session.modules.add(modules[index])
        sessions.append(session)
    return sessions


@transaction.atomic
def move_session(
    session: Session, *, date: dt.date, start_time: dt.time, end_time: dt.time, room=None
) -> Session:
    """Move a session to another date/time (within the course period)."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    _check_session_times(session.course, date, start_time, end_time)
    session.date, session.start_time, session.end_time = date, start_time, end_time
    if room is not None:
        session.room = room
    session.save()
    return session


@transaction.atomic
def cancel_session(session: Session, reason: str) -> Session:
    """Cancel a session with a reason; it no longer counts for attendance."""
    reason = (reason or "").strip()
    if not reason:
        raise CourseError("reason_required", _("Please give a reason for the cancellation."))
    session = Session.objects.select_for_update().get(pk=session.pk)
    session.cancelled = True
    session.cancel_reason = reason
    session.save()
    return session
