"""What the courses app adds to other apps' screens (registered in CoursesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _


def household_timeline_entries(household, user):
    """Enrolments (with attendance) and exam attempts of a household's members.

    Limited to the courses the user may see; two queries however many records.
    """
    from courses.models import Enrolment, ExamResult
    from housing.timeline import Entry

    enrolments = list(
        Enrolment.objects.visible_to(user)
        .filter(participant__household=household)
        .select_related("participant", "course")
        .with_attendance()
    )
    for enrolment in enrolments:
        lines = [enrolment.get_status_display()]
        if enrolment.attendance_percent is not None:
            lines.append(
                _("Attendance: %(attended)s of %(held)s sessions (%(percent)s %%)")
                % {
                    "attended": enrolment.sessions_attended,
                    "held": enrolment.sessions_held,
                    "percent": enrolment.attendance_percent,
                }
            )
        yield Entry(
            enrolment.enrolled_at.date(),
            "courses",
            _("%(name)s enrolled in “%(course)s”")
            % {"name": enrolment.participant.full_name, "course": enrolment.course.title},
            lines,
            reverse("course_tasks:overview", args=[enrolment.course_id]),
            warning=enrolment.below_minimum(enrolment.course.min_attendance_percent),
        )
    results = ExamResult.objects.filter(enrolment__in=[e.pk for e in enrolments]).select_related(
        "enrolment__participant"
    )
    for result in results:
        yield Entry(
            result.date,
            "courses",
            _("%(name)s: exam attempt %(attempt)s %(outcome)s (%(percent)s %%)")
            % {
                "name": result.enrolment.participant.full_name,
                "attempt": result.attempt,
                "outcome": _("passed") if result.passed else _("not passed"),
                "percent": result.percent,
            },
            warning=not result.passed,
        )
