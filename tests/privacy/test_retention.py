"""The daily retention job: erases when the hold ends, removes orphaned files, prunes logs."""

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from housing.models import Participant
from privacy import services, tasks
from privacy.models import AccessLogEntry, ErasureStatus, RetentionRun
from tests.factories import ParticipantFactory
from tests.monitoring.factories import EntryRecordFactory


@pytest.mark.django_db
def test_the_schedule_exists_once():
    assert Schedule.objects.filter(func="privacy.tasks.run_retention").count() == 1
    assert Schedule.objects.get(func="privacy.tasks.run_retention").schedule_type == Schedule.DAILY


@pytest.mark.django_db
def test_a_held_erasure_is_carried_out_when_the_hold_ends(coordinator, settings):
    settings.RETENTION_UNTIL = "31.12.2099"
    entry = EntryRecordFactory(participant=ParticipantFactory(given_names="Valentina"))
    person = entry.participant
    request = services.request_erasure(person, by=coordinator, confirmed=True)
    assert request.status == ErasureStatus.HELD
    tasks.run_retention()
    assert Participant.objects.get(pk=person.pk).erased_at is None  # still held
    settings.RETENTION_UNTIL = "01.01.2020"
    counts = tasks.run_retention()
    assert counts["erased"] == 1
    person.refresh_from_db()
    assert person.erased_at and person.given_names == "Gelöscht"
    request.refresh_from_db()
    assert request.status == ErasureStatus.DONE
    assert tasks.run_retention()["erased"] == 0  # idempotent
    assert RetentionRun.objects.count() == 3


@pytest.mark.django_db
def test_orphaned_files_and_old_log_entries_go(coordinator):
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    orphan = root / "agreements" / "old-replaced.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-1.4 replaced")
    fresh = root / "agreements" / "just-uploaded.pdf"
    fresh.write_bytes(b"%PDF-1.4 new")
    old = time.time() - 3 * 3600
    os.utime(orphan, (old, old))
    person = ParticipantFactory()
    entry = services.log_access(coordinator, "participant_inspect", participant_id=person.pk)
    AccessLogEntry.objects.filter(pk=entry.pk).update(
        at=timezone.now() - dt.timedelta(days=settings.ACCESS_LOG_DAYS + 1)
    )
    services.log_access(coordinator, "participant_edit", participant_id=person.pk)
    counts = tasks.run_retention()
    assert not orphan.exists() and fresh.exists()
    assert counts["files"] == 1 and counts["access_log"] == 1
    assert list(AccessLogEntry.objects.values_list("action", flat=True)) == ["participant_edit"]


def test_the_readme_shows_the_records_of_processing(capsys):
    call_command("records_of_processing")
    table = capsys.readouterr().out.strip()
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert table in readme
