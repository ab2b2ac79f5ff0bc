"""ESF Plus monitoring data: one entry record per participation, its exit, the six-month
follow-up, and the log of report downloads.

An entry record keeps what the report needs *without* identity: gender, the age at
entry (computed from the date of birth when recorded) and the district at entry are
stored here, so the report never reads the person's date of birth or address and
keeps counting after the person is anonymised (GDPR erasure, issue 14).

State changes go through ``monitoring/services.py``; what each field means for the
funder's indicators is in ``monitoring/indicators.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from core.roles import sees_everything


class Gender(models.TextChoices):
    """The three categories ESF Plus reports."""

    WOMAN = "woman", _("woman")
    MAN = "man", _("man")
    NON_BINARY = "non_binary", _("non-binary")


class LabourStatus(models.TextChoices):
    EMPLOYED = "employed", _("employed (incl. self-employed)")
    UNEMPLOYED = "unemployed", _("unemployed (registered or seeking work)")
    LONG_TERM_UNEMPLOYED = (
        "long_term_unemployed",
        _("long-term unemployed (12 months or more; under 25: 6 months or more)"),
    )
    INACTIVE = "inactive", _("inactive, not in education or training")
    INACTIVE_IN_EDUCATION = "inactive_in_education", _("inactive, in education or training")


class Isced(models.TextChoices):
    """The three ISCED 2011 groups the funder counts (EECO09–EECO11)."""

    LOW = "0-2", _("ISCED 0–2 (primary and lower secondary)")
    MEDIUM = "3-4", _("ISCED 3–4 (upper secondary and post-secondary)")
    HIGH = "5-8", _("ISCED 5–8 (tertiary)")


class Education(models.TextChoices):
    """Highest education, as staff ask for it in Germany; ``ISCED_OF`` maps each to ISCED.

    A qualification gained abroad counts at the level it was attained, recognised in
    Germany or not (ISCED describes attainment, not recognition).
    """

    NONE = "none", _("no school-leaving qualification")
    HAUPTSCHULE = "hauptschule", _("Hauptschulabschluss")
    MITTLERE_REIFE = "mittlere_reife", _("Realschulabschluss / Mittlere Reife")
    ABITUR = "abitur", _("Abitur / Fachhochschulreife")
    VOCATIONAL = "vocational", _("vocational training (Berufsausbildung)")
    MASTER_CRAFTSMAN = "master_craftsman", _("Meister / Techniker")
    UNIVERSITY = "university", _("university degree (Hochschulabschluss)")
    FOREIGN_SCHOOL = (
        "foreign_school",
        _("gained abroad, not recognised: school up to lower secondary"),
    )
    FOREIGN_SECONDARY = (
        "foreign_secondary",
        _("gained abroad, not recognised: upper secondary or vocational"),
    )
    FOREIGN_TERTIARY = "foreign_tertiary", _("gained abroad, not recognised: university")


ISCED_OF = {
    Education.NONE: Isced.LOW,
    Education.HAUPTSCHULE: Isced.LOW,
    Education.MITTLERE_REIFE: Isced.LOW,
    Education.ABITUR: Isced.MEDIUM,
    Education.VOCATIONAL: Isced.MEDIUM,
    Education.MASTER_CRAFTSMAN: Isced.HIGH,
    Education.UNIVERSITY: Isced.HIGH,
    Education.FOREIGN_SCHOOL: Isced.LOW,
    Education.FOREIGN_SECONDARY: Isced.MEDIUM,
    Education.FOREIGN_TERTIARY: Isced.HIGH,
}


def educations_in(isced: str) -> list[str]:
    return [education for education, group in ISCED_OF.items() if group == isced]


class Nationality(models.TextChoices):
    GERMAN = "german", _("German")
    EU = "eu", _("other EU country")
    THIRD_COUNTRY = "third_country", _("third country (outside the EU)")


class YesNo(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")


class HousingExclusion(models.TextChoices):
    """A short list after the ETHOS typology of homelessness and housing exclusion."""

    NONE = "none", _("not affected")
    ROOFLESS = "roofless", _("roofless: sleeping rough, night shelter (ETHOS 1–2)")
    HOUSELESS = (
        "houseless",
        _("houseless: hostel, shelter, refugee accommodation, women's refuge (ETHOS 3–7)"),
    )
    INSECURE = (
        "insecure",
        _("insecure: staying with friends, no tenancy, threatened with eviction (ETHOS 8–10)"),
    )
    INADEQUATE = (
        "inadequate",
        _("inadequate: unfit housing, temporary structure, extreme overcrowding (ETHOS 11–13)"),
    )


class SpecialAnswer(models.TextChoices):
    """Answers to a special-category question (GDPR Art. 9): always optional.

    "Not stated" records that the person was asked and chose not to answer; an empty
    value means nobody has asked yet.
    """

    YES = "yes", _("yes")
    NO = "no", _("no")
    NOT_STATED = "not_stated", _("not stated (keine Angabe)")


class MonitoringQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Monitoring data is the coordinators' business alone.
        return self if sees_everything(user) else self.none()


class EntryRecordQuerySet(MonitoringQuerySet):
    def complete(self):
        """Records with the mandatory entry data: gender, labour status and education."""
        return self.exclude(gender="").exclude(labour_status="").exclude(education="")

    def incomplete(self):
        return self.filter(Q(gender="") | Q(labour_status="") | Q(education=""))


class Recorded(models.Model):
    """Who recorded a record and when, and who changed it last."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class EntryRecord(Recorded):
    """The ESF Plus entry data of one participation, recorded within four weeks of entry."""

    participant = models.ForeignKey(
        "housing.Participant",
        # Kept when the person is deleted or anonymised: the figures must go on counting.
        on_delete=models.SET_NULL,
        null=True,
        related_name="monitoring_entries",
        verbose_name=_("participant"),
    )
    entry_date = models.DateField(_("date of entry"))
    age_at_entry = models.PositiveSmallIntegerField(
        _("age at entry"), help_text=_("Computed from the date of birth when recorded.")
    )
    district = models.ForeignKey(
        "housing.District",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("district at entry"),
    )
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    labour_status = models.CharField(
        _("labour market status on entry"),
        max_length=32,
        choices=LabourStatus.choices,
        blank=True,
    )
    education = models.CharField(
        _("highest education"), max_length=32, choices=Education.choices, blank=True
    )
    nationality = models.CharField(
        _("nationality"), max_length=16, choices=Nationality.choices, blank=True
    )
    foreign_background = models.CharField(
        _("foreign background"),
        max_length=8,
        choices=YesNo.choices,
        blank=True,
        help_text=_("Born abroad, or at least one parent born abroad."),
    )
    housing_exclusion = models.CharField(
        _("homeless or affected by housing exclusion"),
        max_length=16,
        choices=HousingExclusion.choices,
        blank=True,
    )
    # Special categories (GDPR Art. 9): optional, coordinators only, never per person
    # in an export.
    minority = models.CharField(
        _("belongs to a minority (incl. Roma)"),
        max_length=16,
        choices=SpecialAnswer.choices,
        blank=True,
    )
    disability = models.CharField(
        _("has a disability"), max_length=16, choices=SpecialAnswer.choices, blank=True
    )

    history = HistoricalRecords()
    objects = EntryRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-entry_date", "-pk"]
        verbose_name = _("entry record")
        verbose_name_plural = _("entry records")
        permissions = [
            ("view_special_categories", _("Can see special-category data (GDPR Art. 9)")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "entry_date"],
                name="entryrecord_one_per_participant_and_entry_date",
                violation_error_message=_("This participation already has entry data."),
            ),
        ]
        indexes = [models.Index(fields=["entry_date"], name="entryrecord_entry_date")]

    def __str__(self):
        who = self.participant.full_name if self.participant_id else _("(anonymised)")
        return f"{who} – {self.entry_date:%d.%m.%Y}"

    @property
    def is_complete(self) -> bool:
        return bool(self.gender and self.labour_status and self.education)

    @property
    def isced(self) -> str:
        group = ISCED_OF.get(self.education)
        return group.label if group else ""


