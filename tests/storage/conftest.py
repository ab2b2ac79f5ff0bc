import uuid

import pytest

from tests.privacy.conftest import person  # noqa: F401 - a fixture for the privacy tests here
from tests.storage.s3 import running_s3_server, storages_for


@pytest.fixture(scope="session")
def s3_server():
    """One SeaweedFS (bin/s3-server) per test process, shared by the tests that need it."""
    with running_s3_server() as settings:
        yield settings


@pytest.fixture
def bucket(s3_server, settings):
    """The app's storages in a corner of the bucket of its own (S3_PREFIX), for this test."""
    prefix = f"t-{uuid.uuid4().hex}"
    settings.STORAGES = storages_for(s3_server, prefix)
    return {**s3_server, "prefix": prefix}
