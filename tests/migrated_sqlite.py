"""A migrated SQLite database file for tests that start real processes (gunicorn, qcluster).

Migrating from nothing takes a minute on a quiet machine and several on a loaded one; it is
set-up, not what those tests check. The first test to ask builds a template once per set of
migrations, installed packages and settings module (under a file lock, so a parallel worker
waits instead of building it again); every test gets its own copy of it.
"""

import fcntl
import hashlib
import importlib.metadata
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _key(env: dict) -> str:
    digest = hashlib.sha256(env.get("DJANGO_SETTINGS_MODULE", "").encode())
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:20]


def migrated_copy(target: Path, env: dict, *, timeout: int = 900) -> None:
    """Put a fully migrated database at ``target`` (a SQLite file path) for ``env``'s settings."""
    cache = Path(tempfile.gettempdir()) / "mietfuehrerschein-migrated-sqlite"
    cache.mkdir(exist_ok=True)
    template = cache / f"{_key(env)}.sqlite3"
    with open(cache / f"{template.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v", "0"],
                cwd=ROOT,
                env={**env, "DATABASE_URL": f"sqlite:///{building}"},
                check=True,
                timeout=timeout,
            )
            building.rename(template)
    shutil.copyfile(template, target)
