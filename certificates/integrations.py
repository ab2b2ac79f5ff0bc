"""What the certificates app tells other apps (registered in CertificatesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _


def _currently_valid():
    from certificates.models import Certificate

    return Certificate.objects.currently_valid()


def households_holding_a_certificate(household_ids: list[int]) -> set[int]:
    """Households with at least one member whose certificate is issued and still valid."""
    return set(
        _currently_valid()
        .filter(participant__household_id__in=household_ids)
        .values_list("participant__household_id", flat=True)
    )


def enrolment_certificate_number(enrolment_id: int) -> str | None:
    """Number of the enrolment's certificate that is not revoked, or None (one query).

    Pending, rendering and failed certificates count too: they become valid papers
    as soon as the PDF is rendered.
    """
    from certificates.models import Certificate

    return (
        Certificate.objects.not_revoked()
        .filter(enrolment_id=enrolment_id)
        .order_by("-created_at", "-pk")
        .values_list("number", flat=True)
        .first()
    )


def household_timeline_entries(household, user):
    """The household members' certificates the user may see; one query."""
    from certificates.models import Certificate
    from housing.timeline import Entry

    certificates = (
        Certificate.objects.visible_to(user)
        .filter(participant__household=household)
        .order_by("issued_on", "pk")
    )
    for certificate in certificates:
        yield Entry(
            certificate.issued_on,
            "certificates",
            _("Integrationszertifikat Wohnen %(number)s for %(name)s: %(status)s")
            % {
                "number": certificate.number,
                "name": f"{certificate.holder_given_names} {certificate.holder_family_name}",
                "status": certificate.get_status_display(),
            },
            [certificate.course_title],
            reverse("certificates:inspect", args=[certificate.pk]),
            warning=certificate.status == "revoked",
        )
