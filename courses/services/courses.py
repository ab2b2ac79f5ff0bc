"""Courses: settings only coordinators may change (minimum attendance), and the course's
status, which changes only through ``change_course_status`` (never a form field)."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import (
    Course,
    CourseStatus,
    ExamResult,
)
from courses.services.errors import CourseError

# Where a course may go from each status: the actions the course overview offers.
# A finished course can be reopened (a resit session after all), a cancelled one
# planned again.
COURSE_TRANSITIONS = {
    CourseStatus.PLANNED: (CourseStatus.RUNNING, CourseStatus.CANCELLED),
    CourseStatus.RUNNING: (CourseStatus.FINISHED, CourseStatus.CANCELLED),
    CourseStatus.FINISHED: (CourseStatus.RUNNING,),
    CourseStatus.CANCELLED: (CourseStatus.PLANNED,),
}


@transaction.atomic
def change_course_status(course: Course, status: str, *, today: dt.date | None = None) -> Course:
    """Move ``course`` to ``status`` along ``COURSE_TRANSITIONS``.

    A course is finished only once its last session has taken place
    (``Course.is_finished_on``, the rule certificates wait for too), and a course with
    exam results is not cancelled. The course row is locked while the rules are checked.
    Errors: ``unknown_status``, ``status_not_allowed``, ``course_not_over``,
    ``course_has_results``.
    """
    course = Course.objects.select_for_update().get(pk=course.pk)
    if status not in CourseStatus.values:
        raise CourseError("unknown_status", _("This is not a status of a course."))
    if status not in COURSE_TRANSITIONS[course.status]:
        raise CourseError(
            "status_not_allowed",
            _("A course that is “%(current)s” cannot become “%(target)s”.")
            % {"current": course.get_status_display(), "target": CourseStatus(status).label},
        )
    if status == CourseStatus.FINISHED and not course.is_finished_on(today):
        raise CourseError(
            "course_not_over",
            _("The course can be finished once its last session has taken place."),
        )
    if status == CourseStatus.CANCELLED and ExamResult.objects.filter(exam__course=course).exists():
        raise CourseError(
            "course_has_results", _("A course with exam results cannot be cancelled.")
        )
    course.status = status
    course.save(update_fields=["status", "updated_at"])
    return course


ADMISSION_RULE_PERMISSION = "courses.set_admission_rule"
ADMISSION_RULE_FIELDS = ("min_attendance_percent", "excused_absence")


def check_course_changes(changed_fields, *, user, course=None, reason: str = "") -> str:
    """Refuse a course save in which ``user`` changes a field only coordinators may set.

    Every course form calls it before saving. Raises ``coordinator_only`` when a user
    without the ``set_admission_rule`` permission changes the minimum attendance for
    exam admission or how excused absences count (``excused_absence``): a trainer
    who lowered either would admit people to the exam whom the programme would not.
    Once exam results of ``course`` exist, even a coordinator changes it only with a
    ``reason`` (``reason_required``), which the caller keeps in the course's history;
    returns the stripped reason.
    """
    reason = (reason or "").strip()
    if not set(changed_fields) & set(ADMISSION_RULE_FIELDS):
        return reason
    if not user.has_perm(ADMISSION_RULE_PERMISSION):
        raise CourseError(
            "coordinator_only",
            _("Only a coordinator sets the minimum attendance for exam admission.")
            if "min_attendance_percent" in changed_fields
            else _("Only a coordinator sets how excused absences count for exam admission."),
        )
    has_results = course is not None and course.pk is not None
    if has_results and not reason and ExamResult.objects.filter(exam__course=course).exists():
        raise CourseError(
            "reason_required",
            _(
                "Exam results have been recorded for this course: give a reason for "
                "changing the minimum attendance."
            ),
            field="admission_rule_reason",
        )
    return reason
