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
        from courses.models.courses import ExcusedAbsence

        return self.exclude(
            status=AttendanceStatus.EXCUSED,
            session__course__excused_absence=ExcusedAbsence.LEFT_OUT,
        )

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
