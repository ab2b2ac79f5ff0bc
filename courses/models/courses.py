"""Courses: one group of sessions with trainers, a minimum attendance and a status."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords, MultipleChoiceField
from core.languages import Language
from core.roles import Role, has_role, sees_everything
from courses.models.curriculum import CurriculumModule


class CourseStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    CANCELLED = "cancelled", _("cancelled")


class CourseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators see every course; a trainer the courses they teach or co-teach."""
        if sees_everything(user):
            return self
        if has_role(user, Role.TRAINER):
            # A subquery rather than a join, so no duplicates and no DISTINCT.
            own = Course.trainers.through.objects.filter(user=user).values("course_id")
            co = Course.co_trainers.through.objects.filter(user=user).values("course_id")
            return self.filter(Q(pk__in=own) | Q(pk__in=co))
        return self.none()


class Course(models.Model):
    """One Mietführerschein course: several weeks of sessions for a small group."""

    # Its name names no person, so the admin's action log may show it (core.audit).
    log_label_from_str = True

    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(
        _("location"), max_length=200, help_text=_("E.g. “Stadtteilbüro Altenhagen”.")
    )
    district = models.ForeignKey(
        "housing.District",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("district"),
    )
    instruction_languages = MultipleChoiceField(
        _("languages of instruction"), choices=Language.choices, blank=False
    )
    interpretation_languages = MultipleChoiceField(
        _("languages of interpretation"), choices=Language.choices
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="courses_trained",
        verbose_name=_("trainers"),
        limit_choices_to={"groups__name": Role.TRAINER},
    )
    co_trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="courses_co_trained",
        verbose_name=_("co-trainers"),
        limit_choices_to={"groups__name": Role.TRAINER},
        help_text=_("Native-speaker co-trainers; they see and run the course like trainers."),
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=12)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=16, choices=CourseStatus.choices, default=CourseStatus.PLANNED
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance for exam admission (%)"), default=80
    )
    modules = models.ManyToManyField(
        CurriculumModule, blank=True, related_name="courses", verbose_name=_("modules")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[trainers, co_trainers])
    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        # Who admits to the exam is a programme rule, not a trainer's choice.
        permissions = [
            ("set_admission_rule", _("Can set the minimum attendance for exam admission"))
        ]
        constraints = [
            models.CheckConstraint(
                name="course_end_not_before_start",
                condition=Q(end_date__gte=F("start_date")),
                violation_error_message=_("The end of the course cannot be before its start."),
            ),
            models.CheckConstraint(
                name="course_capacity_positive",
                condition=Q(capacity__gte=1),
                violation_error_message=_("A course needs room for at least one participant."),
            ),
            models.CheckConstraint(
                name="course_min_attendance_percent_range",
                condition=Q(min_attendance_percent__lte=100),
                violation_error_message=_("The minimum attendance is a percentage (0–100)."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_date:%d.%m.%Y})"

    def taught_period(self) -> tuple[dt.date, dt.date]:
        """First and last session that is not cancelled: the course's real period.

        The certificate states it ("vom … bis zum … teilgenommen"); without sessions,
        the planned dates. One query.
        """
        dates = self.sessions.filter(cancelled=False).aggregate(
            first=models.Min("date"), last=models.Max("date")
        )
        return dates["first"] or self.start_date, dates["last"] or self.end_date

    def is_finished_on(self, today: dt.date | None = None) -> bool:
        """The course's last session (not cancelled) has taken place by ``today``.

        Certificates wait for it (``certificates.services.issue_certificate``).
        """
        return self.taught_period()[1] <= (today or timezone.localdate())
