"""How the courses app meets other apps without importing them.

- What courses adds to other apps' screens (registered in ``CoursesConfig.ready``):
  the household timeline section below.
- What courses asks of apps it must not depend on: the certificates app depends on
  courses, never the reverse, so it registers a lookup here from its own
  ``AppConfig.ready()`` (``register_certificate_lookup``), as it does for housing.
"""

from collections.abc import Callable

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core import formats

# --- Certificates (registered by the certificates app) ---------------------------------

_certificate_lookup: Callable[[int], str | None] | None = None


def register_certificate_lookup(fn: Callable[[int], str | None]) -> None:
    """``fn(enrolment_id)`` returns the number of the enrolment's certificate that is
    not revoked (whatever its rendering state), or None."""
    global _certificate_lookup
    _certificate_lookup = fn


def certificate_number(enrolment_id: int) -> str | None:
    """The number of a certificate issued for the enrolment and not revoked, or None.

    Without the certificates app nothing can have been issued, so the answer is None.
    """
    if _certificate_lookup is None:
        return None
    return _certificate_lookup(enrolment_id)


def issue_url(course_id: int, user) -> str | None:
    """The certificates app's issue screen of a course, for users who may issue; else None.

    By URL name only: courses does not import the certificates app.
    """
    if not apps.is_installed("certificates") or not user.has_perm("certificates.issue_certificate"):
        return None
    try:
        return reverse("certificates_course", args=[course_id])
    except NoReverseMatch:
        return None


def without_certificate(enrolments):
    """``enrolments`` that hold no certificate yet (none issued, none revoked).

    Through the reverse relation the certificates app adds to enrolments; without
    that app nothing has been issued. Revoked ones are left out too: issuing again
    after a revocation is a coordinator's re-issue, not a waiting certificate.
    """
    if not apps.is_installed("certificates"):
        return enrolments
    return enrolments.filter(certificates__isnull=True)


# --- The household timeline ------------------------------------------------------------


def household_timeline_entries(household, user):
    """Enrolments (with attendance) and exam attempts of a household's members.

    Limited to the courses the user may see; two queries however many records.
    """
    from courses.models import AdmissionState, Enrolment, ExamResult
    from housing.timeline import Entry

    enrolments = list(
        Enrolment.objects.visible_to(user)
        .filter(participant__household=household)
        .select_related("participant", "course")
        .with_admission()
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
        lines.append(
            _("Exam admission: %(state)s") % {"state": enrolment.get_admission_state_display()}
        )
        yield Entry(
            enrolment.enrolled_at.date(),
            "courses",
            _("%(name)s enrolled in “%(course)s”")
            % {"name": enrolment.participant.full_name, "course": enrolment.course.title},
            lines,
            reverse("courses_overview", args=[enrolment.course_id]),
            warning=enrolment.admission_state == AdmissionState.BELOW_MINIMUM,
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
                "percent": formats.number(result.percent),
            },
            warning=not result.passed,
        )
