"""Migrate the test database once per run and copy it for every other xdist worker.

Migrating from nothing costs about half a minute of CPU (Wagtail alone brings some 200
migrations). With pytest-xdist every worker creates its own test database, so every
worker would pay it again. Instead the first worker that needs a database migrates it
as usual and leaves a copy; the others start from that copy, the way Django's own
parallel test runner clones its databases:

- SQLite (in memory): the copy is a file; a worker restores it with SQLite's backup API.
  The file is the migrated template the process tests copy too (tests/migrated_sqlite.py),
  so a run migrates SQLite once, not once for the workers and once for those tests.
- PostgreSQL: the copy is a template database; a worker creates its database from it
  (``CREATE DATABASE … TEMPLATE …``). The template is named after what the migrated
  database depends on (tests/migrated_sqlite.py ``migrations_key``: the migrations, the
  settings, the installed packages) and kept in the server for the next run, the way the
  SQLite file is kept in the temporary directory: a run migrates PostgreSQL only when one
  of those changed. Templates of older keys are dropped when a new one is made.

A file lock in the run's temporary directory (shared by its workers) makes the others
wait while the first one migrates. Without xdist, or with ``--reuse-db``, nothing
changes.
"""

import contextlib
import fcntl
import json
import sqlite3
from pathlib import Path

INFO = "shared-test-db.json"


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


KEPT_PREFIX = "mfs_migrated_"


def _kept_template_name() -> str:
    import os

    from tests.migrated_sqlite import migrations_key

    return KEPT_PREFIX + migrations_key(os.environ["DJANGO_SETTINGS_MODULE"])


def _use(connection, name: str) -> None:
    from django.conf import settings

    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()


def _exists(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def _kept_template(connection) -> dict | None:
    """PostgreSQL: the template a run with the same migrations left, if there is one."""
    template = _kept_template_name()
    with connection.creation._nodb_cursor() as cursor:
        if not _exists(cursor, template):
            return None
    return {"vendor": "postgresql", "template": template}


def _save_copy(connection, name: str) -> dict:
    """PostgreSQL: the migrated test database as the kept template (SQLite has its file)."""
    from django.db import DatabaseError

    creation = connection.creation
    template = _kept_template_name()
    quote = connection.ops.quote_name
    connection.close()  # the source of CREATE DATABASE … TEMPLATE must have no sessions
    with creation._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [f"{KEPT_PREFIX}%", template],
        )
        for (older,) in cursor.fetchall():
            # One that another run is copying right now stays until the next time.
            with contextlib.suppress(DatabaseError):
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(older)}")
        try:
            cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(name)}")
        except DatabaseError:
            if not _exists(cursor, template):  # else another run made the same one meanwhile
                raise
    connection.ensure_connection()
    return {"vendor": "postgresql", "template": template}


def _create_from_copy(connection, info: dict) -> str:
    creation = connection.creation
    name = creation._get_test_db_name()
    if info["vendor"] == "sqlite":
        _use(connection, name)
        copy = sqlite3.connect(info["file"])
        copy.backup(connection.connection)
        copy.close()
        return name
    quote = connection.ops.quote_name
    connection.close()
    with creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
        cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(info['template'])}")
    _use(connection, name)
    return name


def _supported(connection) -> bool:
    if connection.vendor == "postgresql":
        return True
    if connection.vendor == "sqlite":
        return connection.creation.is_in_memory_db(connection.creation._get_test_db_name())
    return False


@contextlib.contextmanager
def migrate_once_per_run(shared: Path):
    """While active, the default database's ``create_test_db`` copies instead of migrating."""
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections

    connection = connections[DEFAULT_DB_ALIAS]
    creation = connection.creation
    original = creation.create_test_db
    info_file = shared / INFO

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if keepdb or not _supported(connection):
            return original(verbosity, autoclobber, serialize, keepdb)
        with _locked(shared / f"{INFO}.lock"):
            if not info_file.exists() and connection.vendor == "sqlite":
                # The migrated file the process tests copy (tests/migrated_sqlite.py), so
                # SQLite is migrated once per run (and not at all while it is cached).
                from tests.migrated_sqlite import template

                info_file.write_text(json.dumps({"vendor": "sqlite", "file": str(template())}))
            if not info_file.exists() and connection.vendor == "postgresql":
                kept = _kept_template(connection)
                if kept:
                    info_file.write_text(json.dumps(kept))
            if info_file.exists():
                name = _create_from_copy(connection, json.loads(info_file.read_text()))
                # Made by create_test_db after migrating; not part of a migrated file.
                call_command("createcachetable", database=connection.alias, verbosity=0)
                if serialize:
                    connection._test_serialized_contents = creation.serialize_db_to_string()
                return name
            name = original(verbosity, autoclobber, serialize, keepdb)
            info_file.write_text(json.dumps(_save_copy(connection, name)))
            return name

    creation.create_test_db = create_test_db
    try:
        yield
    finally:
        del creation.create_test_db  # back to the class's method
