"""Sessions (Termine) of a course, and the one definition of a "held" session."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from courses.models.courses import Course
from courses.models.curriculum import CurriculumModule


def held_on_or_before(as_of: dt.date | None = None, *, prefix: str = "") -> Q:
    """A session neither cancelled nor after ``as_of``: with attendance taken, "held".

    ``prefix`` reaches the session from another model (``"session__"`` from an
    attendance entry, whose session has attendance taken by its very existence).
    """
    return Q(**{f"{prefix}cancelled": False, f"{prefix}date__lte": as_of or timezone.localdate()})


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(course__in=Course.objects.visible_to(user).values("pk"))

    def held(self, as_of: dt.date | None = None):
        """Sessions that count for attendance: the one definition of "held".

        Not cancelled, on or before ``as_of`` (today by default), and attendance has
        been taken: a session whose list is not filled in yet must not push everyone
        below the minimum. ``EnrolmentQuerySet.with_attendance`` counts these.
        """
        from courses.models.attendance import Attendance  # attendance refers to sessions

        # EXISTS per session (the attendance's session index), not "pk IN every
        # session id of the attendance table", which PostgreSQL hashed for each use.
        return self.filter(
            held_on_or_before(as_of), Exists(Attendance.objects.filter(session=OuterRef("pk")))
        )


class Session(models.Model):
    """One meeting (Termin) of a course."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("course")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    modules = models.ManyToManyField(
        CurriculumModule, blank=True, related_name="sessions", verbose_name=_("modules")
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions_led",
        verbose_name=_("trainer"),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancel_reason = models.CharField(_("reason for cancellation"), max_length=255, blank=True)

    history = HistoricalRecords()
    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                name="session_end_after_start",
                condition=Q(end_time__gt=F("start_time")),
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                name="session_cancelled_has_reason",
                condition=Q(cancelled=False) | ~Q(cancel_reason=""),
                violation_error_message=_("Give a reason when cancelling a session."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def is_today(self) -> bool:
        """Marked "heute" on the course screens (the server's local date)."""
        return self.date == timezone.localdate()