class ExitReason(models.TextChoices):
    COMPLETED = "completed", _("completed the programme")
    EMPLOYMENT = "employment", _("left early: took up work or training")
    MOVED = "moved", _("left early: moved away")
    DROPPED_OUT = "dropped_out", _("left early: dropped out, no contact")
    OTHER = "other", _("left early: other reason")


class ExitSituation(models.TextChoices):
    """The situation upon leaving; only the latest within four weeks of the exit counts."""

    JOB_SEARCHING = "job_searching", _("engaged in job searching")
    EDUCATION = "education", _("in education or training")
    EMPLOYED = "employed", _("in employment (incl. self-employment)")
    OTHER = "other", _("none of these")


class ExitRecord(Recorded):
    """The exit data of one participation, recorded within four weeks of leaving."""

    entry = models.OneToOneField(
        EntryRecord, on_delete=models.CASCADE, related_name="exit", verbose_name=_("entry record")
    )
    exit_date = models.DateField(_("date of exit"))
    reason = models.CharField(_("reason for leaving"), max_length=16, choices=ExitReason.choices)
    situation = models.CharField(
        _("situation upon leaving"), max_length=16, choices=ExitSituation.choices, blank=True
    )
    situation_on = models.DateField(
        _("situation as of"),
        null=True,
        blank=True,
        help_text=_("The day the situation was known; within four weeks of the exit."),
    )

    history = HistoricalRecords()
    objects = MonitoringQuerySet.as_manager()

    class Meta:
        ordering = ["-exit_date", "-pk"]
        verbose_name = _("exit record")
        verbose_name_plural = _("exit records")
        constraints = [
            models.CheckConstraint(
                name="exitrecord_situation_has_date",
                condition=Q(situation="") | Q(situation_on__isnull=False),
                violation_error_message=_("Enter the date of the situation upon leaving."),
            ),
            models.CheckConstraint(
                name="exitrecord_situation_not_before_exit",
                condition=Q(situation_on__isnull=True) | Q(situation_on__gte=F("exit_date")),
                violation_error_message=_(
                    "The situation upon leaving cannot be dated before the exit."
                ),
            ),
        ]
        indexes = [models.Index(fields=["exit_date"], name="exitrecord_exit_date")]

    def __str__(self):
        return f"{self.entry} → {self.exit_date:%d.%m.%Y}"


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("due")
    ANSWERED = "answered", _("answered")
    NOT_REACHED = "not_reached", _("person not reached")


