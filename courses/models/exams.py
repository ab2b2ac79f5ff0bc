"""Exams, their parts and the results of each attempt."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from core.languages import Language
from courses.models.courses import Course
from courses.models.enrolment import Enrolment


class ExamFormat(models.TextChoices):
    WRITTEN = "written", _("written")
    ORAL = "oral", _("oral")
    PICTORIAL = "pictorial", _("pictorial")


class ExamQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(course__in=Course.objects.visible_to(user).values("pk"))


class Exam(models.Model):
    """The final exam of a course; resits are further attempts at the same exam."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="exams", verbose_name=_("course")
    )
    date = models.DateField(_("date"))
    format = models.CharField(
        _("format"), max_length=16, choices=ExamFormat.choices, default=ExamFormat.WRITTEN
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.GERMAN
    )
    interpreter = models.CharField(
        _("interpreter"), max_length=200, blank=True, help_text=_("Name and language, if any.")
    )
    committee = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="exam_committees",
        verbose_name=_("exam committee"),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(_("pass mark (%)"), default=60)

    history = HistoricalRecords()
    objects = ExamQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("exam")
        verbose_name_plural = _("exams")
        constraints = [
            models.CheckConstraint(
                name="exam_pass_mark_percent_range",
                condition=Q(pass_mark_percent__gte=1) & Q(pass_mark_percent__lte=100),
                violation_error_message=_("The pass mark is a percentage (1–100)."),
            ),
        ]

    def __str__(self):
        return f"{self.get_format_display()} {self.date:%d.%m.%Y}"

    def admission_as_of(self, today: dt.date | None = None) -> dt.date:
        """The day attendance is counted up to for admission: the exam date, never past today.

        Before the exam, a session that has not happened yet cannot count, even if
        someone filled in its list early.
        """
        return min(self.date, today or timezone.localdate())


class ExamPart(models.Model):
    exam = models.ForeignKey(
        Exam, on_delete=models.CASCADE, related_name="parts", verbose_name=_("exam")
    )
    name = models.CharField(_("name"), max_length=120)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["exam", "sort_order", "pk"]
        verbose_name = _("exam part")
        verbose_name_plural = _("exam parts")
        constraints = [
            models.CheckConstraint(
                name="exampart_max_points_positive",
                condition=Q(max_points__gte=1),
                violation_error_message=_("A part needs at least one point."),
            ),
            models.UniqueConstraint(fields=["exam", "name"], name="exampart_unique_name_per_exam"),
        ]

    def __str__(self):
        return f"{self.name} ({self.max_points})"


class ExamResultQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(exam__course__in=Course.objects.visible_to(user).values("pk"))


class ExamResult(models.Model):
    """One attempt by one participant at one exam.

    ``part_points`` maps an ExamPart id (as text) to the points scored; ``total_points``,
    ``max_points``, ``percent`` and ``passed`` are computed by the service when saving,
    so lists and the certificate query never recompute them.

    ``version`` grows by one with every correction; a correction that started from an
    older version is refused (someone else corrected the attempt in between). The
    reason of a correction is kept with its history record (``history_change_reason``).
    """

    # Read by the change history page (core/history.py): corrections carry a reason,
    # and a flip between passed and not passed is marked there.
    history_shows_reason = True
    history_highlights = {"passed": _("pass/fail changed")}

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="results", verbose_name=_("enrolment")
    )
    exam = models.ForeignKey(
        Exam, on_delete=models.PROTECT, related_name="results", verbose_name=_("exam")
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    date = models.DateField(_("date"))
    part_points = models.JSONField(_("points per part"), default=dict)
    total_points = models.PositiveIntegerField(_("points"), default=0)
    max_points = models.PositiveIntegerField(_("maximum points"), default=0)
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=1, default=Decimal(0))
    passed = models.BooleanField(_("passed"), default=False)
    admitted_by_exception = models.BooleanField(_("admitted by exception"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    # Room for the trainer's reason of a correction (the default holds 100 characters).
    history = HistoricalRecords(
        history_change_reason_field=models.CharField(max_length=255, null=True)
    )
    objects = ExamResultQuerySet.as_manager()

    class Meta:
        ordering = ["enrolment", "attempt"]
        verbose_name = _("exam result")
        verbose_name_plural = _("exam results")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "exam", "attempt"], name="examresult_one_per_attempt"
            ),
            models.CheckConstraint(name="examresult_attempt_positive", condition=Q(attempt__gte=1)),
            models.CheckConstraint(
                name="examresult_points_within_max",
                condition=Q(total_points__lte=F("max_points")),
                violation_error_message=_("The points cannot exceed the maximum."),
            ),
        ]

    def __str__(self):
        return f"{self.enrolment.participant}: {self.attempt}. {_('attempt')}"
