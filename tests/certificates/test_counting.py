"""Verification counts are buffered per process and written in batches, none lost."""

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from certificates import counting, services
from certificates.models import Verification
from tests.certificates.factories import course_with_exam, fake_rendered, passed_enrolment
from tests.factories import ParticipantFactory
from tests.migrated_sqlite import migrated_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def certificate(coordinator):
    participant = ParticipantFactory(date_of_birth=dt.date(1990, 4, 3))
    return fake_rendered(
        services.issue_certificate(passed_enrolment(course_with_exam(), participant), coordinator)
    )


def test_buffered_checks_reach_the_database_on_flush(client, certificate, settings):
    settings.VERIFICATION_FLUSH_SECONDS = 3600  # the thread will not flush during the test
    for _ in range(3):
        assert client.get(f"/v/{certificate.token}").status_code == 200
    assert Verification.objects.count() == 0
    assert counting.pending() == 3
    assert counting.flush() == 3
    assert counting.pending() == 0
    assert list(Verification.objects.values_list("outcome", flat=True)) == ["valid"] * 3


def test_revocation_shows_on_the_next_request_while_counts_are_buffered(
    client, certificate, coordinator, settings
):
    settings.VERIFICATION_FLUSH_SECONDS = 3600
    client.get(f"/v/{certificate.token}")
    services.revoke(certificate, "Fehler", coordinator)
    assert 'data-outcome="revoked"' in client.get(f"/v/{certificate.token}").content.decode()
    counting.flush()
    assert list(Verification.objects.order_by("at").values_list("outcome", flat=True)) == [
        "valid",
        "revoked",
    ]


def test_a_failed_write_keeps_the_counts(certificate, settings, monkeypatch):
    settings.VERIFICATION_FLUSH_SECONDS = 3600
    counting.record(certificate.pk, "valid")

    def broken(*args, **kwargs):
        raise RuntimeError("database away")

    monkeypatch.setattr(Verification.objects, "bulk_create", broken)
    assert counting.flush() == 0
    assert counting.pending() == 1
    monkeypatch.undo()
    assert counting.flush() == 1
    assert Verification.objects.count() == 1


def test_the_page_writes_nothing_to_the_database_with_redis(
    client, certificate, settings, django_assert_num_queries
):
    """With Redis the rate limit is one INCR there and the count is buffered: one query,
    the certificate's SELECT, and the limit still holds."""
    settings.REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    settings.VERIFICATION_FLUSH_SECONDS = 3600
    settings.VERIFICATION_RATE_LIMIT = 3
    address = f"198.51.100.{os.getpid() % 250}"  # the Redis may be shared by parallel runs
    from core import ratelimit

    ratelimit._redis(settings.REDIS_URL).flushdb()
    for _ in range(3):
        with django_assert_num_queries(1):
            response = client.get(f"/v/{certificate.token}", REMOTE_ADDR=address)
        assert response.status_code == 200
    assert client.get(f"/v/{certificate.token}", REMOTE_ADDR=address).status_code == 429
    assert counting.flush() == 3


@pytest.mark.long
def test_no_count_is_lost_when_gunicorn_stops_cleanly(tmp_path):
    """A real gunicorn (2 workers) on a database of its own (a SQLite file): every check
    made before a graceful stop (SIGTERM) is in the database afterwards."""
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "0",
        "SECRET_KEY": "gunicorn-counting-test-" + "x" * 40,
        # DEBUG off refuses a loopback SITE_URL, and one whose host is not allowed.
        "SITE_URL": "https://mietfuehrerschein.example.org",
        "ALLOWED_HOSTS": "127.0.0.1,mietfuehrerschein.example.org",
        "SECURE_SSL_REDIRECT": "0",
        "VERIFICATION_FLUSH_SECONDS": "1",
        "REDIS_URL": "",
    }
    manage = [sys.executable, "manage.py"]
    migrated_copy(database, env)
    token = "T" * 32
    subprocess.run(
        [*manage, "shell", "-c", _SEED.format(token=token)], cwd=ROOT, env=env, check=True
    )
    port = _free_port()  # parallel checkouts on one machine must not meet on one port
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        # Wait on the health check, which counts nothing: a verification request that
        # timed out on a loaded machine may still be served and counted.
        health = f"http://127.0.0.1:{port}/healthz"
        for _ in range(300):
            try:
                urllib.request.urlopen(health, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/v/{token}"
        for _ in range(50):
            assert urllib.request.urlopen(url, timeout=5).status == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    counted = subprocess.run(
        [*manage, "shell", "-c", _COUNT], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    ).stdout.split()[-1]  # fmt: skip
    assert counted == "50"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_SEED = """
import datetime as dt
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.factories import ParticipantFactory, UserFactory
from core.permissions_setup import setup_roles
from core.roles import Role
from certificates import services
from certificates.models import Certificate
setup_roles()
coordinator = UserFactory(role=Role.COORDINATOR)
enrolment = passed_enrolment(course_with_exam(), ParticipantFactory())
certificate = services.issue_certificate(enrolment, coordinator)
Certificate.objects.filter(pk=certificate.pk).update(
    token="{token}", status="issued", pdf_path="certificates/t.pdf", pdf_sha256="0" * 64
)
"""

_COUNT = "from certificates.models import Verification; print(Verification.objects.count())"
