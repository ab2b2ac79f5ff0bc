"""The rendering job for certificate PDFs, run by django-q2 workers.

The job takes a primary key and is idempotent: it may run twice for the same
certificate (a worker killed mid-job is retried after ``Q_CLUSTER["retry"]``
seconds) and the result is the same one file with the same SHA-256. The PDF goes
to the private storage (core/storage.py) under a name derived from the number, and a
reader never sees half a file: on the local disk it is written to a temporary file and
renamed over the final one (a crash leaves at most a temporary file, which the next run
for the same certificate removes); in a bucket it is one PUT.
"""

import hashlib
import logging

from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate, CertificateStatus
from certificates.rendering import render_pdf
from core import storage as storage_module

log = logging.getLogger(__name__)

# Attempts of one job (not counting deliveries lost with a killed worker, which
# django-q2 bounds with Q_CLUSTER["max_attempts"]).
MAX_RENDER_ATTEMPTS = 3


def relative_pdf_path(certificate) -> str:
    # Derived from the number (unique and fixed), so every run writes the same file.
    return f"certificates/{certificate.issued_on:%Y}/{certificate.number}.pdf"


def sha256_of(name: str) -> str | None:
    """The SHA-256 of a stored file, None when there is none."""
    storage = storage_module.private
    if not name or not storage.exists(name):
        return None
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def render_certificate(certificate_pk: int) -> str:
    """Render and store the PDF of one certificate; a no-op when it is already done.

    Returns what happened ("rendered", "already rendered", "revoked", "failed").
    A failed render marks the certificate "failed" (visible to staff, who can retry);
    after ``MAX_RENDER_ATTEMPTS`` the job stops re-queuing itself.
    """
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_pk).first()
        if certificate is None:
            return "missing"
        if (
            certificate.status == CertificateStatus.ISSUED
            and sha256_of(certificate.pdf_path) == certificate.pdf_sha256
        ):
            return "already rendered"
        if certificate.status == CertificateStatus.REVOKED:
            return "revoked"
        if certificate.status == CertificateStatus.FAILED:
            return "failed"  # until staff ask for a retry (services.retry_render)
        certificate.status = CertificateStatus.RENDERING
        certificate.render_attempts += 1
        certificate.save(update_fields=["status", "render_attempts"])

    try:
        data = render_pdf(certificate)
        storage_module.replace(storage_module.private, relative_pdf_path(certificate), data)
    except Exception as error:
        log.exception("Rendering certificate %s failed", certificate.number)
        again = certificate.render_attempts < MAX_RENDER_ATTEMPTS
        Certificate.objects.filter(pk=certificate_pk, status=CertificateStatus.RENDERING).update(
            status=CertificateStatus.PENDING if again else CertificateStatus.FAILED,
            render_error=f"{type(error).__name__}: {error}"[:2000],
        )
        if again:
            from certificates.services import _enqueue_render

            with transaction.atomic():
                _enqueue_render(certificate_pk)
            return "retrying"
        return "failed"

    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        # A revocation that arrived while rendering wins: keep the file (staff may
        # still download it) but do not mark the certificate issued.
        updated = Certificate.objects.filter(
            pk=certificate_pk,
            status__in=(CertificateStatus.RENDERING, CertificateStatus.PENDING),
        ).update(
            status=CertificateStatus.ISSUED,
            pdf_path=relative_pdf_path(certificate),
            pdf_sha256=digest,
            render_error="",
            rendered_at=timezone.now(),
        )
        if not updated:
            Certificate.objects.filter(pk=certificate_pk).update(
                pdf_path=relative_pdf_path(certificate), pdf_sha256=digest
            )
    return "rendered"
