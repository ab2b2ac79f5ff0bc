"""Settings for the test suite: the real settings, plus what only tests may change.

Environment variables still win (CI sets DATABASE_URL for the PostgreSQL run).
"""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-never-used-in-production-0123456789-abcdefghij"
)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Production settings refuse a loopback SITE_URL (certificates' QR codes would lead
# nowhere); the tests use an address of the kind production has.
os.environ.setdefault("SITE_URL", "https://mietfuehrerschein.example.org")

from config.settings import *  # noqa: F403
from config.settings import MEDIA_ROOT, PRIVATE_MEDIA_ROOT, Q_CLUSTER, STORAGES

# Hashing with a deliberately slow algorithm only slows the tests down.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Jobs run in the test process, right where they are enqueued.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}

# Speaking every published page would slow every test; read-aloud tests turn it on.
READ_ALOUD_ON_PUBLISH = False

# No collectstatic before tests: serve static files as they are.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", str(MEDIA_ROOT) + "-test")
PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT", str(PRIVATE_MEDIA_ROOT) + "-test")

# Tests sign staff in with force_login (no second factor); tests/core/test_two_factor.py
# switches STAFF_2FA back to "required", as in production.
STAFF_2FA = "optional"

# A test sees a verification count right after its request (tests/certificates/
# test_counting.py switches the buffer on).
VERIFICATION_FLUSH_SECONDS = 0
