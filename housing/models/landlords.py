"""Landlords, the flats they let, and their cooperation agreements with the programme."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.dates import add_months
from core.fields import HistoricalRecords
from core.roles import Role, has_role, sees_everything
from housing.files import PdfValidator, private_storage
from housing.models.people import phone_validator, postcode_validator


class LandlordKind(models.TextChoices):
    PRIVATE = "private", _("private person")
    COMPANY = "company", _("company")
    ASSOCIATION = "association", _("housing association")


class LandlordQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            # Companions read the landlord of a tenancy they accompany, nothing more.
            ids = Tenancy.objects.filter(household__companions=user).values("landlord_id")
            return self.filter(pk__in=ids)
        return self.none()


class Landlord(ClusterableModel):
    """A private person, company or housing association that lets flats."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=LandlordKind.choices)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=5, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = LandlordQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("landlord")
        verbose_name_plural = _("landlords")

    def __str__(self):
        return self.name


class LandlordContactQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(landlord__in=Landlord.objects.visible_to(user))


class LandlordContact(models.Model):
    """A contact person on the landlord's side (e.g. the caretaker, the letting office)."""

    landlord = ParentalKey(
        Landlord, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("landlord")
    )
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(
        _("function"), max_length=120, blank=True, help_text=_("e.g. caretaker, letting office")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    objects = LandlordContactQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.function})" if self.function else self.name


class FlatQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(landlord__in=Landlord.objects.visible_to(user))


