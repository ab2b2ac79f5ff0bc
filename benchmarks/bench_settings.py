"""Settings for the HTTP benchmarks served by gunicorn (production-like: DEBUG off)."""

from tests.certificates.reliability_settings import *  # noqa: F403
from tests.certificates.reliability_settings import STORAGES

ROOT_URLCONF = "benchmarks.bench_urls"
# The benchmark measures the page, not the limiter's refusal.
VERIFICATION_RATE_LIMIT = 10**9
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
