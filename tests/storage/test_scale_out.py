"""Scale-out with files: a web process and a worker that share nothing but the database
and the bucket. The worker renders a certificate PDF into the bucket; the web process,
with a local disk of its own, serves it to a signed-in coordinator.

The S3 server is real (SeaweedFS, started by bin/s3-server); web (gunicorn) and worker
(django-q2 qcluster) are separate processes with separate, empty MEDIA_ROOT and
PRIVATE_MEDIA_ROOT folders.
"""

import contextlib
import hashlib
import http.cookiejar
import io
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from pypdf import PdfReader

from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.storage.s3 import bucket_keys, s3_client

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 60

# Real commits (the other processes read them); serialized_rollback restores the rows
# the migrations made once the test has flushed the database.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.s3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(folder: Path) -> str:
    """A database the other processes can open: on SQLite a copy of the (in-memory)
    test database with what the test made so far; on PostgreSQL the test database."""
    if connection.vendor == "sqlite":
        target = folder / "db.sqlite3"
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}"
    db = connection.settings_dict
    password = urllib.parse.quote(db["PASSWORD"] or "", safe="")
    credentials = f"{db['USER']}:{password}@" if password else f"{db['USER']}@"
    return f"postgres://{credentials}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _host_env(s3, database_url, host: Path, prefix: str) -> dict:
    """One host's environment: its own empty disk folders, the shared database and bucket."""
    (host / "media").mkdir(parents=True)
    (host / "private").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "DJANGO_"))}
    return {
        **env,
        **s3,
        "S3_PREFIX": prefix,  # this test's corner of the bucket
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "1",
        "STAFF_2FA": "optional",
        "SECRET_KEY": settings.SECRET_KEY,  # the test's session must be readable
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(host / "media"),
        "PRIVATE_MEDIA_ROOT": str(host / "private"),
        "Q_WORKERS": "1",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def _start(command, env, log: Path):
    with open(log, "w") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn's or qcluster's children
        )


def _stop(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


class Browser:
    """A coordinator's browser: the session cookie, CSRF token, no redirects followed."""

    def __init__(self, base: str, session_key: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        host = urllib.parse.urlsplit(base).hostname
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0,
                settings.SESSION_COOKIE_NAME,
                session_key,
                None,
                False,
                host,
                False,
                False,
                "/",
                True,
                False,
                None,
                False,
                None,
                None,
                {},
            )
        )

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


def _wait_until_up(base, processes, logs):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        for process, log in zip(processes, logs, strict=True):
            assert process.poll() is None, log.read_text()[-3000:]
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{base}/healthz", timeout=5) as response,  # noqa: S310
        ):
            if response.status == 200:
                return
        time.sleep(0.2)
    raise AssertionError("the web process did not answer:\n" + logs[0].read_text()[-3000:])


def test_worker_renders_into_the_bucket_and_the_web_host_serves_it(
    s3_server, coordinator, tmp_path
):
    enrolment = passed_enrolment(course_with_exam())
    client = Client()
    client.force_login(coordinator)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    database_url = _database_url(tmp_path)
    web_host, worker_host = tmp_path / "web", tmp_path / "worker"
    prefix = f"scale-out-{os.getpid()}-{time.time_ns()}"
    web_env = _host_env(s3_server, database_url, web_host, prefix)
    worker_env = _host_env(s3_server, database_url, worker_host, prefix)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    logs = [tmp_path / "web.log", tmp_path / "worker.log"]
    started = time.monotonic()
    web = _start(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        web_env,
        logs[0],
    )
    worker = _start([sys.executable, "manage.py", "qcluster"], worker_env, logs[1])
    try:
        _wait_until_up(base, [web, worker], logs)
        browser = Browser(base, session_key)
        course_page = f"/admin/issue-certificates/{enrolment.course_id}/"
        status, _, html = browser.request(course_page)
        assert status == 200, html[:2000]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
        status, _, body = browser.request(
            course_page,
            {
                "csrfmiddlewaretoken": token,
                "action": "issue",
                "enrolment": enrolment.pk,
                "reason": "Test",
            },
        )
        assert status == 302, body[:2000]

        # The web process only queued the job; the worker renders. Wait for the link.
        deadline = time.monotonic() + WAIT_SECONDS
        download = None
        while download is None and time.monotonic() < deadline:
            assert worker.poll() is None, logs[1].read_text()[-3000:]
            _, _, html = browser.request(course_page)
            found = re.search(rb'href="(/admin/certificate-files/\d+/)"', html)
            download = found and found.group(1).decode()
            if download is None:
                time.sleep(0.3)
        assert download, logs[1].read_text()[-3000:]
        status, headers, pdf = browser.request(download)
        elapsed = time.monotonic() - started
    finally:
        _stop(web)
        _stop(worker)

    assert status == 200, pdf[:500]
    assert headers["Content-Type"] == "application/pdf"
    assert "no-store" in headers["Cache-Control"]
    assert pdf.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Integrationszertifikat" in text

    # The PDF is in the bucket, under the private prefix, byte for byte what was served …
    keys = bucket_keys(s3_server)
    (key,) = [k for k in keys if k.startswith(f"{prefix}/private/certificates/")]
    assert key.endswith(".pdf")
    stored = s3_client(s3_server).get_object(Bucket=s3_server["S3_BUCKET"], Key=key)
    assert hashlib.sha256(stored["Body"].read()).digest() == hashlib.sha256(pdf).digest()
    # … not readable without a key …
    with pytest.raises(urllib.error.HTTPError) as refused:
        anonymous = f"{s3_server['S3_ENDPOINT_URL']}/{s3_server['S3_BUCKET']}/{key}"
        urllib.request.urlopen(anonymous, timeout=10)  # noqa: S310
    assert refused.value.code == 403
    # … and neither host ever had it on its disk.
    for host in (web_host, worker_host):
        assert _files(host) == [], host
    print(f"start, issue, render on the worker and download: {elapsed:.1f} s")
