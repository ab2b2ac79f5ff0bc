"""State changes of certificates: issue, bulk issue, revoke, re-issue, retry rendering.

Views parse input, call one of these functions and render. Each function runs in
one transaction and either does all it promises or nothing; a broken rule raises
``CertificateError`` with a machine-readable ``code`` and a translatable message.

Rendering the PDF is slow, so it never happens here: the record is created at once
(status "pending") and ``tasks.render_certificate(pk)`` is enqueued on django-q2
after the transaction commits.
"""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import (
    Certificate,
    CertificateStatus,
    NumberSequence,
    new_token,
    second_page_language,
)
from certificates.site import require_reachable_site
from core.errors import DomainError
from core.roles import sees_everything

NUMBER_PREFIX = "IZW"


class CertificateError(DomainError):
    """A certificate rule was broken."""


# --- Permissions ----------------------------------------------------------------


def can_issue(user, course) -> bool:
    """Coordinators for every course; trainers for the courses they (co-)teach."""
    from courses.models import Course

    if not user.has_perm("certificates.issue_certificate"):
        return False
    return sees_everything(user) or Course.objects.visible_to(user).filter(pk=course.pk).exists()


def can_revoke(user) -> bool:
    return user.has_perm("certificates.revoke_certificate") and sees_everything(user)


# --- Numbers -----------------------------------------------------------------------


def allocate_number(year: int) -> str:
    """The next number of ``year``, e.g. IZW-2026-00042. Call inside a transaction.

    The year's row is locked until the caller's transaction ends, so concurrent
    issuers queue here instead of taking the same number.
    """
    NumberSequence.objects.get_or_create(year=year)
    sequence = NumberSequence.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{NUMBER_PREFIX}-{year}-{sequence.last:05d}"


def _valid_until(issued_on: dt.date) -> dt.date | None:
    years = settings.CERTIFICATE_VALIDITY_YEARS
    if not years:
        return None
    try:
        return issued_on.replace(year=issued_on.year + years)
    except ValueError:  # 29 February
        return issued_on.replace(year=issued_on.year + years, day=28)


# --- Issuing ---------------------------------------------------------------------------


def _eligible(enrolment):
    from courses.models import Enrolment

    return (
        Enrolment.objects.eligible_for_certificate()
        .with_passing_result()
        .select_related("participant", "course__district")
        .filter(pk=enrolment.pk)
        .first()
    )


def _enqueue_render(certificate_pk: int) -> None:
    from django_q.tasks import async_task

    transaction.on_commit(
        lambda: async_task(
            "certificates.tasks.render_certificate",
            certificate_pk,
            task_name=f"certificate-{certificate_pk}",
            group="certificates",
        )
    )


def _snapshot(enrolment, *, by, given_names=None, family_name=None) -> Certificate:
    participant = enrolment.participant
    course = enrolment.course
    result = enrolment.passing_result
    issued_on = timezone.localdate()
    period = course.taught_period()  # what was taught, not what was planned
    return Certificate(
        enrolment=enrolment,
        course=course,
        participant=participant,
        number=allocate_number(issued_on.year),
        token=new_token(),
        status=CertificateStatus.PENDING,
        holder_given_names=given_names or participant.given_names,
        holder_family_name=family_name or participant.family_name,
        holder_name_latin=participant.name_latin,
        holder_date_of_birth=participant.date_of_birth,
        course_title=course.title,
        course_start=period[0],
        course_end=period[1],
        course_location=course.location,
        course_district=course.district.name,
        modules=[{"code": module.code, "title": module.title} for module in course.modules.all()],
        exam_date=result.date,
        exam_format=result.exam.format,
        issued_on=issued_on,
        valid_until=_valid_until(issued_on),
        organisation=settings.PROGRAMME_ORGANISATION,
        signatory_name=settings.CERTIFICATE_SIGNATORY_NAME,
        signatory_title=settings.CERTIFICATE_SIGNATORY_TITLE,
        language=second_page_language(participant.preferred_language),
        issued_by=by,
    )


