import pytest

from tests.storage.s3 import running_s3_server


@pytest.fixture(scope="session")
def s3_server():
    """One SeaweedFS (bin/s3-server) per test process, shared by the tests that need it."""
    with running_s3_server() as settings:
        yield settings
