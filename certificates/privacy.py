"""What the certificates app holds about a person, for the privacy app (see core.personal_data).

Erasing the holder revokes the certificate with the reason "gelöscht": the
verification page then says it is no longer valid, and shows no name (the snapshot of
the holder's data is replaced). ``erased_at`` marks why it was revoked, so the
programme's figures keep counting the qualification (``Certificate.objects.gained()``).
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from core.personal_data import KEEP, Holding

ERASURE_REASON = "gelöscht"


def _pdf(certificate) -> list[str]:
    return [certificate.pdf_path] if certificate.pdf_path else []


def erase_certificates(certificates, when) -> int:
    from certificates.models import CertificateStatus

    count = 0
    for certificate in certificates.select_for_update():
        born = certificate.holder_date_of_birth
        kept = (
            dt.date(born.year, 7, 1)
            if born != dt.date(born.year, 7, 1)
            else dt.date(born.year, 7, 2)
        )
        type(certificate).objects.filter(pk=certificate.pk).update(
            status=CertificateStatus.REVOKED,
            revoked_at=certificate.revoked_at or when,
            revocation_reason=ERASURE_REASON,
            erased_at=when,
            holder_given_names="Gelöscht",
            holder_family_name=f"Person #{certificate.participant_id}",
            holder_date_of_birth=kept,
            pdf_path="",
            pdf_sha256="",
            render_error="",
        )
        count += 1
    return count


HOLDINGS = [
    Holding(
        "certificates.Certificate",
        person="participant",
        erase=erase_certificates,
        files=_pdf,
        reason=_(
            "Revoked („gelöscht“), holder's data replaced, PDF deleted; number, "
            "course and dates stay for the figures and for a landlord's later question."
        ),
    ),
    Holding(
        "certificates.Verification",
        person="certificate__participant",
        on_erase=KEEP,
        reason=_("Time and outcome of a look at the verification page; no identity."),
    ),
]
