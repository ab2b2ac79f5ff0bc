"""First load of the companion's caseload on slow 3G (issue 15), against gunicorn with
production's compression, next to the admin start page (Wagtail's full script bundle)
in the same run.

A real gunicorn (2 workers, DEBUG off, ``benchmarks/first_load_settings.py``) serves a
database of its own (a SQLite file) with a companion and 12 households, static files
from ``collectstatic`` (hashed, gzip and brotli files written by whitenoise). Chromium
opens each page with an empty cache, Chrome DevTools' "Slow 3G" profile (2000 ms round
trip, 50,000 bytes/s), 4× CPU slowdown and a 360×740 screen (``benchmarks/first_load.py``),
three times interleaved; the medians are printed and saved to benchmarks/results/.

    .venv/bin/python benchmarks/run.py first_load
"""

import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.first_load import first_load, sign_in
from benchmarks.harness import RESULTS, ROOT

PORT = int(os.environ.get("BENCH_FIRST_LOAD_PORT", "8197"))
PASSWORD = "first-load-" + secrets.token_hex(8)
ROUNDS = int(os.environ.get("BENCH_FIRST_LOAD_ROUNDS", "3"))
ADMIN_SCRIPTS = "html[data-mfs-admin-scripts=loaded]"

SEED = """
import datetime as dt
from core.permissions_setup import setup_roles
from core.roles import Role
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import FollowUpFactory
setup_roles()
companion = UserFactory(username="bench-companion", first_name="Mirela", role=Role.COMPANION)
companion.set_password({password!r})
companion.save()
for n in range(12):
    household = HouseholdFactory(name=f"Familie Test{{n}}", companions=[companion])
    ParticipantFactory.create_batch(3, household=household)
    FollowUpFactory(household=household, due_on=dt.date.today() + dt.timedelta(days=n - 3))
"""


def _env(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.first_load_settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": "https://mietfuehrerschein.example.org",
        "ALLOWED_HOSTS": "127.0.0.1,mietfuehrerschein.example.org",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def _manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=900)


def _wait_for(url: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (our own http://127.0.0.1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def measure(base: str, rounds: int = ROUNDS) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM

    results = {"caseload": [], "start page": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            state = sign_in(browser, base, "bench-companion", PASSWORD)
            for _ in range(rounds):  # interleaved: subject, baseline, subject, …
                results["caseload"].append(
                    first_load(
                        browser,
                        state,
                        f"{base}/admin/housing/caseload/",
                        complete_selector=ADMIN_SCRIPTS,
                    )
                )
                results["start page"].append(first_load(browser, state, f"{base}/admin/"))
        finally:
            browser.close()
    return results


def _median(values):
    return statistics.median(values) if values else None


def run():
    from tests.e2e.conftest import CHROMIUM

    if not Path(CHROMIUM).exists():
        print(f"\nFirst load: {CHROMIUM} is missing (bin/system-packages browser); not measured.")
        return None
    with tempfile.TemporaryDirectory(prefix="mfs-first-load-") as tmp:
        workdir = Path(tmp)
        env = _env(workdir)
        _manage(env, "migrate", "--no-input", "-v", "0")
        _manage(env, "collectstatic", "--no-input", "-v", "0")
        _manage(env, "shell", "-c", SEED.format(password=PASSWORD))
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{PORT}"
            _wait_for(f"{base}/admin/login/")
            results = measure(base)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    summary = {}
    print("\nFirst load, slow 3G (2000 ms RTT, 50,000 B/s), 4x CPU, 360x740, empty cache,")
    print(f"gunicorn with compression, {ROUNDS} interleaved rounds (medians):")
    for name, loads in results.items():
        row = {
            "load_event_s": _median([load.seconds for load in loads]),
            "load_event_kib": _median([load.kib for load in loads]),
            "complete_s": _median([ld.complete_seconds for ld in loads if ld.complete_seconds]),
            "complete_kib": _median(
                [ld.complete_bytes / 1024 for ld in loads if ld.complete_bytes]
            ),
        }
        summary[name] = row
        line = (
            f"  {name:<12} load event {row['load_event_s']:5.1f} s, "
            f"{row['load_event_kib']:4.0f} KiB"
        )
        if row["complete_s"]:
            line += (
                f"; admin scripts in place {row['complete_s']:5.1f} s, "
                f"{row['complete_kib']:4.0f} KiB"
            )
        print(line)
    summary["ratio_load_event"] = (
        summary["caseload"]["load_event_s"] / summary["start page"]["load_event_s"]
    )
    print(f"  ratio caseload/start page (load event): {summary['ratio_load_event']:.2f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "first-load-slow-3g.json").write_text(json.dumps(summary, indent=2))
    return summary
