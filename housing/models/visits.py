"""Klartext home visits and the follow-ups companions work through."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from core.languages import Language
from core.roles import Role, has_role, sees_everything
from housing.models.people import companion_rule


class _HouseholdScopedQuerySet(models.QuerySet):
    household_path = "household"

    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            return self.filter(**{f"{self.household_path}__companions": user})
        return self.none()


class VisitOutcome(models.TextChoices):
    HELD = "held", _("visit held")
    SHORT = "short", _("short contact only")
    NOT_HOME = "not_home", _("nobody at home")
    CANCELLED = "cancelled", _("cancelled by the household")


class HomeVisitQuerySet(_HouseholdScopedQuerySet):
    pass


class HomeVisit(models.Model):
    """One Klartext home visit: who went, what was talked about, what was agreed."""

    household = models.ForeignKey(
        "housing.Household",
        on_delete=models.PROTECT,
        related_name="visits",
        verbose_name=_("household"),
    )
    companions = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="home_visits",
        verbose_name=_("companions"),
        limit_choices_to=companion_rule,
    )
    date = models.DateField(_("date of the visit"), default=timezone.localdate)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(600)],
    )
    language = models.CharField(
        _("language used"), max_length=8, choices=Language.choices, default=Language.GERMAN
    )
    interpreted = models.BooleanField(_("with interpreter"), default=False)
    present = models.CharField(
        _("who was present"), max_length=255, blank=True, help_text=_("e.g. both parents, Ioana")
    )
    topics = models.ManyToManyField(
        "courses.CurriculumModule",
        blank=True,
        related_name="home_visits",
        verbose_name=_("topics"),
    )
    free_topics = models.CharField(_("other topics"), max_length=255, blank=True)
    observations = models.TextField(_("observations"), blank=True)
    agreed_actions = models.TextField(_("agreed actions"), blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    next_visit = models.DateField(_("next planned visit"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=VisitOutcome.choices, default=VisitOutcome.HELD
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("logged by"),
    )
    # Made by the phone for each draft: a draft sent twice (offline queue, double
    # tap, a retry after a lost answer) finds the visit it already created.
    client_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[companions, topics])
    objects = HomeVisitQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("home visit")
        verbose_name_plural = _("home visits")
        indexes = [
            # A household's latest visit (caseload: last and next visit) and its visits
            # newest first (timeline): one index step instead of sorting every visit.
            models.Index(fields=["household", "-date", "-id"], name="homevisit_household_latest"),
        ]
        constraints = [
            models.CheckConstraint(
                name="visit_duration_positive",
                condition=Q(duration_minutes__gt=0),
                violation_error_message=_("The duration must be at least one minute."),
            ),
        ]

    def __str__(self):
        return f"{self.household} – {self.date:%d.%m.%Y}"

    def clean(self):
        # The visit's own rules, for every path: the services run them (``_checked``)
        # and the admin's generic form shows them on its fields.
        super().clean()
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = ValidationError(
                _("A visit cannot be logged for a day in the future."), code="visit_in_future"
            )
        if self.date and self.follow_up_due and self.follow_up_due < self.date:
            errors["follow_up_due"] = _("The follow-up cannot be due before the visit.")
        if self.date and self.next_visit and self.next_visit <= self.date:
            errors["next_visit"] = _("The next visit must be after this one.")
        if errors:
            raise ValidationError(errors)


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")


class FollowUpQuerySet(_HouseholdScopedQuerySet):
    def open(self):
        return self.filter(status=FollowUpStatus.OPEN)

    def overdue(self, today):
        """Open follow-ups whose due day is before ``today``: the one "overdue" rule.

        Views, the timeline, the caseload, the start page and the reminders all ask
        this method (or ``with_overdue``, which annotates the same condition).
        """
        return self.filter(_overdue(today))

    def with_overdue(self, today):
        """Annotate ``is_overdue`` with the condition ``overdue(today)`` filters on."""
        return self.annotate(
            is_overdue=ExpressionWrapper(_overdue(today), output_field=models.BooleanField())
        )


def _overdue(today) -> Q:
    return Q(status=FollowUpStatus.OPEN, due_on__lt=today)


class FollowUp(models.Model):
    """Something a companion must do for a household by a date: from a concern or a visit."""

    household = models.ForeignKey(
        "housing.Household",
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("household"),
    )
    concern = models.ForeignKey(
        "housing.LandlordConcern",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("landlord concern"),
    )
    source_visit = models.ForeignKey(
        HomeVisit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups_created",
        verbose_name=_("from visit"),
    )
    title = models.CharField(_("what to do"), max_length=255)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=8, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    resolved_by_visit = models.ForeignKey(
        HomeVisit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups_resolved",
        verbose_name=_("resolved by visit"),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [
            # The caseload's overdue count and first due date per household read only
            # open follow-ups, by due date: a small partial index.
            models.Index(
                fields=["household", "due_on"],
                condition=models.Q(status="open"),
                name="followup_open_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="follow_up_done_has_date",
                condition=Q(status="open") | Q(done_on__isnull=False),
                violation_error_message=_("A completed follow-up needs the date it was done."),
            ),
        ]

    def __str__(self):
        return self.title


def _feed_token() -> str:
    import secrets

    return secrets.token_urlsafe(24)  # 192 random bits, not derived from any id


class CalendarFeed(models.Model):
    """A companion's personal calendar (ICS) of planned visits behind a secret URL.

    The URL works without signing in (calendar apps cannot sign in), so the feed
    shows no names: household number and district only. A new token revokes the old.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.user} ({self.created_at:%d.%m.%Y})"

    def renew(self):
        self.token = _feed_token()
        self.save(update_fields=["token", "created_at"])


class DigestSent(models.Model):
    """One morning digest per person and day: the job may run twice, it mails once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="digest_once_per_user_and_day")
        ]

    def __str__(self):
        return f"{self.user} {self.day:%d.%m.%Y}"
