"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against a live server.

No browser is downloaded: the launch options point at the system Chromium, which
`bin/system-packages browser` installs.
"""

import os
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API keeps an event loop running in the test thread for the whole
# session (it starts before the test database is set up). The ORM calls made there
# are still plain synchronous calls, so Django's async guard must stand aside. Only
# tests set this; `check --deploy` would refuse it in production.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


class _OneRequestAtATimeOnSharedSQLite(ThreadedWSGIServer):
    """The live server, handling one request at a time when it shares the test's SQLite.

    With the in-memory SQLite test database, the server's threads and the test use one
    connection. Two requests at once on it (the page editor's periodic ping beside the
    image chooser, say) fail with "cannot open savepoint - SQL statements in progress"
    and the test fails at random. Connections stay concurrent (a kept-alive one does not
    block the others); only the application runs one request at a time. On PostgreSQL
    every thread has its own connection and requests stay truly concurrent.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, connections_override=connections_override, **kwargs)
        self._one_at_a_time = threading.Lock() if connections_override else None

    def set_app(self, application):
        lock = self._one_at_a_time
        if lock is None:
            return super().set_app(application)

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = _OneRequestAtATimeOnSharedSQLite


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `bin/system-packages browser` (installs chromium)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Staff browsers in the programme's offices ask for German.
    return {**browser_context_args, "locale": "de-DE", "timezone_id": "Europe/Berlin"}


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-results/screenshots/ to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def _fail_fast(page):
    page.set_default_timeout(10_000)


@pytest.fixture
def login(page, live_server):
    def log_in(username: str, password: str):
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return log_in
