"""The privacy app's own records: the access log, erasure requests, retention runs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """A log row was to be changed or deleted one by one."""


class AccessAction(models.TextChoices):
    PARTICIPANT_INSPECT = "participant_inspect", _("participant viewed")
    PARTICIPANT_EDIT = "participant_edit", _("participant opened for editing")
    PARTICIPANT_HISTORY = "participant_history", _("participant's change history viewed")
    HOUSEHOLD_INSPECT = "household_inspect", _("household viewed")
    HOUSEHOLD_EDIT = "household_edit", _("household opened for editing")
    HOUSEHOLD_TIMELINE = "household_timeline", _("household timeline viewed")
    VISIT_FORM = "visit_form", _("visit form opened")
    CONSENTS = "consents", _("consents viewed")
    EXPORT = "export", _("data access request (Art. 15) downloaded")
    LIST_EXPORT = "list_export", _("list with personal data exported")


class AccessLogQuerySet(models.QuerySet):
    def older_than(self, moment):
        return self.filter(at__lt=moment)

    def about(self, participant):
        """Entries about the person: their record, and their household's screens."""
        return self.filter(
            models.Q(participant=participant) | models.Q(household_id=participant.household_id)
        )


class AccessLogEntry(models.Model):
    """One look at a person's data by a staff member: who, when, what, which record.

    Append-only: one insert per view (``privacy.middleware``); never changed; deleted
    only in bulk by the retention job when older than ``ACCESS_LOG_DAYS``. The record
    is referred to by id, never by name, so the log itself names no participant.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("staff member"),
    )
    action = models.CharField(_("what"), max_length=32, choices=AccessAction.choices)
    participant = models.ForeignKey(
        "housing.Participant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("participant"),
    )
    household = models.ForeignKey(
        "housing.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("household"),
    )
    path = models.CharField(_("address"), max_length=300)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        permissions = [
            ("view_access_log", _("Can see the access log")),
            ("export_person", _("Can download a person's data (Art. 15)")),
            ("erase_person", _("Can erase a person (Art. 17)")),
            ("view_records_of_processing", _("Can see the records of processing (Art. 30)")),
        ]

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.user_id} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("An access log entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("An access log entry cannot be deleted.")


class ErasureStatus(models.TextChoices):
    HELD = "held", _("waiting for the end of the retention period")
    DONE = "done", _("erased")


class ErasureRequest(models.Model):
    """A person asked to be erased (or a coordinator decided it): when, by whom, outcome.

    While the ESF Plus retention period runs, the request waits (``held``), the person's
    record is restricted (Art. 18) and the retention job erases it when the period ends.
    """

    participant = models.OneToOneField(
        "housing.Participant",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("participant"),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=ErasureStatus.choices)
    hold_until = models.DateField(_("kept until"), null=True, blank=True)
    done_at = models.DateTimeField(_("erased"), null=True, blank=True)
    # What erasure changed, per model: {"housing.Participant": 1, ...} (counts only).
    summary = models.JSONField(_("what was erased"), default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")

    def __str__(self):
        return f"#{self.participant_id}: {self.get_status_display()}"


class RetentionRun(models.Model):
    """One run of the daily retention job and what it did (shown on the dashboard)."""

    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # {"erased": 2, "files_deleted": 3, "verifications": 10, ...}
    counts = models.JSONField(_("what it did"), default=dict)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self):
        return f"{self.started_at:%d.%m.%Y %H:%M}"