def _check_issue_rules(enrolment, course, by, reason: str) -> str:
    """The rules an issue must keep besides eligibility; returns the reason to record.

    A finished course (its last session held), or a coordinator's early issue with a
    reason; after a revocation only a coordinator issues again, with a reason.
    """
    coordinator = can_revoke(by)
    reason = (reason or "").strip()
    notes = []
    if Certificate.objects.filter(enrolment=enrolment, status=CertificateStatus.REVOKED).exists():
        if not coordinator:
            raise CertificateError(
                "revoked_final",
                _(
                    "The certificate of this participant was revoked. Only a coordinator "
                    "can issue a new one, with a reason."
                ),
            )
        if not reason:
            raise CertificateError(
                "reason_required",
                _("Give a reason for issuing again after the revocation."),
                field="reason",
            )
        notes.append("reissued after revocation")
    if not course.is_finished_on(timezone.localdate()):
        last = course.taught_period()[1]
        if not coordinator:
            raise CertificateError(
                "course_not_finished",
                _(
                    "The course is not finished yet (last session on %(date)s). Certificates "
                    "are issued after it; a coordinator can confirm an early issue with a reason."
                )
                % {"date": f"{last:%d.%m.%Y}"},
            )
        if not reason:
            raise CertificateError(
                "reason_required",
                _("Give a reason for issuing before the course ends (%(date)s).")
                % {"date": f"{last:%d.%m.%Y}"},
                field="reason",
            )
        notes.append("early issue")
    return f"{', '.join(notes)}: {reason}" if notes else ""


@transaction.atomic
def issue_certificate(enrolment, by, *, reason: str = "") -> Certificate:
    """Issue the certificate for a passed enrolment; the PDF is rendered in the background.

    Returns the new certificate (status "pending"). Raises ``not_allowed`` when
    ``by`` may not issue for this course, ``not_eligible`` when the enrolment is not
    active or has no passed exam, ``already_issued`` when it already has a valid
    (not revoked) certificate — also when a concurrent request won the race: the
    named constraint ``certificate_one_valid_per_enrolment`` decides.

    ``course_not_finished`` before the course's last session has taken place, and
    ``revoked_final`` after a revocation, unless ``by`` is a coordinator who gives a
    ``reason`` (else ``reason_required``); the reason is kept in the certificate's
    history.

    Raises ``site_unreachable`` while SITE_URL could not be opened by a landlord
    (certificates/site.py): the QR code would lead nowhere.
    """
    from courses.models import Enrolment

    if not can_issue(by, enrolment.course):
        raise CertificateError(
            "not_allowed", _("You may only issue certificates for your own courses.")
        )
    require_reachable_site(CertificateError)
    # Lock the enrolment as courses.services.record_exam_result does: a correction of
    # the result to "not passed" and this issue then happen one after the other, and
    # whichever comes second sees the other (no certificate for a failed result).
    list(Enrolment.objects.select_for_update().filter(pk=enrolment.pk).values_list("pk"))
    eligible = _eligible(enrolment)
    if eligible is None:
        raise CertificateError(
            "not_eligible", _("Only participants who passed the exam receive a certificate.")
        )
    if Certificate.objects.not_revoked().filter(enrolment=eligible).exists():
        raise CertificateError(
            "already_issued", _("This participant already holds a valid certificate.")
        )
    recorded_reason = _check_issue_rules(eligible, eligible.course, by, reason)
    certificate = _snapshot(eligible, by=by)
    if recorded_reason:
        certificate._change_reason = recorded_reason[:100]
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        raise CertificateError(
            "already_issued", _("This participant already holds a valid certificate.")
        ) from None
    _enqueue_render(certificate.pk)
    return certificate


def pending_for_course(course):
    """Enrolments of ``course`` that the whole-course issue would issue for: eligible,
    and no certificate yet (a revoked one counts: issuing again is a decision per
    person). The confirmation screen lists exactly these."""
    from courses.models import Enrolment

    return (
        Enrolment.objects.eligible_for_certificate()
        .filter(course=course)
        .exclude(pk__in=Certificate.objects.values("enrolment_id"))
    )


