"""Participants and their households: the people the programme serves."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.fields import HistoricalRecords, MultipleChoiceField
from core.languages import Language
from core.roles import Role, has_role, sees_everything
from housing import search as name_search
from housing.files import private_storage
from housing.search import query_words

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()/-]{5,24}$",
    _("Enter a phone number made of digits, for example +49 2331 123456."),
)
postcode_validator = RegexValidator(r"^[0-9]{5}$", _("A German postcode has five digits."))


class DistrictQuerySet(models.QuerySet):
    def visible_to(self, user):
        # District names are not personal data; model permissions decide who edits them.
        return self if user.is_authenticated else self.none()


class District(models.Model):
    """A neighbourhood (Quartier) the programme works in, e.g. Altenhagen."""

    # Its name names no person, so the admin's action log may show it (core.audit).
    log_label_from_str = True

    name = models.CharField(_("name"), max_length=100, unique=True)

    history = HistoricalRecords()
    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name


def companion_rule() -> Q:
    """Who can be named a Klartext companion: an active member of the companions' group
    (the test of ``core.roles.has_role``). The one rule: the models' choices, every picker
    (``active_companions``) and the services (``housing.services.check_companions``)."""
    return Q(groups__name=Role.COMPANION, is_active=True)


def active_companions():
    """Active companions, in the order every list and picker shows them."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(companion_rule()).order_by("first_name", "username")


class HouseholdQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        if has_role(user, Role.COMPANION):
            return self.filter(companions=user)
        return self.none()

    def matching(self, query):
        """Households whose name, or a member's name, matches ``query`` forgivingly
        (``housing.search``: accents, case, transliterations)."""
        words = query_words(query)
        if not words:
            return self
        own = Q()
        for word in words:
            own &= Q(search_key__contains=word)
        members = Participant.objects.matching(query).values("household_id")
        return self.filter(own | Q(pk__in=members))

    def caseload(self, today, companion=None):
        """The caseload: overdue follow-ups first, each household with its numbers.

        Annotates ``last_visit``, ``next_visit``, ``overdue_count`` and ``first_due``;
        prefetches ``open_follow_ups`` (each with ``is_overdue``) and ``companion_list``.
        A fixed number of queries however many households. Call on a scoped queryset
        (``visible_to(user)``); ``companion`` narrows it to one companion's households.
        """
        from housing.models.visits import FollowUp, HomeVisit

        households = self if companion is None else self.filter(companions=companion)
        latest = HomeVisit.objects.filter(household=OuterRef("pk")).order_by("-date", "-pk")
        overdue = (
            FollowUp.objects.overdue(today)
            .filter(household=OuterRef("pk"))
            .order_by()
            .values("household")
            .annotate(n=Count("pk"))
            .values("n")
        )
        first_due = (
            FollowUp.objects.open()
            .filter(household=OuterRef("pk"))
            .order_by("due_on")
            .values("due_on")[:1]
        )
        return (
            households.select_related("district")
            .annotate(
                last_visit=Subquery(latest.values("date")[:1]),
                next_visit=Subquery(latest.values("next_visit")[:1]),
                overdue_count=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)),
                first_due=Subquery(first_due),
            )
            .prefetch_related(
                Prefetch(
                    "follow_ups",
                    queryset=FollowUp.objects.open()
                    .with_overdue(today)
                    .select_related("concern")
                    .order_by("due_on"),
                    to_attr="open_follow_ups",
                ),
                Prefetch("companions", queryset=active_companions(), to_attr="companion_list"),
            )
            .order_by(
                F("overdue_count").desc(),
                F("first_due").asc(nulls_last=True),
                F("next_visit").asc(nulls_last=True),
                "name",
                "pk",
            )
        )

    def with_consent(self, purpose, as_of=None):
        """Annotate ``members_consenting`` and ``member_count`` for one consent purpose.

        A household may be contacted about a purpose only for the members whose
        latest decision (on or before ``as_of``) is "given"; callers show both
        numbers rather than deciding "the household agreed" for everyone.
        """
        consenting = Participant.objects.filter(household=OuterRef("pk")).consenting(purpose, as_of)
        return self.annotate(
            member_count=Count("members", distinct=True),
            members_consenting=Subquery(
                consenting.order_by().values("household").annotate(n=Count("pk")).values("n")[:1]
            ),
        )


