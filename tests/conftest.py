"""The small shared test world: role groups, one user per role, clients logged in as them."""

import pytest
from django.test import Client

from core.permissions_setup import setup_roles
from core.roles import Role
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
ROLES = ["anonymous", "coordinator", "trainer", "companion", "editor"]


def _restore_rows_made_by_migrations():
    """Rows that data migrations create and browser tests can lose.

    In a full run, a test after a browser test sometimes starts without
    wagtail-localize's "submit_translation" or Wagtail's "access_admin" permission and
    without Wagtail's root collection (made by data migrations; the post_migrate signal
    restores none of them).
    Put them back the way the migrations make them.
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")

    made_by_migrations = [
        ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
        ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ]
    for app_label, model, codename, name in made_by_migrations:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )


def make_roles():
    """The role groups with their permissions (idempotent, cheap after the first call)."""
    _restore_rows_made_by_migrations()
    return setup_roles()


@pytest.fixture
def roles(db):
    return make_roles()


# The one user of each role that the shared fixtures (and tests/kept_data.py users) make.
ROLE_USERS = {
    "coordinator": {"username": "coordinator", "first_name": "Katrin", "role": Role.COORDINATOR},
    "trainer": {"username": "trainer", "first_name": "Tobias", "role": Role.TRAINER},
    "companion": {"username": "companion", "first_name": "Mirela", "role": Role.COMPANION},
    "editor": {"username": "editor", "first_name": "Jonas", "role": Role.EDITOR},
}


def role_user(role: str):
    return UserFactory(**ROLE_USERS[role])


@pytest.fixture
def coordinator(roles):
    return role_user("coordinator")


@pytest.fixture
def trainer(roles):
    return role_user("trainer")


@pytest.fixture
def companion(roles):
    return role_user("companion")


@pytest.fixture
def editor(roles):
    return role_user("editor")


@pytest.fixture
def superuser(roles):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def users(coordinator, trainer, companion, editor):
    """One user per role; ``None`` stands for an anonymous visitor."""
    return {
        "anonymous": None,
        "coordinator": coordinator,
        "trainer": trainer,
        "companion": companion,
        "editor": editor,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def coordinator_client(coordinator):
    return client_for(coordinator)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Every test writes files into its own folders."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    # Image renditions are cached in memory by image id; ids repeat between tests.
    from django.core.cache import caches

    caches["renditions"].clear()


def pytest_configure(config):
    # pytest-django runs the tests that use the database in transactions first and the
    # transactional ones (browser tests) after them: these end with an empty database.
    # xdist's "load" and "loadgroup" hand tests out in that order; the others do not.
    dist = getattr(config.option, "dist", "no")
    if dist not in ("no", "load", "loadgroup"):
        raise pytest.UsageError(
            f"--dist {dist} runs tests in another order than pytest-django sorts them; "
            "use --dist load or --dist loadgroup."
        )


def _name_xdist_groups(items):
    """Give each test marked ``xdist_group`` its group in its id, as ``--dist loadgroup``
    expects ("…::test_x@demo": the scheduler sends a group to one worker).

    pytest-xdist 3.8 does this by setting ``item._nodeid``, which pytest 9 no longer
    reads (the id is ``item._id``): every group was silently spread over all workers, and
    the demo, made once per group, was made on each. Checked, so that the next change of
    either fails here instead of going unnoticed.
    """
    from _pytest.nodeid import NodeId

    for item in items:
        names = sorted(
            {str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
             for mark in item.iter_markers("xdist_group")}
        )  # fmt: skip
        if not names or item.nodeid.rpartition("]")[2].count("@"):
            continue
        item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")
        if not item.nodeid.endswith(f"@{'_'.join(names)}"):
            raise pytest.UsageError(f"could not put {item.nodeid} into its xdist group")


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="on PostgreSQL, run only the tests that use the test database (.ci/run: the "
        "others ran the same way on SQLite just before)",
    )


# pytest-django's fixtures that give a test the database (all others are refused it).
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "_django_db_helper",
}


def _uses_the_database(item) -> bool:
    """Whether the test reaches the suite's database: pytest-django refuses it to any
    test without its marker, one of its fixtures or a Django ``TransactionTestCase``.
    Processes a test starts on a database file of their own do not count."""
    from django.test import TransactionTestCase

    if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
        return True
    test_class = getattr(item, "cls", None)
    return test_class is not None and issubclass(test_class, TransactionTestCase)


def _leave_out(config, items, condition) -> None:
    deselected = [item for item in items if condition(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not condition(item)]


@pytest.hookimpl(trylast=True)  # after pytest-django has sorted by database use
def pytest_collection_modifyitems(config, items):
    """Order the suite and leave out what this database cannot run.

    Tests marked ``long`` (minutes of real processes) come first: with xdist
    (``make test`` runs ``-n``) one worker starts on them while the others take the
    rest, instead of one worker finishing alone with a long test at the end.

    Tests marked ``postgres`` need real concurrent transactions. On SQLite they are
    deselected (listed as such in the summary, not skipped); with a PostgreSQL
    ``DATABASE_URL`` they run, and fail if they cannot. On PostgreSQL,
    ``--database-tests-only`` deselects the tests that never reach the suite's database
    (pure Python, or processes on a SQLite file of their own, as the kill -9 test): CI
    runs them on SQLite just before, where they do exactly the same.
    """
    from django.conf import settings

    if getattr(config.option, "loadgroup", False):  # an xdist worker with --dist loadgroup
        _name_xdist_groups(items)
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable
    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        if config.getoption("database_tests_only"):
            _leave_out(config, items, lambda item: not _uses_the_database(item))
        return
    _leave_out(config, items, lambda item: item.get_closest_marker("postgres"))


@pytest.fixture(scope="session")
def _migrate_once_per_run(request, tmp_path_factory):
    """With xdist, one worker migrates the test database and the others copy it.

    Requested by ``django_db_setup`` below before pytest-django's, which it patches.
    """
    if not hasattr(request.config, "workerinput"):
        yield
        return
    from tests.shared_db import migrate_once_per_run

    # The workers' temporary directories share their parent: the controller's.
    with migrate_once_per_run(tmp_path_factory.getbasetemp().parent):
        yield


@pytest.fixture(scope="session")
def django_db_setup(_migrate_once_per_run, django_db_setup):
    """Keep the serialized database contents visible from every context, and put them
    back in bulk (tests/bulk_restore.py).

    Django keeps connections in a context-local store; once Playwright's event loop
    runs in the test thread, browser tests get a fresh connection object without the
    contents serialized at set-up. ``serialized_rollback`` then silently restored
    nothing, and rows made by data migrations (e.g. wagtail_localize's "submit
    translation" permission) were gone for the next browser test. With one database
    alias, putting the contents on the connection class makes every connection see them.
    """
    from django.db import connections
    from django.db.backends.base.creation import BaseDatabaseCreation

    from tests.bulk_restore import deserialize_in_bulk

    for conn in connections.all():
        contents = getattr(conn, "_test_serialized_contents", None)
        if contents is not None:
            type(conn)._test_serialized_contents = contents
    # The migrations' rows go back with one INSERT per table (tests/bulk_restore.py).
    BaseDatabaseCreation.deserialize_db_from_string = deserialize_in_bulk
    yield
