"""Courses, one module per concept.

The same names as in ``services/``, ``admin_views/`` and ``tests/courses/``:

curriculum · courses · sessions · enrolment (with exam admission) · attendance · exams.
State changes go through ``courses/services/``; the models hold the data, the
invariants the database can check, and the read rules (``visible_to``,
``with_admission``, ``eligible_for_certificate``).
"""

from courses.models.attendance import ATTENDED, Attendance, AttendanceQuerySet, AttendanceStatus
from courses.models.courses import Course, CourseQuerySet, CourseStatus, ExcusedAbsence
from courses.models.curriculum import CurriculumModule, CurriculumModuleQuerySet
from courses.models.enrolment import (
    ADMITTED_STATES,
    OPEN_STATUSES,
    AdmissionState,
    Enrolment,
    EnrolmentQuerySet,
    EnrolmentStatus,
    attendance_percent,
    course_attendance_percent,
)
from courses.models.exams import (
    Exam,
    ExamFormat,
    ExamPart,
    ExamQuerySet,
    ExamResult,
    ExamResultQuerySet,
)
from courses.models.sessions import Session, SessionQuerySet

__all__ = [
    "ADMITTED_STATES",
    "ATTENDED",
    "OPEN_STATUSES",
    "AdmissionState",
    "Attendance",
    "AttendanceQuerySet",
    "AttendanceStatus",
    "Course",
    "CourseQuerySet",
    "CourseStatus",
    "CurriculumModule",
    "CurriculumModuleQuerySet",
    "Enrolment",
    "EnrolmentQuerySet",
    "EnrolmentStatus",
    "Exam",
    "ExamFormat",
    "ExamPart",
    "ExamQuerySet",
    "ExamResult",
    "ExamResultQuerySet",
    "ExcusedAbsence",
    "Session",
    "SessionQuerySet",
    "attendance_percent",
    "course_attendance_percent",
]