class Household(ClusterableModel):
    """People who live together; the unit a companion visits."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("How the team refers to it, e.g. “Familie Popescu”.")
    )
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=5, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="households", verbose_name=_("district")
    )
    companions = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_households",
        verbose_name=_("companions"),
        limit_choices_to=companion_rule,
        help_text=_("Klartext companions who visit this household."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # The name folded for the forgiving search (housing.search); kept by save().
    search_key = models.CharField(max_length=400, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[companions], excluded_fields=["search_key"])
    objects = HouseholdQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    def material_language(self, members=None) -> str:
        """The language course material is offered in for this household: the preferred
        language most members share (on a tie, the one of the member listed first; the
        screens list the eldest first), German when nobody is recorded."""
        if members is None:
            languages = self.members.order_by("date_of_birth", "pk").values_list(
                "preferred_language", flat=True
            )
        else:
            languages = [person.preferred_language for person in members]
        counts = {}
        for language in languages:
            if language:
                counts[language] = counts.get(language, 0) + 1
        if not counts:
            return Language.GERMAN
        return max(counts, key=counts.get)  # max keeps the first of equal counts

    def save(self, *args, **kwargs):
        self.search_key = name_search.search_key(self.name, self.street)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)


class ParticipantQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_everything(user):
            return self
        # A restricted record (GDPR Art. 18, an erasure request during the retention
        # hold) and an erased one are for coordinators only.
        mine = self.filter(restricted_at__isnull=True, erased_at__isnull=True)
        if has_role(user, Role.COMPANION):
            return mine.filter(household__companions=user)
        if has_role(user, Role.TRAINER):
            # Trainers see the people enrolled (or waiting) in their own courses.
            from courses.models import Enrolment

            return mine.filter(pk__in=Enrolment.objects.visible_to(user).values("participant_id"))
        return self.none()

    def enrollable_by(self, user, course):
        """The people ``user`` may find by name and enrol in ``course``.

        Coordinators: everyone. A trainer of the course: the people of their own
        courses, and adults of the course's district who are in no other course
        yet (the people the course is for). The rest of the register, minors
        included, stays out of a trainer's search; a coordinator enrols them.
        """
        from courses.models import OPEN_STATUSES, Course, Enrolment

        if sees_everything(user):
            return self
        if not Course.objects.visible_to(user).filter(pk=course.pk).exists():
            return self.none()
        in_other_courses = Enrolment.objects.filter(status__in=OPEN_STATUSES).exclude(course=course)
        newcomers = self.filter(
            household__district_id=course.district_id,
            date_of_birth__lte=_years_before(course.start_date, ADULT_AGE),
        ).exclude(pk__in=in_other_courses.values("participant_id"))
        return self.filter(
            Q(pk__in=self.visible_to(user).values("pk")) | Q(pk__in=newcomers.values("pk"))
        )

    def matching(self, query):
        """People whose name matches ``query`` whatever the accents, case or
        transliteration (Stefan → Ștefan, Iwanow → Иванов): the one name search,
        used by every list and picker that finds people."""
        words = query_words(query)
        condition = Q()
        for word in words:
            condition &= Q(search_key__contains=word)
        return self.filter(condition)

    def with_consent(self, purpose, as_of=None):
        """Annotate ``consent_status``: the latest decision for ``purpose`` on or before
        ``as_of`` (today by default): "given", "withdrawn", or None when never asked.

        The one read rule for consent: a later record overrides an earlier one, so a
        withdrawal wins over the consent it withdraws.
        """
        return self.annotate(consent_status=Subquery(latest_consent_decision(purpose, as_of)))

    def consenting(self, purpose, as_of=None):
        """The people whose consent for ``purpose`` is in force on ``as_of``."""
        return self.with_consent(purpose, as_of).filter(consent_status=ConsentStatus.GIVEN)

    def with_every_consent(self, as_of=None):
        """Annotate ``consent_<purpose>`` for every purpose (the same rule), in one query."""
        return self.annotate(
            **{
                f"consent_{purpose}": Subquery(latest_consent_decision(purpose, as_of))
                for purpose in ConsentPurpose
            }
        )


ADULT_AGE = 18


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class Participant(ClusterableModel):
    """A person taking part in the programme.

    Names are kept exactly as the person writes them, in any script; ``name_latin``
    is an optional Latin transliteration so staff can find “Иван” by typing “Ivan”.
    """

    given_names = models.CharField(_("given names"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150)
    name_latin = models.CharField(
        _("name in Latin letters"),
        max_length=300,
        blank=True,
        help_text=_("Only if the name is written in another script, e.g. Cyrillic or Arabic."),
    )
    date_of_birth = models.DateField(_("date of birth"))
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="members", verbose_name=_("household")
    )
    languages = MultipleChoiceField(_("languages spoken"), choices=Language.choices)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=Language.choices, default=Language.GERMAN
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    entry_date = models.DateField(_("entry into the programme"), default=timezone.localdate)
    exit_date = models.DateField(_("exit from the programme"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The names folded for the forgiving search (housing.search); kept by save().
    search_key = models.CharField(max_length=700, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set only by the privacy app's services (erasure request during the retention
    # hold; erasure itself), never by a form.
    restricted_at = models.DateTimeField(
        _("processing restricted"), null=True, blank=True, editable=False
    )
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_key"])
    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_names", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                name="participant_exit_after_entry",
                condition=Q(exit_date__isnull=True) | Q(exit_date__gte=F("entry_date")),
                violation_error_message=_("The exit date cannot be before the entry date."),
            ),
            models.CheckConstraint(
                name="participant_born_before_entry",
                condition=Q(date_of_birth__lt=F("entry_date")),
                violation_error_message=_("The date of birth must be before the entry date."),
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"

    full_name.fget.short_description = _("name")

    def current_consents(self, as_of=None) -> list[tuple[str, str | None]]:
        """(purpose, latest decision or None when never asked) for every purpose."""
        row = (
            Participant.objects.filter(pk=self.pk)
            .with_every_consent(as_of)
            .values(*(f"consent_{purpose}" for purpose in ConsentPurpose))
            .get()
        )
        return [(purpose, row[f"consent_{purpose}"]) for purpose in ConsentPurpose]

    current_consents.short_description = _("consents now")
    full_name.fget.admin_order_field = "family_name"

    @property
    def district(self):
        return self.household.district

    def get_languages_display(self) -> str:
        """The languages spoken as words, in the user's language: "Deutsch, Arabisch"."""
        names = dict(Language.choices)
        return ", ".join(str(names.get(code, code)) for code in self.languages or [])

    def save(self, *args, **kwargs):
        self.search_key = name_search.search_key(
            self.given_names, self.family_name, self.name_latin
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError(
                {"date_of_birth": _("The date of birth cannot be in the future.")}
            )
        if (
            self.preferred_language
            and self.languages
            and self.preferred_language not in self.languages
        ):
            raise ValidationError(
                {
                    "preferred_language": _(
                        "The preferred language must be one of the languages spoken."
                    )
                }
            )


class ConsentPurpose(models.TextChoices):
    PROGRAMME = "programme", _("Processing of personal data for the programme")
    MONITORING = "monitoring", _("ESF Plus participant monitoring")
    LANDLORD_CONTACT = "landlord_contact", _("Contact with landlords about the tenancy")
    PHOTOS = "photos", _("Photos for course materials")


class ConsentStatus(models.TextChoices):
    GIVEN = "given", _("given")
    WITHDRAWN = "withdrawn", _("withdrawn")


def latest_consent_decision(purpose, as_of=None, participant_ref="pk"):
    """Subquery: the status of the latest consent record of ``OuterRef(participant_ref)``."""
    as_of = as_of or timezone.localdate()
    return (
        Consent.objects.filter(
            participant=OuterRef(participant_ref), purpose=purpose, date__lte=as_of
        )
        .order_by("-date", "-pk")
        .values("status")[:1]
    )


class ConsentIsAppendOnly(Exception):
    """A consent record was to be changed or deleted: a decision is never rewritten."""


def consent_evidence_upload_to(instance, filename):
    return f"consents/{timezone.now():%Y}/{uuid.uuid4().hex}{os.path.splitext(filename)[1].lower()}"


class Consent(models.Model):
    """A record that a participant gave or withdrew consent for one purpose.

    Append-only: a record is never changed or deleted, by any screen or program
    (``save`` of an existing record and ``delete`` raise ``ConsentIsAppendOnly``). A
    withdrawal or a correction is a new record; the latest one wins
    (``Participant.objects.with_consent``). Erasure of the person scrubs the note and
    the evidence file through the privacy app, by a queryset update.
    """

    participant = ParentalKey(
        Participant,
        # A person is erased (privacy app), not deleted: deleting would take the
        # consent records with it.
        on_delete=models.PROTECT,
        related_name="consents",
        verbose_name=_("participant"),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ConsentStatus.choices, default=ConsentStatus.GIVEN
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    evidence = models.FileField(
        _("evidence (scan of the signed form)"),
        storage=private_storage,
        upload_to=consent_evidence_upload_to,
        blank=True,
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.get_status_display()} ({self.date:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ConsentIsAppendOnly("A consent record cannot be changed; record a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ConsentIsAppendOnly("A consent record cannot be deleted; record a withdrawal.")

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A consent cannot be dated in the future.")})
