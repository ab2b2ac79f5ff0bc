"""The Integrationszertifikat Wohnen: issued certificates and their verifications.

A certificate is a *snapshot*: the holder's name, the course and the exam as they
were when it was issued. Later edits to the participant or the course never change
a certificate that a landlord may already hold on paper; a corrected name means a
new certificate (see ``services.reissue_with_corrected_name``).

State changes go through ``certificates/services.py``; the rendering job is in
``certificates/tasks.py``.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from core.languages import Language
from core.roles import Role, has_role, sees_everything

# 24 random bytes = 192 bits, URL-safe base64 without padding: 32 characters.
TOKEN_BYTES = 24
TOKEN_LENGTH = 32
TOKEN_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

# Languages of the certificate's second page (the holder's own language). Anyone
# whose preferred language is not among them gets the English page.
SECOND_PAGE_LANGUAGES = ("ro", "bg", "ar", "tr", "uk", "en")


# A code typed from the paper is compared without regard to case or to the
# look-alikes I/l/1 and O/0. Folded, a token keeps 32 characters from an alphabet
# of 35, about 164 bits: still far beyond guessing, and in practice unique.
_LOOK_ALIKES = str.maketrans({"i": "1", "l": "1", "o": "0"})


def fold_token(code: str) -> str:
    """The form of a token (or a typed code) that typing mistakes do not change."""
    return "".join(code.split()).lower().translate(_LOOK_ALIKES)


def new_token() -> str:
    """A verification token: random, not derived from any id or from the holder."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def second_page_language(preferred: str) -> str:
    return preferred if preferred in SECOND_PAGE_LANGUAGES else Language.ENGLISH


class CertificateStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be rendered")
    RENDERING = "rendering", _("being rendered")
    ISSUED = "issued", _("issued")
    FAILED = "failed", _("rendering failed")
    REVOKED = "revoked", _("revoked")


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators see every certificate; a trainer those of their own courses."""
        if sees_everything(user):
            return self
        if has_role(user, Role.TRAINER):
            from courses.models import Course

            return self.filter(course__in=Course.objects.visible_to(user).values("pk"))
        return self.none()

    def not_revoked(self):
        return self.exclude(status=CertificateStatus.REVOKED)

    def gained(self):
        """The certificates that stand for a qualification gained: not revoked, or revoked
        only because the holder's data were erased (GDPR Art. 17). The programme's
        figures keep counting those: an erasure does not change what was achieved."""
        return self.filter(~Q(status=CertificateStatus.REVOKED) | Q(erased_at__isnull=False))

    def currently_valid(self, today=None):
        """The certificates in force on ``today``: issued (its PDF exists, so it can have
        been handed over), not revoked and not past ``valid_until``.

        The one answer to "is this a valid certificate" for every screen and app.
        """
        today = today or timezone.localdate()
        return self.filter(status=CertificateStatus.ISSUED).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )

    def matching_typed_code(self, typed: str):
        """The certificates a code typed from the paper can mean: spaces, case and
        I/l/1, O/0 ignored. The exact token first; more than one means ambiguous."""
        return self.filter(token_key=fold_token(typed)).order_by(
            models.Case(models.When(token="".join(typed.split()), then=0), default=1)
        )

    def with_verification_count(self):
        # A subquery per row, not a join with GROUP BY: the list then counts and sorts
        # certificates only and counts the checks of the page's rows (50,000 checks of
        # 3,000 certificates: the join made every page read all of them).
        checks = (
            Verification.objects.filter(certificate=models.OuterRef("pk"))
            .order_by()
            .values("certificate")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            verification_count=Coalesce(
                models.Subquery(checks, output_field=models.IntegerField()), 0
            )
        )


class NumberSequence(models.Model):
    """The last certificate number used in a year (IZW-<year>-<number>).

    One row per year, locked with ``select_for_update`` while a number is taken, so
    two certificates issued at the same moment never get the same number and the
    numbers have no gaps from lost races.
    """

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate number sequence")
        verbose_name_plural = _("certificate number sequences")

    def __str__(self):
        return f"{self.year}: {self.last}"


class Certificate(models.Model):
    """One Integrationszertifikat Wohnen for one passed enrolment."""

    enrolment = models.ForeignKey(
        "courses.Enrolment",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("enrolment"),
    )
    # Kept next to the enrolment so scope and list filters need no join through it.
    course = models.ForeignKey(
        "courses.Course",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("course"),
    )
    participant = models.ForeignKey(
        "housing.Participant",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("participant"),
    )
    number = models.CharField(_("number"), max_length=20, unique=True)
    token = models.CharField(_("verification token"), max_length=64, unique=True, editable=False)
    # fold_token(token), for codes typed by hand (see matching_typed_code); set in save().
    token_key = models.CharField(max_length=64, db_index=True, editable=False, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CertificateStatus.choices,
        default=CertificateStatus.PENDING,
    )

    # --- Snapshot: what the certificate says, fixed when it is issued ---------------
    holder_given_names = models.CharField(_("given names"), max_length=150)
    holder_family_name = models.CharField(_("family name"), max_length=150)
    # The spelling on the ID card when the name is written in another script
    # (housing.Participant.name_latin); empty when the name is Latin already.
    holder_name_latin = models.CharField(_("name in Latin letters"), max_length=300, blank=True)
    holder_date_of_birth = models.DateField(_("date of birth"))
    course_title = models.CharField(_("course"), max_length=200)
    course_start = models.DateField(_("course start"))
    course_end = models.DateField(_("course end"))
    course_location = models.CharField(_("course location"), max_length=200)
    course_district = models.CharField(_("district"), max_length=100)
    modules = models.JSONField(_("modules covered"), default=list)
    exam_date = models.DateField(_("exam date"))
    exam_format = models.CharField(_("exam format"), max_length=16)
    issued_on = models.DateField(_("issue date"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    organisation = models.CharField(_("issuing organisation"), max_length=200)
    signatory_name = models.CharField(_("signatory"), max_length=200)
    signatory_title = models.CharField(_("signatory's function"), max_length=200, blank=True)
    language = models.CharField(
        _("language of the second page"), max_length=8, choices=Language.choices
    )

    # --- The rendered file -----------------------------------------------------------
    # A name in the private storage (core/storage.py), never with the public media, never
    # served except through the permission-checked download view.
    pdf_path = models.CharField(_("PDF file"), max_length=255, blank=True, editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    render_attempts = models.PositiveSmallIntegerField(_("render attempts"), default=0)
    render_error = models.TextField(_("render error"), blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)

    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    # --- Revocation ------------------------------------------------------------------
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(
        _("reason for revocation (internal)"),
        blank=True,
        help_text=_("Never shown on the public verification page."),
    )
    # Set by the holder's erasure (privacy app): revoked, the holder's data replaced.
    erased_at = models.DateTimeField(_("holder's data erased"), null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )

    history = HistoricalRecords(excluded_fields=["token", "token_key"])
    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        # The list's first page, newest first, without sorting every certificate.
        indexes = [models.Index(fields=["-created_at", "-id"], name="certificate_newest")]
        permissions = [
            ("issue_certificate", _("Can issue certificates")),
            ("revoke_certificate", _("Can revoke and re-issue certificates")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=~Q(status="revoked"),
                name="certificate_one_valid_per_enrolment",
                violation_error_message=_(
                    "This enrolment already has a valid certificate; revoke it first."
                ),
            ),
            models.CheckConstraint(
                name="certificate_revoked_has_reason_and_time",
                condition=~Q(status="revoked")
                | (Q(revoked_at__isnull=False) & ~Q(revocation_reason="")),
                violation_error_message=_("A revocation needs a reason."),
            ),
            models.CheckConstraint(
                name="certificate_valid_until_after_issue",
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("issued_on")),
                violation_error_message=_("The validity must end after the issue date."),
            ),
            models.CheckConstraint(
                name="certificate_issued_has_pdf",
                condition=~Q(status="issued") | (~Q(pdf_path="") & ~Q(pdf_sha256="")),
            ),
        ]

    def __str__(self):
        return f"{self.number} – {self.holder_name}"

    def save(self, *args, **kwargs):
        if self.token:
            self.token_key = fold_token(self.token)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "token" in update_fields:
                kwargs["update_fields"] = {*update_fields, "token_key"}
        super().save(*args, **kwargs)

    @property
    def printed_token(self) -> str:
        """The token in groups of four, as printed under the QR code (easier to type)."""
        return " ".join(self.token[i : i + 4] for i in range(0, len(self.token), 4))

    @property
    def holder_name(self) -> str:
        return f"{self.holder_given_names} {self.holder_family_name}"

    holder_name.fget.short_description = _("holder")

    @property
    def holder_latin_spelling(self) -> str:
        """The Latin spelling to print next to the name, or "" when it would repeat it."""
        latin = " ".join(self.holder_name_latin.split())
        return "" if not latin or latin == " ".join(self.holder_name.split()) else latin

    @property
    def is_revoked(self) -> bool:
        return self.status == CertificateStatus.REVOKED

    def is_expired(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.valid_until is not None and self.valid_until < today

    @property
    def verification_url(self) -> str:
        return f"{settings.SITE_URL.rstrip('/')}/v/{self.token}"

    @property
    def short_verification_url(self) -> str:
        """The address without the scheme, for typing in by hand."""
        return f"{settings.SITE_URL.split('://', 1)[-1].rstrip('/')}/v/"

    def open_pdf(self):
        """The stored PDF opened for reading (private storage, core/storage.py), or None."""
        from core.storage import private

        if not self.pdf_path or not private.exists(self.pdf_path):
            return None
        return private.open(self.pdf_path, "rb")


class VerificationOutcome(models.TextChoices):
    VALID = "valid", _("valid")
    EXPIRED = "expired", _("expired")
    REVOKED = "revoked", _("revoked")


class Verification(models.Model):
    """One look at the public verification page. No address or browser is kept."""

    certificate = models.ForeignKey(
        Certificate,
        on_delete=models.CASCADE,
        related_name="verifications",
        verbose_name=_("certificate"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=16, choices=VerificationOutcome.choices)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.certificate.number} {self.at:%d.%m.%Y %H:%M}: {self.outcome}"