class Flat(models.Model):
    """A flat a landlord offers or lets; tenancies refer to it."""

    landlord = ParentalKey(
        Landlord, on_delete=models.CASCADE, related_name="flats", verbose_name=_("landlord")
    )
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=5, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100)
    position = models.CharField(
        _("floor / position"), max_length=60, blank=True, help_text=_("e.g. 2nd floor left")
    )
    rooms = models.DecimalField(_("rooms"), max_digits=3, decimal_places=1, null=True, blank=True)
    available = models.BooleanField(_("offered to the programme"), default=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    objects = FlatQuerySet.as_manager()

    class Meta:
        ordering = ["street", "position", "pk"]
        verbose_name = _("flat")
        verbose_name_plural = _("flats")

    def __str__(self):
        where = f"{self.street}, {self.postcode} {self.city}"
        return f"{where} ({self.position})" if self.position else where


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ACTIVE = "active", _("active")
    ENDED = "ended", _("ended")


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Agreements are the coordinators' business; companions work with tenancies.
        return self if sees_everything(user) else self.none()

    def in_force(self, on):
        """Agreements in force on ``on`` (a date, or an expression such as
        ``OuterRef("start")``): signed, not a draft, ``on`` within valid from / until.

        An ended agreement was in force up to its end, so reports about the past count it.
        The one home of "did this landlord cooperate on that day".
        """
        return (
            self.filter(signed_on__isnull=False, valid_from__lte=on)
            .exclude(status=AgreementStatus.DRAFT)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        )

    def ending_within(self, days: int, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status=AgreementStatus.ACTIVE,
            valid_until__isnull=False,
            valid_until__gte=today,
            valid_until__lte=today + timezone.timedelta(days=days),
        )


def agreement_upload_to(instance, filename):
    return f"agreements/{timezone.localdate():%Y}/landlord-{instance.landlord_id}.pdf"


class CooperationAgreement(models.Model):
    """A signed "Kooperationsvereinbarung Wohnen" between a landlord and the programme."""

    landlord = models.ForeignKey(
        Landlord, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("landlord")
    )
    text_version = models.CharField(
        _("version of the agreement text"), max_length=40, help_text=_("e.g. 2026-01")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    end_reason = models.CharField(_("reason it ended"), max_length=255, blank=True)
    programme_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="landlord_agreements",
        verbose_name=_("programme contact person"),
        limit_choices_to={"groups__name": Role.COORDINATOR},
    )
    document = models.FileField(
        _("signed document (PDF)"),
        storage=private_storage,
        upload_to=agreement_upload_to,
        blank=True,
        validators=[PdfValidator()],
        help_text=_("The scanned, signed agreement as a PDF file, at most 10 MB."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "-pk"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["landlord"],
                condition=Q(status="active"),
                name="agreement_one_active_per_landlord",
                violation_error_message=_("This landlord already has an active agreement."),
            ),
            models.CheckConstraint(
                name="agreement_active_needs_signed_on",
                condition=~Q(status="active") | Q(signed_on__isnull=False),
                violation_error_message=_(
                    "An agreement can only be active once it has been signed: "
                    "enter the date it was signed."
                ),
            ),
            models.CheckConstraint(
                name="agreement_until_after_from",
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                violation_error_message=_("“Valid until” cannot be before “valid from”."),
            ),
        ]

    def __str__(self):
        return f"{self.landlord} – {self.text_version} ({self.get_status_display()})"

    def document_link(self):
        """A link to the signed PDF through the permission-checked view (no public URL)."""
        if not self.document:
            return "–"
        url = reverse("housing_agreement_document", args=[self.pk])
        return format_html('<a href="{}">{}</a>', url, _("PDF"))

    document_link.short_description = _("signed document")

    def clean(self):
        super().clean()
        if self.status == AgreementStatus.ENDED and not self.end_reason.strip():
            raise ValidationError({"end_reason": _("Enter the reason the agreement ended.")})
        if self.signed_on and self.signed_on > timezone.localdate():
            raise ValidationError({"signed_on": _("The signing date cannot be in the future.")})


# A running tenancy counts as kept ("Mietverhältnis gehalten") once it has run this long.
KEPT_AFTER_MONTHS = 12


def kept_on(start: dt.date) -> dt.date:
    """The day a tenancy that started on ``start`` counts as kept: its first anniversary."""
    return add_months(start, KEPT_AFTER_MONTHS)


def kept_since(start: dt.date, end: dt.date | None, today: dt.date) -> dt.date | None:
    """The one rule of the outcome "kept" by the dates: the first anniversary, when it
    is not after ``today`` and the lease had not ended before it; else ``None``.
    ``Tenancy.kept_since``, ``TenancyQuerySet.kept`` and the monitoring figure
    "tenancies still running 12 months after they started" use it."""
    anniversary = kept_on(start)
    if anniversary <= today and (end is None or end >= anniversary):
        return anniversary
    return None


class TenancyOutcome(models.TextChoices):
    KEPT = "kept", _("tenancy kept")
    MOVED_ON = "moved_on", _("moved on")
    EVICTION = "eviction", _("eviction")
    OTHER = "other", _("other")


class TenancyQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            return self.filter(household__companions=user)
        return self.none()

    def running(self, today):
        """Tenancies in force on ``today`` (started, not yet ended)."""
        return self.filter(start__lte=today).filter(Q(end__isnull=True) | Q(end__gte=today))

    def kept(self, today):
        """Tenancies whose outcome is "kept" on ``today``: recorded so at their end, or
        (derived, ``kept_since``) in force on ``today`` after running 12 months."""
        return self.filter(
            Q(outcome=TenancyOutcome.KEPT)
            | Q(pk__in=self.running(today).filter(start__lte=add_months(today, -KEPT_AFTER_MONTHS)))
        )

    def overlapping(self, flat, start, end, exclude_pk=None):
        """Tenancies of ``flat`` whose period meets [start, end] (end None = open)."""
        found = self.filter(flat=flat).filter(Q(end__isnull=True) | Q(end__gte=start))
        if end is not None:
            found = found.filter(start__lte=end)
        if exclude_pk:
            found = found.exclude(pk=exclude_pk)
        return found


class Tenancy(models.Model):
    """A household renting a flat from a landlord (Mietverhältnis)."""

    household = models.ForeignKey(
        "housing.Household",
        on_delete=models.PROTECT,
        related_name="tenancies",
        verbose_name=_("household"),
    )
    landlord = models.ForeignKey(
        Landlord, on_delete=models.PROTECT, related_name="tenancies", verbose_name=_("landlord")
    )
    flat = models.ForeignKey(
        Flat, on_delete=models.PROTECT, related_name="tenancies", verbose_name=_("flat")
    )
    start = models.DateField(_("start of the lease"))
    move_in = models.DateField(_("move-in"), null=True, blank=True)
    end = models.DateField(_("end of the lease"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=TenancyOutcome.choices,
        blank=True,
        help_text=_("How the tenancy ended (monitoring data)."),
    )
    through_programme = models.BooleanField(_("came about through the programme"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = TenancyQuerySet.as_manager()
    # Followed by __str__ (see core.forms.ScopedAdminModelForm).
    choice_select_related = ("household", "flat")

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("tenancy")
        verbose_name_plural = _("tenancies")
        constraints = [
            models.CheckConstraint(
                name="tenancy_end_after_start",
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                violation_error_message=_("The end of the lease cannot be before its start."),
            ),
            models.CheckConstraint(
                name="tenancy_move_in_after_start",
                condition=Q(move_in__isnull=True) | Q(move_in__gte=F("start")),
                violation_error_message=_("The move-in cannot be before the start of the lease."),
            ),
            models.CheckConstraint(
                name="tenancy_outcome_only_when_ended",
                condition=Q(outcome="") | Q(end__isnull=False),
                violation_error_message=_("An outcome needs the end date of the lease."),
            ),
        ]

    def __str__(self):
        return f"{self.household} – {self.flat.street if self.flat_id else ''}"

    def kept_since(self, today=None) -> dt.date | None:
        """The day this tenancy counts as kept (its first anniversary), or ``None``."""
        return kept_since(self.start, self.end, today or timezone.localdate())

    def outcome_now(self, today=None) -> str:
        """The outcome as the screens show it: recorded at the end, or for a running
        tenancy "kept" once it has run 12 months (derived, nothing to enter)."""
        if self.end and self.outcome:
            return self.get_outcome_display()
        since = self.kept_since(today)
        if since is not None:
            return str(
                _("tenancy kept (12 months on %(date)s, still running)")
                % {"date": f"{since:%d.%m.%Y}"}
            )
        return str(_("running"))

    outcome_now.short_description = _("outcome")

    def certificate_status(self) -> str:
        """Whether the household holds the certificate: yes / no / unknown.

        Asked of the certificates app at call time (housing must not depend on it).
        """
        from housing.integrations import certificate_holders

        holds = certificate_holders([self.household_id])[self.household_id]
        if holds is None:
            return str(_("unknown"))
        return str(_("yes") if holds else _("no"))

    certificate_status.short_description = _("holds the certificate")

    def clean(self):
        super().clean()
        errors = {}
        if self.flat_id:
            # The landlord is the flat's; the form does not ask for it twice.
            self.landlord_id = self.flat.landlord_id
        if self.end and not self.outcome:
            errors["outcome"] = _("Enter how the tenancy ended.")
        if self.flat_id and self.start and not (self.end and self.end < self.start):
            clash = (
                Tenancy.objects.overlapping(self.flat, self.start, self.end, exclude_pk=self.pk)
                .select_related("household")
                .first()
            )
            if clash:
                # The one home of the overlap rule: every form and
                # housing.services.start_tenancy / end_tenancy (through full_clean,
                # under the flat's row lock) get it from here.
                errors["start"] = ValidationError(
                    _("This flat is already let to %(household)s from %(start)s in this period.")
                    % {"household": clash.household, "start": f"{clash.start:%d.%m.%Y}"},
                    code="tenancy_overlap",
                )
        if errors:
            raise ValidationError(errors)


class ConcernKind(models.TextChoices):
    NOISE = "noise", _("noise")
    WASTE = "waste", _("waste")
    RENT_ARREARS = "rent_arrears", _("rent arrears")
    DAMAGE = "damage", _("damage")
    MOULD = "mould", _("ventilation / mould")
    OTHER = "other", _("other")


class ConcernStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    RESOLVED = "resolved", _("resolved")


class ConcernQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            return self.filter(tenancy__household__companions=user)
        return self.none()


class LandlordConcern(models.Model):
    """A landlord's report about a tenancy; it creates a follow-up for the companions."""

    tenancy = models.ForeignKey(
        Tenancy, on_delete=models.PROTECT, related_name="concerns", verbose_name=_("tenancy")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ConcernKind.choices)
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=16, choices=ConcernStatus.choices, default=ConcernStatus.OPEN
    )
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("landlord concern")
        verbose_name_plural = _("landlord concerns")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.tenancy.household} ({self.reported_on:%d.%m.%Y})"

    def clean(self):
        super().clean()
        if self.reported_on and self.reported_on > timezone.localdate():
            raise ValidationError({"reported_on": _("A concern cannot be dated in the future.")})
