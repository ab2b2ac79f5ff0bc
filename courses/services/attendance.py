"""Taking attendance, with conflicts when two people save the same list."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import (
    Attendance,
    AttendanceStatus,
    Enrolment,
    EnrolmentStatus,
    Session,
)
from courses.services.errors import CourseError


@dataclass(frozen=True)
class AttendanceEntry:
    """What the trainer marked for one person, and the version they started from.

    ``seen_version`` is 0 when no record existed when the screen was loaded.
    """

    enrolment_id: int
    status: str
    note: str = ""
    seen_version: int = 0


@dataclass(frozen=True)
class AttendanceConflict:
    enrolment_id: int
    participant: str
    status: str
    status_display: str
    note: str
    updated_by: str


@transaction.atomic
def record_attendance(session: Session, entries: list[AttendanceEntry], *, user) -> int:
    """Save the attendance of a whole session at once; returns the number of changes.

    Each entry carries the version the trainer saw. If another person saved a
    different value for anyone since then, nothing is saved and ``CourseError``
    ``attendance_conflict`` lists the other person's values (``details["conflicts"]``).
    The session row is locked first, so two simultaneous saves are serialised: the
    second one sees the first one's versions and becomes a conflict.

    Also raises ``not_enrolled`` for someone without an active enrolment in the
    course, ``bad_status`` for an unknown status, ``session_cancelled``, and
    ``session_in_future`` for a session after today (it has not happened yet).
    """
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.cancelled:
        raise CourseError(
            "session_cancelled", _("This session was cancelled; attendance cannot be taken.")
        )
    if session.date > timezone.localdate():
        raise CourseError(
            "session_in_future",
            _("The session on %(date)s has not taken place yet; attendance cannot be taken.")
            % {"date": f"{session.date:%d.%m.%Y}"},
        )
    enrolments = {
        e.pk: e
        for e in Enrolment.objects.filter(
            course_id=session.course_id, status=EnrolmentStatus.ACTIVE
        ).select_related("participant")
    }
    valid = set(AttendanceStatus.values)
    for entry in entries:
        if entry.enrolment_id not in enrolments:
            raise CourseError(
                "not_enrolled",
                _("Attendance can only be recorded for people enrolled in this course."),
            )
        if entry.status not in valid:
            raise CourseError("bad_status", _("Choose present, late, excused or absent."))
        if len(entry.note) > 255:
            raise CourseError("note_too_long", _("A note can have at most 255 characters."))

    existing = {
        a.enrolment_id: a
        for a in Attendance.objects.filter(session=session).select_related("updated_by")
    }
    conflicts = []
    for entry in entries:
        current = existing.get(entry.enrolment_id)
        current_version = current.version if current else 0
        if current_version == entry.seen_version:
            continue
        # Someone saved in between. Same values as ours is not a conflict.
        if current and current.status == entry.status and current.note == entry.note.strip():
            continue
        participant = enrolments[entry.enrolment_id].participant
        conflicts.append(
            AttendanceConflict(
                enrolment_id=entry.enrolment_id,
                participant=str(participant),
                status=current.status if current else "",
                status_display=current.get_status_display() if current else "–",
                note=current.note if current else "",
                updated_by=(current.updated_by.get_full_name() or current.updated_by.username)
                if current and current.updated_by
                else "",
            )
        )
    if conflicts:
        raise CourseError(
            "attendance_conflict",
            _(
                "Someone else saved attendance for this session in the meantime. "
                "Nothing was saved; please check their values and save again."
            ),
            conflicts=conflicts,
        )

    changed = 0
    for entry in entries:
        note = entry.note.strip()
        current = existing.get(entry.enrolment_id)
        if current is None:
            Attendance.objects.create(
                session=session,
                enrolment_id=entry.enrolment_id,
                status=entry.status,
                note=note,
                updated_by=user,
            )
            changed += 1
        elif current.status != entry.status or current.note != note:
            current.status = entry.status
            current.note = note
            current.version += 1
            current.updated_by = user
            current._history_user = user
            current.save()
            changed += 1
    return changed
