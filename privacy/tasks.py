"""The daily retention job (django-q2 schedule created by migration 0002).

Idempotent: a second run the same day finds nothing left to do.
"""

import datetime as dt

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from core import storage
from privacy import retention
from privacy.models import AccessLogEntry, ErasureRequest, ErasureStatus, RetentionRun


def referenced_private_files() -> set[str]:
    """Every file of the private storage a record still points at: certificate PDFs and
    every FileField kept in the private storage (agreements, consent scans, flat photos)."""
    from certificates.models import Certificate

    paths = set(Certificate.objects.exclude(pdf_path="").values_list("pdf_path", flat=True))
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField) and f.storage is storage.private:
                paths |= set(
                    model._default_manager.exclude(**{f.name: ""}).values_list(f.name, flat=True)
                )
    return paths


def _stored_names(folder=""):
    """Every file name in the private storage, folder by folder (disk or bucket)."""
    try:
        folders, files = storage.private.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for sub in folders:
        yield from _stored_names(f"{folder}{sub}/")


def delete_unreferenced_files(grace=dt.timedelta(hours=1)) -> int:
    """Replaced and orphaned files (a replaced agreement PDF, a certificate PDF whose
    record is gone). Files younger than ``grace`` are left: an upload may be between
    being written and its record being saved."""
    keep = referenced_private_files()
    cutoff = timezone.now() - grace
    deleted = 0
    for name in list(_stored_names()):
        if name in keep or storage.private.get_modified_time(name) > cutoff:
            continue
        storage.private.delete(name)
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
