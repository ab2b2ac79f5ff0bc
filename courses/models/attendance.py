"""Attendance: whether one enrolled person came to one session."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from courses.models.courses import Course
from courses.models.sessions import Session


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    LATE = "late", _("late")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


# Late still means the person took part; excused and absent do not count as attended.
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(session__course__in=Course.objects.visible_to(user).values("pk"))

    def counted(self):
        """Entries that count for the attendance figure: all but the excused absences of a
        course that leaves them out (``Course.excused_absence``)."""
        return self.exclude(_left_out())

    def of_held_sessions(self, as_of=None):
        """Entries of sessions held by ``as_of`` (``SessionQuerySet.held``: an entry's
        session has attendance taken), as a join instead of "session in every held
        session of the programme"."""
        from courses.models.sessions import held_on_or_before

        return self.filter(held_on_or_before(as_of, prefix="session__"))

    def left_out(self):
        """The entries ``counted()`` leaves out (written as a filter, not as "all but
        counted()": that was a subquery over every attendance entry of the programme)."""
        return self.filter(_left_out())

    def attended(self):
        """Entries that count as attended: on time or late, and an excused absence where the
        course counts it as attended. The one definition, used by
        ``EnrolmentQuerySet.with_attendance`` and the programme figures."""
        from courses.models.courses import ExcusedAbsence

        return self.filter(
            Q(status__in=ATTENDED)
            | Q(
                status=AttendanceStatus.EXCUSED,
                session__course__excused_absence=ExcusedAbsence.ATTENDED,
            )
        )


def _left_out() -> Q:
    """An excused absence in a course that leaves excused absences out of the figure."""
    from courses.models.courses import ExcusedAbsence

    return Q(
        status=AttendanceStatus.EXCUSED, session__course__excused_absence=ExcusedAbsence.LEFT_OUT
    )


class Attendance(models.Model):
    """Whether one enrolled participant came to one session.

    ``version`` grows by one with every change; a save that started from an older
    version is a conflict (someone else saved in between) and is refused.
    """

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("enrolment"),
    )
    status = models.CharField(_("attendance"), max_length=16, choices=AttendanceStatus.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    history = HistoricalRecords()
    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["session", "enrolment"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="attendance_one_per_session_and_enrolment"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment.participant} {self.session}: {self.get_status_display()}"
