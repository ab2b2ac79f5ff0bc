"""Course settings that only coordinators may change (minimum attendance)."""

from django.utils.translation import gettext as _

from courses.models import (
    ExamResult,
)
from courses.services.errors import CourseError

ADMISSION_RULE_PERMISSION = "courses.set_admission_rule"
ADMISSION_RULE_FIELDS = ("min_attendance_percent",)


def check_course_changes(changed_fields, *, user, course=None, reason: str = "") -> str:
    """Refuse a course save in which ``user`` changes a field only coordinators may set.

    Every course form calls it before saving. Raises ``coordinator_only`` when a user
    without the ``set_admission_rule`` permission changes the minimum attendance for
    exam admission: a trainer who lowered it would admit people to the exam whom the
    programme would not. Once exam results of ``course`` exist, even a coordinator
    changes it only with a ``reason`` (``reason_required``), which the caller keeps
    in the course's history; returns the stripped reason.
    """
    reason = (reason or "").strip()
    if not set(changed_fields) & set(ADMISSION_RULE_FIELDS):
        return reason
    if not user.has_perm(ADMISSION_RULE_PERMISSION):
        raise CourseError(
            "coordinator_only",
            _("Only a coordinator sets the minimum attendance for exam admission."),
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