class SixMonthFollowUpQuerySet(MonitoringQuerySet):
    def open(self):
        return self.filter(status=FollowUpStatus.OPEN)

    def overdue(self, today):
        """Open follow-ups more than four weeks past their due date."""
        import datetime as dt

        return self.open().filter(due_on__lt=today - dt.timedelta(days=28))


class SixMonthFollowUp(models.Model):
    """What became of a participant six months after leaving (EECR05, EECR06).

    Created by the daily job ``monitoring.tasks.create_due_follow_ups`` when the six
    months have passed; answered by a coordinator.
    """

    exit = models.OneToOneField(
        ExitRecord, on_delete=models.CASCADE, related_name="six_month", verbose_name=_("exit")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=16, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    answered_on = models.DateField(_("date of the follow-up"), null=True, blank=True)
    employed = models.BooleanField(
        _("in employment (incl. self-employment) six months after leaving"), null=True
    )
    improved = models.BooleanField(_("improved labour market situation"), null=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = SixMonthFollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("six-month follow-up")
        verbose_name_plural = _("six-month follow-ups")
        constraints = [
            models.CheckConstraint(
                name="sixmonthfollowup_answered_has_date",
                condition=Q(status="open") | Q(answered_on__isnull=False),
                violation_error_message=_("Enter the date of the follow-up."),
            ),
            models.CheckConstraint(
                name="sixmonthfollowup_not_answered_early",
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("due_on")),
                violation_error_message=_(
                    "A follow-up can only be answered six months after leaving."
                ),
            ),
        ]
        indexes = [models.Index(fields=["answered_on"], name="sixmonth_answered_on")]

    def __str__(self):
        return f"{self.exit.entry} – {self.due_on:%d.%m.%Y}"


class DownloadKind(models.TextChoices):
    REPORT = "report", _("monitoring report")
    PUBLICATION = "publication", _("for publication (small numbers hidden)")


class ReportDownload(models.Model):
    """Who downloaded which report, for which period, when. Never edited."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    kind = models.CharField(_("export"), max_length=16, choices=DownloadKind.choices)
    file_format = models.CharField(_("format"), max_length=8)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    district_name = models.CharField(_("district"), max_length=100, blank=True)

    objects = MonitoringQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report download")
        verbose_name_plural = _("report downloads")
        permissions = [("view_report", _("Can view and export the monitoring report"))]

    def __str__(self):
        return f"{self.user} {self.created_at:%d.%m.%Y %H:%M} {self.kind}"
