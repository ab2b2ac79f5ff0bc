"""Bulk issue of 200 certificates survives a worker killed with SIGKILL.

The 200 are issued by four processes at once (one of them running the bulk
"issue for all eligible" while three issue one by one), so numbers and the
one-valid-certificate constraint are tested under real concurrency too: exactly
IZW-<year>-00001 … 00200, no duplicates, no gaps.

A real ``manage.py qcluster`` (two workers, the database as broker) renders the
PDFs against a file SQLite database. At a random moment the whole cluster is
killed with kill -9 and started again. In the end there must be exactly 200 valid
certificates, 200 distinct tokens, 200 PDFs whose SHA-256 matches the stored
value, and no other file (no orphans, no temporary files).
"""

import contextlib
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.migrated_sqlite import migrated_copy

ROOT = Path(__file__).resolve().parents[2]
COUNT = 200
DEADLINE = 240  # seconds for rendering after the seeding; normally about 90

SEED = f"""
from certificates import services
from core.permissions_setup import setup_roles
from core.roles import Role
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.factories import UserFactory

setup_roles()
coordinator = UserFactory(username="bulk-coordinator", role=Role.COORDINATOR)
course = course_with_exam()
for _ in range({COUNT}):
    passed_enrolment(course)
"""

ISSUE = """
from django.contrib.auth import get_user_model
from certificates import services
from courses.models import Course, Enrolment
by = get_user_model().objects.get(username="bulk-coordinator")
course = Course.objects.get()
part = {part}
if part == 0:
    services.issue_for_course(course, by)
else:
    for enrolment in list(Enrolment.objects.filter(course=course).order_by("pk"))[part - 1 :: 3]:
        try:
            services.issue_certificate(enrolment, by)
        except services.CertificateError as error:
            assert error.code == "already_issued", error.code
"""


def _env(tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.certificates.reliability_settings",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def _manage(env, *args, timeout=180):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout
    )


def _start_cluster(env, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: sentinel, monitor, workers
    )


def _issued(db: Path) -> int:
    with sqlite3.connect(db, timeout=20) as connection:
        return connection.execute(
            "SELECT count(*) FROM certificates_certificate WHERE status = 'issued'"
        ).fetchone()[0]


def _kill_group(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.long
def test_bulk_issue_survives_kill_9(tmp_path):
    env = _env(tmp_path)
    db = tmp_path / "db.sqlite3"
    # Setting up the database is not what is tested; a migrated copy (tests/migrated_sqlite.py).
    migrated_copy(db, env)
    _manage(env, "createcachetable")
    _manage(env, "shell", "-c", SEED)
    issuers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", ISSUE.format(part=part)], cwd=ROOT, env=env
        )
        for part in range(4)
    ]
    assert [issuer.wait(timeout=300) for issuer in issuers] == [0, 0, 0, 0]

    kill_after = random.randint(5, COUNT // 2)
    print(f"killing the cluster with SIGKILL once {kill_after} certificates are rendered")
    log = open(tmp_path / "qcluster.log", "w")  # noqa: SIM115 - closed below
    cluster = _start_cluster(env, log)
    try:
        deadline = time.monotonic() + DEADLINE
        while _issued(db) < kill_after and time.monotonic() < deadline:
            time.sleep(0.1)
        _kill_group(cluster)
        killed_at = _issued(db)
        assert killed_at < COUNT, "everything was done before the kill; nothing was tested"
        cluster = _start_cluster(env, log)
        while _issued(db) < COUNT and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        _kill_group(cluster)
        log.close()

    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT status, token, pdf_path, pdf_sha256 FROM certificates_certificate"
        ).fetchall()
        numbers = [n for (n,) in connection.execute("SELECT number FROM certificates_certificate")]
    assert len(rows) == COUNT
    assert sorted(int(number[-5:]) for number in numbers) == list(range(1, COUNT + 1))
    assert {status for status, *_ in rows} == {"issued"}, (tmp_path / "qcluster.log").read_text()
    assert len({token for _, token, _, _ in rows}) == COUNT
    private = tmp_path / "private"
    for _, _, pdf_path, sha in rows:
        assert hashlib.sha256((private / pdf_path).read_bytes()).hexdigest() == sha
    files = {str(path.relative_to(private)) for path in private.rglob("*") if path.is_file()}
    assert files == {pdf_path for _, _, pdf_path, _ in rows}  # no orphans, no temporaries
