"""The small shared test world: role groups, one user per role, clients logged in as them."""

import pytest
from django.test import Client

from core.permissions_setup import setup_roles
from core.roles import Role
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
ROLES = ["anonymous", "coordinator", "trainer", "companion", "editor"]


@pytest.fixture
def roles(db):
    """The role groups with their permissions (idempotent, cheap after the first call)."""
    return setup_roles()


@pytest.fixture
def coordinator(roles):
    return UserFactory(username="coordinator", first_name="Katrin", role=Role.COORDINATOR)


@pytest.fixture
def trainer(roles):
    return UserFactory(username="trainer", first_name="Tobias", role=Role.TRAINER)


@pytest.fixture
def companion(roles):
    return UserFactory(username="companion", first_name="Mirela", role=Role.COMPANION)


@pytest.fixture
def editor(roles):
    return UserFactory(username="editor", first_name="Jonas", role=Role.EDITOR)


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


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` need real concurrent transactions.

    On SQLite they are deselected (listed as such in the summary, not skipped); with a
    PostgreSQL ``DATABASE_URL`` they run, and fail if they cannot.
    """
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    deselected = [item for item in items if item.get_closest_marker("postgres")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the serialized database contents visible from every context.

    Django keeps connections in a context-local store; once Playwright's event loop
    runs in the test thread, browser tests get a fresh connection object without the
    contents serialized at set-up. ``serialized_rollback`` then silently restored
    nothing, and rows made by data migrations (e.g. wagtail_localize's "submit
    translation" permission) were gone for the next browser test. With one database
    alias, putting the contents on the connection class makes every connection see them.
    """
    from django.db import connections

    for conn in connections.all():
        contents = getattr(conn, "_test_serialized_contents", None)
        if contents is not None:
            type(conn)._test_serialized_contents = contents
    yield
