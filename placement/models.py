"""Placement ("Vermittlung"): vacancies of cooperating landlords, households looking for a
flat, the city's rent limits, and the proposals that lead from a vacancy to a tenancy.

Statuses change only through ``placement/services.py``; the generic forms never show them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import HistoricalRecords
from core.roles import Role, has_role, sees_everything
from housing.files import private_storage


def euro(amount) -> str:
    """An amount as Germans write it: 1.234,50 €."""
    return f"{number_format(amount, 2, use_l10n=True, force_grouping=True)} €"


def _coordinators_only(queryset, user):
    return queryset if sees_everything(user) else queryset.none()


class RentLimitQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _coordinators_only(self, user)


class RentLimit(models.Model):
    """The city's "angemessene Kosten der Unterkunft": the highest rent (cold rent plus
    service charges) the Jobcenter covers for a household of this size.

    Kept by coordinators as data, because the city changes the table every year or two.
    The row for the largest size also applies to larger households.
    """

    household_size = models.PositiveSmallIntegerField(
        _("household size (persons)"), unique=True, validators=[MinValueValidator(1)]
    )
    max_rent = models.DecimalField(
        _("highest rent covered (cold rent + service charges, €)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(1)],
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("e.g. source"))

    history = HistoricalRecords()
    objects = RentLimitQuerySet.as_manager()

    class Meta:
        ordering = ["household_size"]
        verbose_name = _("rent limit (KdU)")
        verbose_name_plural = _("rent limits (KdU)")
        constraints = [
            models.CheckConstraint(
                name="rent_limit_positive",
                condition=Q(max_rent__gt=0),
                violation_error_message=_("The rent limit must be more than 0 €."),
            ),
            models.CheckConstraint(
                name="rent_limit_size_positive",
                condition=Q(household_size__gte=1),
                violation_error_message=_("A household has at least one person."),
            ),
        ]

    def __str__(self):
        return _("%(size)s persons: %(rent)s") % {
            "size": self.household_size,
            "rent": euro(self.max_rent),
        }


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("open")
    PROPOSED = "proposed", _("households proposed")
    LET = "let", _("let")
    # Not the consent's "widerrufen": a vacancy is taken back ("zurückgezogen").
    WITHDRAWN = "withdrawn", pgettext_lazy("vacancy", "withdrawn")


# A vacancy in one of these statuses still takes proposals.
TAKES_PROPOSALS = (VacancyStatus.OPEN, VacancyStatus.PROPOSED)


class VacancyQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _coordinators_only(self, user)

    def taking_proposals(self):
        return self.filter(status__in=TAKES_PROPOSALS)


class Vacancy(models.Model):
    """A cooperating landlord's flat that is free to let to a household of the programme."""

    flat = models.ForeignKey(
        "housing.Flat", on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("flat")
    )
    # The flat record has no district; the match needs one.
    district = models.ForeignKey(
        "housing.District",
        on_delete=models.PROTECT,
        related_name="vacancies",
        verbose_name=_("district"),
    )
    available_from = models.DateField(_("available from"))
    rooms = models.DecimalField(
        _("rooms"), max_digits=3, decimal_places=1, validators=[MinValueValidator(1)]
    )
    living_space = models.DecimalField(
        _("living space (m²)"), max_digits=5, decimal_places=1, validators=[MinValueValidator(5)]
    )
    cold_rent = models.DecimalField(
        _("cold rent (€)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    service_charges = models.DecimalField(
        _("service charges (€)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    floor = models.SmallIntegerField(
        _("floor"),
        validators=[MinValueValidator(-1), MaxValueValidator(30)],
        help_text=_("0 = ground floor"),
    )
    lift = models.BooleanField(_("lift"), default=False)
    deposit = models.DecimalField(
        _("deposit (€)"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    pets_allowed = models.BooleanField(_("pets allowed"), default=False)
    max_persons = models.PositiveSmallIntegerField(
        _("at most persons"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when the landlord sets no limit."),
    )
    restrictions = models.CharField(
        _("restrictions"), max_length=255, blank=True, help_text=_("e.g. no smokers")
    )
    landlord_wishes = models.TextField(_("the landlord's wishes for the tenant"), blank=True)
    proposal_deadline = models.DateField(_("proposals by"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=VacancyStatus.choices,
        default=VacancyStatus.OPEN,
        editable=False,
    )
    let_on = models.DateField(_("let on"), null=True, blank=True, editable=False)
    withdrawn_reason = models.CharField(
        _("reason withdrawn"), max_length=255, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = VacancyQuerySet.as_manager()
    choice_select_related = ("flat",)

    class Meta:
        ordering = ["available_from", "pk"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        constraints = [
            models.UniqueConstraint(
                fields=["flat"],
                condition=Q(status__in=["open", "proposed"]),
                name="vacancy_one_open_per_flat",
                violation_error_message=_("This flat already has an open vacancy."),
            ),
            models.CheckConstraint(
                name="vacancy_let_has_date",
                condition=~Q(status="let") | Q(let_on__isnull=False),
                violation_error_message=_("A let vacancy needs the date it was let."),
            ),
        ]

    def __str__(self):
        return f"{self.flat} – {self.available_from:%d.%m.%Y}"

    @property
    def total_rent(self):
        return self.cold_rent + self.service_charges

    @property
    def takes_proposals(self) -> bool:
        return self.status in TAKES_PROPOSALS

    def total_rent_display(self) -> str:
        return euro(self.total_rent)

    total_rent_display.short_description = _("rent incl. service charges")


def vacancy_photo_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"vacancies/{instance.vacancy_id}/{timezone.now():%Y%m%d%H%M%S%f}.{extension}"


class VacancyPhotoQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(vacancy__in=Vacancy.objects.visible_to(user))


class VacancyPhoto(models.Model):
    """A photo of a vacant flat, in private storage: it may show the tenant's belongings."""

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="photos", verbose_name=_("vacancy")
    )
    image = models.FileField(_("photo"), storage=private_storage, upload_to=vacancy_photo_upload_to)
    caption = models.CharField(_("caption"), max_length=120, blank=True)
    content_type = models.CharField(max_length=40, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = VacancyPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or _("Photo %(n)s") % {"n": self.pk}


class FlatSearchQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            return self.filter(household__companions=user)
        return self.none()

    def active(self):
        return self.filter(placed_on__isnull=True, ended_on__isnull=True)


class FlatSearch(models.Model):
    """A household looking for a flat, and what the flat must offer.

    A model of its own (one per household) so that housing's household stays as it is.
    """

    household = models.OneToOneField(
        "housing.Household",
        on_delete=models.CASCADE,
        related_name="flat_search",
        verbose_name=_("household"),
    )
    searching_since = models.DateField(_("searching since"), default=timezone.localdate)
    household_size = models.PositiveSmallIntegerField(
        _("household size (if not the number of members)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to count the household's members, e.g. enter it for a baby due."),
    )
    rooms_needed = models.DecimalField(
        _("rooms needed (at least)"),
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(1)],
    )
    max_rent = models.DecimalField(
        _("highest rent the household can pay (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Cold rent plus service charges. Leave empty to use the city's rent limit "
            "(KdU) for the household size."
        ),
    )
    districts_wanted = models.ManyToManyField(
        "housing.District",
        blank=True,
        related_name="+",
        verbose_name=_("districts wanted"),
        help_text=_("Leave empty for any district."),
    )
    districts_excluded = models.ManyToManyField(
        "housing.District", blank=True, related_name="+", verbose_name=_("districts excluded")
    )
    earliest_move_in = models.DateField(_("earliest move-in"), null=True, blank=True)
    needs_ground_floor = models.BooleanField(_("needs the ground floor or a lift"), default=False)
    needs_school_nearby = models.BooleanField(_("needs a school nearby"), default=False)
    has_pets = models.BooleanField(_("has pets"), default=False)
    other_needs = models.CharField(_("other needs"), max_length=255, blank=True)
    placed_on = models.DateField(_("placed on"), null=True, blank=True, editable=False)
    ended_on = models.DateField(_("search ended on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[districts_wanted, districts_excluded])
    objects = FlatSearchQuerySet.as_manager()
    choice_select_related = ("household",)

    class Meta:
        ordering = ["searching_since", "pk"]
        verbose_name = _("flat search")
        verbose_name_plural = _("flat searches")
        constraints = [
            models.CheckConstraint(
                name="flat_search_rent_positive",
                condition=Q(max_rent__isnull=True) | Q(max_rent__gt=0),
                violation_error_message=_(
                    "The highest rent must be more than 0 €; leave it empty to use the KdU table."
                ),
            ),
        ]

    def __str__(self):
        return str(self.household)

    def matches_link(self):
        url = reverse("placement_household_matches", args=[self.household_id])
        return format_html('<a href="{}">{}</a>', url, _("show"))

    matches_link.short_description = _("matching vacancies")


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    SENT = "sent", _("sent to the landlord")
    VIEWING = "viewing", _("viewing arranged")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    LET = "let", _("tenancy signed")


OPEN_PROPOSAL_STATUSES = (ProposalStatus.PROPOSED, ProposalStatus.SENT, ProposalStatus.VIEWING)


class DeclinedBy(models.TextChoices):
    LANDLORD = "landlord", _("the landlord")
    HOUSEHOLD = "household", _("the household")


class DeclineReason(models.TextChoices):
    HOUSEHOLD_SIZE = "household_size", _("household size")
    INCOME = "income", _("income / rent too high")
    SCHUFA = "schufa", _("credit check (SCHUFA)")
    OTHER_TENANT = "other_tenant", _("another tenant chosen")
    LOCATION = "location", _("location")
    CONDITION = "condition", _("condition of the flat")
    NO_SHOW = "no_show", _("did not come to the viewing")
    NO_REASON = "no_reason", _("no reason given")
    OTHER = "other", _("other")


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            return self.filter(household__companions=user)
        return self.none()


class Proposal(models.Model):
    """A household proposed to a landlord for a vacancy, and what became of it."""

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("vacancy")
    )
    household = models.ForeignKey(
        "housing.Household",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("household"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
    )
    why = models.TextField(_("why this household"))
    size_exception = models.CharField(
        _("reason for exceeding the landlord's person limit"), max_length=255, blank=True
    )
    viewing_on = models.DateField(_("viewing on"), null=True, blank=True)
    declined_by = models.CharField(
        _("declined by"), max_length=16, choices=DeclinedBy.choices, blank=True
    )
    decline_reason = models.CharField(
        _("reason for the decline"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.CharField(_("note on the decline"), max_length=255, blank=True)
    tenancy = models.OneToOneField(
        "housing.Tenancy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("tenancy"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_on = models.DateField(_("proposed on"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=Q(status__in=["accepted", "let"]),
                name="proposal_one_accepted_per_vacancy",
                violation_error_message=_("This vacancy already has an accepted proposal."),
            ),
            models.UniqueConstraint(
                fields=["vacancy", "household"],
                condition=~Q(status="declined"),
                name="proposal_household_once_per_vacancy",
                violation_error_message=_("This household is already proposed for this vacancy."),
            ),
            models.CheckConstraint(
                name="proposal_declined_has_reason",
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                violation_error_message=_("A declined proposal needs a reason."),
            ),
            models.CheckConstraint(
                name="proposal_let_has_tenancy",
                condition=~Q(status="let") | Q(tenancy__isnull=False),
                violation_error_message=_("A let proposal needs its tenancy."),
            ),
        ]

    def __str__(self):
        return f"{self.household} → {self.vacancy.flat}"


class ProposalStep(models.Model):
    """One step of a proposal (proposed, sent, viewing, accepted, declined, let): who, when.

    Kept for the household's timeline and for what the programme learns from declines.
    """

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="steps", verbose_name=_("proposal")
    )
    status = models.CharField(_("step"), max_length=16, choices=ProposalStatus.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("proposal step")
        verbose_name_plural = _("proposal steps")

    def __str__(self):
        return f"{self.get_status_display()} ({self.date:%d.%m.%Y})"
