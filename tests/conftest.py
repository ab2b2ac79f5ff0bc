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
