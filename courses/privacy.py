"""What the courses app holds about a person, for the privacy app (see core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import AccessView, Holding

HOLDINGS = [
    Holding(
        "courses.Enrolment",
        person="participant",
        scrub={"withdrawal_reason": "", "admission_override_reason": ""},
        reason=_("Kept without identity: the course's figures (enrolled, passed) count it."),
    ),
    Holding(
        "courses.Attendance",
        person="enrolment__participant",
        scrub={"note": ""},
        reason=_("Status per session stays for the course's attendance figures."),
    ),
    Holding(
        "courses.ExamResult",
        person="enrolment__participant",
        reason=_("Points and outcome name no one once the participant is anonymised."),
    ),
]

# The course exports list the participants' names and results: each download is logged.
ACCESS_VIEWS = [
    AccessView("courses_attendance_export", "list_export"),
    AccessView("courses_results_export", "list_export"),
    AccessView("courses_result_sheet", "list_export"),
]
