"""Two coordinators start a participation for the same person at the same moment.

PostgreSQL only (``postgres`` marker): the second must wait for the first and then be
refused, so one person never has two open participations.
"""

import datetime as dt
import threading

import pytest
from django.db import connection, connections, transaction

from monitoring import services
from monitoring.models import EntryRecord
from tests.courses.test_attendance_concurrency import _wait_until_blocked
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_second_concurrent_entry_waits_and_is_refused(roles):
    assert connection.vendor == "postgresql"
    first_user = UserFactory(username="katrin", role="Coordinator")
    second_user = UserFactory(username="paula", role="Coordinator")
    person = ParticipantFactory()
    first_saved, release_first = threading.Event(), threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                services.record_entry(person, by=first_user, entry_date=dt.date(2026, 2, 2))
                first_saved.set()
                release_first.wait(15)
        finally:
            connections.close_all()

    def second():
        first_saved.wait(15)
        try:
            services.record_entry(person, by=second_user, entry_date=dt.date(2026, 3, 2))
            outcome["second"] = "saved"
        except services.MonitoringError as error:
            outcome["second"] = error.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_saved.wait(15)
    assert _wait_until_blocked(), "the second entry did not wait for the first"
    release_first.set()
    for thread in threads:
        thread.join(30)
    assert outcome["second"] == "previous_participation_open"
    assert list(EntryRecord.objects.values_list("entry_date", flat=True)) == [dt.date(2026, 2, 2)]
