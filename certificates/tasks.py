"""The rendering job for certificate PDFs, run by django-q2 workers.

The job takes a primary key and is idempotent: it may run twice for the same
certificate (a worker killed mid-job is retried after ``Q_CLUSTER["retry"]``
seconds) and the result is the same one file with the same SHA-256. The PDF is
written to a temporary file next to its final place and renamed over it, so a
reader never sees half a file and a crash leaves at most a temporary file that
the next run for the same certificate removes.
"""

import hashlib
import logging
import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate, CertificateStatus
from certificates.rendering import render_pdf

log = logging.getLogger(__name__)

# Attempts of one job (not counting deliveries lost with a killed worker, which
# django-q2 bounds with Q_CLUSTER["max_attempts"]).
MAX_RENDER_ATTEMPTS = 3


def relative_pdf_path(certificate) -> str:
    # Derived from the number (unique and fixed), so every run writes the same file.
    return f"certificates/{certificate.issued_on:%Y}/{certificate.number}.pdf"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _remove_stale_temporaries(final: Path) -> None:
    for stale in final.parent.glob(f".{final.name}.*.tmp"):
        stale.unlink(missing_ok=True)


def write_atomically(final: Path, data: bytes) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.parent / f".{final.name}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)


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
        if certificate.status == CertificateStatus.ISSUED:
            path = certificate.pdf_file_path()
            if path and path.exists() and sha256_of(path) == certificate.pdf_sha256:
                return "already rendered"
        if certificate.status == CertificateStatus.REVOKED:
            return "revoked"
        if certificate.status == CertificateStatus.FAILED:
            return "failed"  # until staff ask for a retry (services.retry_render)
        certificate.status = CertificateStatus.RENDERING
        certificate.render_attempts += 1
        certificate.save(update_fields=["status", "render_attempts"])

    final = Path(settings.PRIVATE_MEDIA_ROOT) / relative_pdf_path(certificate)
    try:
        _remove_stale_temporaries(final)
        data = render_pdf(certificate)
        write_atomically(final, data)
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
