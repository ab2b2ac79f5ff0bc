"""A migrated SQLite database file: for tests that start real processes (gunicorn,
qcluster), and as the start of the suite's own in-memory test database (tests/shared_db.py).

Migrating from nothing takes a minute on a quiet machine and several on a loaded one; it is
set-up, not what those tests check. The first test to ask builds a template once per set of
migrations and installed packages (under a file lock, so a parallel worker waits instead of
building it again); every test gets its own copy of it.

The template is migrated with the project's settings (``config.settings``, DEBUG on), not
with the asking test's: the test settings modules change limits and brokers, never
``INSTALLED_APPS`` or what the data migrations read (``WAGTAIL_CONTENT_LANGUAGES``), so one
template serves them all and a run migrates SQLite once instead of once per settings module.
"""

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


MIGRATED_WITH = {"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1"}


def migrations_key(settings_module: str = MIGRATED_WITH["DJANGO_SETTINGS_MODULE"]) -> str:
    """What a migrated database depends on: the migrations, the settings, the packages."""
    digest = hashlib.sha256(settings_module.encode())
    for path in sorted([*ROOT.glob("*/migrations/*.py"), *ROOT.glob("config/*.py")]):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:20]


def template(env: dict | None = None, *, timeout: int = 900) -> Path:
    """The migrated template (built now if missing); ``env`` is the caller's environment."""
    env = {**(env if env is not None else os.environ), **MIGRATED_WITH}
    cache = Path(tempfile.gettempdir()) / "mietfuehrerschein-migrated-sqlite"
    cache.mkdir(exist_ok=True)
    path = cache / f"{migrations_key()}.sqlite3"
    with open(cache / f"{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            building = path.with_suffix(".building")
            building.unlink(missing_ok=True)
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v", "0"],
                cwd=ROOT,
                env={**env, "DATABASE_URL": f"sqlite:///{building}"},
                check=True,
                timeout=timeout,
            )
            building.rename(path)
    return path


def migrated_copy(target: Path, env: dict, *, timeout: int = 900) -> None:
    """Put a fully migrated database at ``target`` (a SQLite file path)."""
    shutil.copyfile(template(env, timeout=timeout), target)
