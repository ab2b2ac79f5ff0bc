"""core.ratelimit: request counts per client and minute, shared by all processes."""

import threading

import pytest
from django.db import connection, connections

from core import ratelimit
from core.models import RateCounter

MINUTE = 29_000_000 * 60.0  # some moment, in seconds since the epoch


def test_counts_per_client_scope_and_minute(db):
    assert [ratelimit.count_request("verify", "10.0.0.1", MINUTE) for _ in range(3)] == [1, 2, 3]
    assert ratelimit.count_request("verify", "10.0.0.2", MINUTE) == 1
    assert ratelimit.count_request("login", "10.0.0.1", MINUTE) == 1
    assert ratelimit.count_request("verify", "10.0.0.1", MINUTE + 59) == 4
    assert ratelimit.count_request("verify", "10.0.0.1", MINUTE + 60) == 1


def test_the_table_keeps_no_address_and_forgets_old_minutes(db):
    ratelimit.count_request("verify", "203.0.113.7", MINUTE)
    ratelimit.count_request("verify", "203.0.113.7", MINUTE + 60)
    stored = list(RateCounter.objects.values_list("client", flat=True))
    assert stored and not any("203.0.113" in client for client in stored)
    # Two minutes on, the first new row clears everything before the previous minute.
    ratelimit.count_request("verify", "198.51.100.1", MINUTE + 120)
    assert sorted(RateCounter.objects.values_list("minute", flat=True)) == [
        MINUTE // 60 + 1,
        MINUTE // 60 + 2,
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_requests_are_never_lost():
    """Eight threads, each with its own connection, count 25 requests of one client:
    a get-then-set counter would lose some of the 200."""
    start = threading.Barrier(8)
    errors = []

    def hammer():
        try:
            start.wait()
            for _ in range(25):
                ratelimit.count_request("verify", "192.0.2.1", MINUTE)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert connection.vendor == "postgresql"
    assert RateCounter.objects.get().hits == 200
