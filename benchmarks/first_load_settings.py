"""Settings of the first-load measurement (benchmarks/bench_first_load.py): production
settings served by gunicorn over plain HTTP on 127.0.0.1.

Only what plain HTTP on a loopback address needs differs from production: cookies
without the Secure flag, no HTTPS redirect, and sign-in without an authenticator app
(the measured page is the same; the app is asked for once per session, before it).
Compression is production's: whitenoise serves the gzip and brotli files
``collectstatic`` wrote, ``GZipMiddleware`` compresses the pages.
"""

from config.settings import *  # noqa: F403

STAFF_2FA = "optional"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
