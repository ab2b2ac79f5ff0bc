"""The daily retention job (django-q2 schedule created by migration 0002).

Idempotent: a second run the same day finds nothing left to do.
"""

import datetime as dt
import os

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from privacy import retention
from privacy.models import AccessLogEntry, ErasureRequest, ErasureStatus, RetentionRun


def referenced_private_files() -> set[str]:
    """Every file under PRIVATE_MEDIA_ROOT a record still points at."""
    from certificates.models import Certificate
    from housing.models import Consent, CooperationAgreement

    paths = set(Certificate.objects.exclude(pdf_path="").values_list("pdf_path", flat=True))
    paths |= set(
        CooperationAgreement.objects.exclude(document="").values_list("document", flat=True)
    )
    paths |= set(Consent.objects.exclude(evidence="").values_list("evidence", flat=True))
    return paths


def delete_unreferenced_files(grace=dt.timedelta(hours=1)) -> int:
    """Replaced and orphaned files (a replaced agreement PDF, a certificate PDF whose
    record is gone). Files younger than ``grace`` are left: an upload may be between
    being written and its record being saved."""
    root = os.path.realpath(settings.PRIVATE_MEDIA_ROOT)
    if not os.path.isdir(root):
        return 0
    keep = referenced_private_files()
    cutoff = timezone.now().timestamp() - grace.total_seconds()
    deleted = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, root)
            if relative in keep or os.path.getmtime(full) > cutoff:
                continue
            os.remove(full)
            deleted += 1
    return deleted


def run_retention() -> dict:
    from certificates.models import Verification
    from core.models import RateCounter
    from privacy.services import erase

    run = RetentionRun.objects.create()
    counts = {"erased": 0}
    today = timezone.localdate()
    for request in ErasureRequest.objects.filter(status=ErasureStatus.HELD).select_related(
        "participant"
    ):
        if not retention.is_held(request.participant, today):
            erase(request.participant, by=None)
            counts["erased"] += 1
    now = timezone.now()
    with transaction.atomic():
        # A bulk delete by age: the one way log rows go (single rows cannot be deleted).
        counts["access_log"], _ = AccessLogEntry.objects.older_than(
            now - dt.timedelta(days=settings.ACCESS_LOG_DAYS)
        ).delete()
        counts["verifications"], _ = Verification.objects.filter(
            at__lt=now - dt.timedelta(days=settings.VERIFICATION_LOG_DAYS)
        ).delete()
        minute = int(now.timestamp() // 60)
        counts["rate_counters"], _ = RateCounter.objects.filter(minute__lt=minute - 1).delete()
    counts["files"] = delete_unreferenced_files()
    run.finished_at = timezone.now()
    run.counts = counts
    run.save()
    return counts