def issue_for_course(course, by, *, reason: str = "", enrolments=None) -> list[Certificate]:
    """Issue certificates for every eligible participant of ``course`` who has none yet
    (``pending_for_course``); with ``enrolments`` (ids), only for those of them, e.g.
    the list a person confirmed (someone who passed since is not issued unasked).

    Idempotent: running it again issues nothing twice. Returns the certificates made
    by this call. Each certificate is its own transaction, so one failure (e.g. a
    concurrent issue for the same person) does not undo the others. People whose
    certificate was revoked are left out: issuing again is a decision per person.
    Raises what ``issue_certificate`` raises for an unfinished course.
    """
    if not can_issue(by, course):
        raise CertificateError(
            "not_allowed", _("You may only issue certificates for your own courses.")
        )
    pending = pending_for_course(course)
    if enrolments is not None:
        pending = pending.filter(pk__in=list(enrolments))
    issued = []
    for enrolment in pending.select_related("course"):
        try:
            issued.append(issue_certificate(enrolment, by, reason=reason))
        except CertificateError as error:
            if error.code != "already_issued":
                raise
    return issued


# --- Revocation and re-issue ----------------------------------------------------------


@transaction.atomic
def revoke(certificate: Certificate, reason: str, by) -> Certificate:
    """Revoke ``certificate`` at once; the verification page says "revoked" from now on.

    ``reason`` is internal (never shown publicly) and required. Only coordinators
    revoke (``not_allowed``); revoking twice raises ``already_revoked``.
    """
    if not can_revoke(by):
        raise CertificateError("not_allowed", _("Only coordinators may revoke certificates."))
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("reason_required", _("Give a reason for the revocation."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise CertificateError("already_revoked", _("This certificate is already revoked."))
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    certificate._change_reason = "revoked"
    certificate.save()
    return certificate


@transaction.atomic
def reissue_with_corrected_name(
    certificate: Certificate, *, given_names: str, family_name: str, reason: str, by
) -> Certificate:
    """Replace ``certificate`` by a new one with a corrected holder's name.

    The new certificate has a new number and a new token (the old paper stops being
    valid); the old one is revoked with ``reason`` and points to its replacement.
    The participant record is not changed here: correct it there too if it was wrong.
    Raises ``not_allowed``, ``reason_required``, ``name_required``, ``already_revoked``.
    """
    if not can_revoke(by):
        raise CertificateError("not_allowed", _("Only coordinators may re-issue certificates."))
    require_reachable_site(CertificateError)
    given_names, family_name = (given_names or "").strip(), (family_name or "").strip()
    if not given_names or not family_name:
        raise CertificateError("name_required", _("Enter the given names and the family name."))
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("reason_required", _("Give a reason for the correction."))
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.is_revoked:
        raise CertificateError("already_revoked", _("This certificate is already revoked."))
    enrolment = _eligible(old.enrolment)
    if enrolment is None:
        raise CertificateError(
            "not_eligible", _("Only participants who passed the exam receive a certificate.")
        )
    old.status = CertificateStatus.REVOKED
    old.revoked_at = timezone.now()
    old.revoked_by = by
    old.revocation_reason = reason
    old.save()
    new = _snapshot(enrolment, by=by, given_names=given_names, family_name=family_name)
    new.save()
    old.replaced_by = new
    old._change_reason = "replaced"
    old.save(update_fields=["replaced_by"])
    _enqueue_render(new.pk)
    return new


@transaction.atomic
def retry_render(certificate: Certificate, by) -> Certificate:
    """Queue rendering again for a certificate whose PDF failed (or never appeared).

    Raises ``not_allowed`` for users who may not issue for the course and
    ``not_retryable`` for issued or revoked certificates.
    """
    if not can_issue(by, certificate.course):
        raise CertificateError(
            "not_allowed", _("You may only issue certificates for your own courses.")
        )
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status not in (
        CertificateStatus.FAILED,
        CertificateStatus.PENDING,
        CertificateStatus.RENDERING,
    ):
        raise CertificateError(
            "not_retryable", _("Only a certificate whose PDF is missing can be rendered again.")
        )
    certificate.status = CertificateStatus.PENDING
    certificate.render_error = ""
    certificate.render_attempts = 0
    certificate.save(update_fields=["status", "render_error", "render_attempts"])
    _enqueue_render(certificate.pk)
    return certificate
