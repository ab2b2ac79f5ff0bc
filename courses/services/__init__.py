"""State changes of courses, one module per concept (the same names as ``courses/models/``).

Views parse input, call one of these functions and render. Every function runs in
one transaction and either does all it promises or nothing; on bad input it raises
``CourseError`` with a machine-readable ``code`` and a German-translatable message.
Error codes are listed in each function's docstring.
"""

from courses.services.attendance import AttendanceConflict, AttendanceEntry, record_attendance
from courses.services.courses import (
    ADMISSION_RULE_FIELDS,
    ADMISSION_RULE_PERMISSION,
    COURSE_TRANSITIONS,
    change_course_status,
    check_course_changes,
)
from courses.services.enrolment import (
    admission,
    can_override_admission,
    enrol,
    override_admission,
    withdraw,
)
from courses.services.errors import CourseError
from courses.services.exams import (
    DEFAULT_PASS_MARK,
    REASON_MAX_LENGTH,
    ResultConflict,
    correct_exam_result,
    outcome,
    record_exam_result,
    save_exam,
)
from courses.services.sessions import cancel_session, create_weekly_sessions, move_session

__all__ = [
    "ADMISSION_RULE_FIELDS",
    "ADMISSION_RULE_PERMISSION",
    "COURSE_TRANSITIONS",
    "DEFAULT_PASS_MARK",
    "REASON_MAX_LENGTH",
    "AttendanceConflict",
    "AttendanceEntry",
    "CourseError",
    "ResultConflict",
    "admission",
    "can_override_admission",
    "cancel_session",
    "change_course_status",
    "check_course_changes",
    "correct_exam_result",
    "create_weekly_sessions",
    "enrol",
    "move_session",
    "outcome",
    "override_admission",
    "record_attendance",
    "record_exam_result",
    "save_exam",
    "withdraw",
]
