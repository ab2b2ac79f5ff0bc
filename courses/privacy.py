"""What the courses app holds about a person, for the privacy app (see core.personal_data)."""

from core.personal_data import Holding

HOLDINGS = [
    Holding(
        "courses.Enrolment",
        person="participant",
        scrub={"withdrawal_reason": "", "admission_override_reason": ""},
        reason="Kept without identity: the course's figures (enrolled, passed) count it.",
    ),
    Holding(
        "courses.Attendance",
        person="enrolment__participant",
        scrub={"note": ""},
        reason="Status per session stays for the course's attendance figures.",
    ),
    Holding(
        "courses.ExamResult",
        person="enrolment__participant",
        reason="Points and outcome name no one once the participant is anonymised.",
    ),
]
