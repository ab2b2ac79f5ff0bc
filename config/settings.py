"""Settings for the Mietführerschein system, read only from environment variables.

Every variable is listed with its default in README.md ("Configuration"). Readers in
config/env.py fail with one clear line when a value is malformed.
"""

from pathlib import Path
from urllib.parse import urlparse

import dj_database_url

from config.env import (
    EnvError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    env_url,
    site_url_problem,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

# --- Core ------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)

# A development key is only acceptable while DEBUG is on (make run sets it).
SECRET_KEY = env_str("SECRET_KEY", required=not DEBUG) or "dev-only-insecure-key-not-for-production"
# Sessions, password-reset links and the rate counters' hashes are signed with it: a
# short or repetitive key could be guessed, so production refuses to start with one.
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 10):
    raise EnvError(
        "SECRET_KEY must be at least 50 random characters "
        "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000")
_site_host = urlparse(SITE_URL).hostname or "127.0.0.1"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [_site_host, "127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = [SITE_URL]
# Production refuses to start when the QR codes it prints could not be opened by a
# landlord (certificates.services refuses to issue for the same reason).
if not DEBUG and (_problem := site_url_problem(SITE_URL, ALLOWED_HOSTS, allow_loopback=False)):
    raise EnvError(_problem)

INSTALLED_APPS = [
    # Project apps come first so their templates override Wagtail's.
    "core",
    "housing",
    "courses",
    "certificates",
    "cms",
    "monitoring",
    "privacy",
    "placement",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "core.users_app.StaffUsersAppConfig",  # wagtail.users, with unique e-mail addresses
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "django_q",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # widget templates for FORM_RENDERER below
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages, the admin's icon sprite and its script catalogue go out gzip-compressed;
    # static files come precompressed (gzip, brotli) from whitenoise above.
    "core.middleware.TextGZipMiddleware",
    # Byte ranges (206) for audio and video the app serves (cms/ranges.py).
    "cms.ranges.RangeRequestsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages (an idle sign-out says why), before any view.
    "core.sessions.StaffSessionMiddleware",
    "core.twofactor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.SameOriginPreviewMiddleware",
    "core.middleware.SiteCSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After authentication: logs who opened whose record (privacy/middleware.py).
    "privacy.middleware.AccessLogMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a lockout answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# Form widgets are rendered with the project's template settings, so that our copies of
# Wagtail's widget templates (without inline scripts, see templates/wagtailadmin/) win.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.site",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------


def _database(url: str) -> dict:
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise EnvError(f"DATABASE_URL is malformed ({exc}).") from None
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        if config["NAME"] not in ("", ":memory:"):
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets readers work while a writer commits; IMMEDIATE transactions and a
        # busy timeout make concurrent writers wait instead of failing with "locked".
        # Connections are kept between requests as on PostgreSQL (opening one and
        # running the pragmas cost a public page about a third of its time).
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif not engine.endswith("postgresql"):
        raise EnvError(f"DATABASE_URL must point to PostgreSQL or SQLite, got {engine or url!r}.")
    return config


DATABASES = {
    "default": _database(env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and background jobs --------------------------------------------------

REDIS_URL = env_url("REDIS_URL", "", schemes=("redis", "rediss", "unix"))

if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # Shared by every web process (unlike a per-process memory cache), so limits
    # such as the verification rate limit hold across gunicorn workers.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_table",
        }
    }

# Wagtail looks up an image rendition on every page view. Renditions never change once
# made, so a per-process memory cache (or Redis) serves them without database queries.
CACHES["renditions"] = (
    {**CACHES["default"], "KEY_PREFIX": "renditions"}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 10000},
    }
)

# A job may run longer than "timeout" seconds only once; "retry" must exceed
# "timeout" so a job still running is never handed to a second worker.
Q_CLUSTER = {
    "name": "mietfuehrerschein",
    "workers": env_int("Q_WORKERS", 2, minimum=1),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 3,
    "queue_limit": 50,
    "bulk": 10,
    "catch_up": False,
    "ack_failures": True,
    # Failed jobs are kept (django_q's Failure table, with the error); successful ones
    # are not: what a job did is in its own records (a certificate's status and
    # rendered_at, a digest's DigestSent, a retention job's RetentionRun). Keeping
    # the last 250 made the cluster lock and load all 250 rows for every finished
    # job (7 ms of the monitor and 6 ms of PostgreSQL per certificate,
    # benchmarks/README.md) and nothing in the app read them.
    "save_limit": -1,
    "label": "Hintergrundaufgaben",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- Authentication -------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# Five wrong passwords for one user from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
# Reverse proxies of ours in front of the app; core.clientip decides the client's
# address from it for the lockout, the rate limits and the logs alike.
PROXY_COUNT = env_int("PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_address"

# Staff sign in with a second factor (core.twofactor): "required" for every staff
# account; "optional" (only with DEBUG on) asks only those who set up an app.
STAFF_2FA = env_choice("STAFF_2FA", "required", ("required", "optional"))
if STAFF_2FA != "required" and not DEBUG:
    raise EnvError("STAFF_2FA=optional is only allowed with DEBUG on; staff need a second factor.")
OTP_TOTP_ISSUER = "Mietführerschein"
# After each wrong code the next attempt waits longer (1 s, 2 s, 4 s, …).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Staff sessions (core.sessions): end when the browser closes, after SESSION_IDLE_MINUTES
# without activity, and in any case after a working day.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30, minimum=1)

# "Forgotten password": requests per minute per client address, and seconds between two
# mails to one address (core.account_views.RateLimitedPasswordResetView).
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 5, minimum=1)
PASSWORD_RESET_MAIL_INTERVAL = 5 * 60

# --- Internationalisation --------------------------------------------------------

LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("de", "Deutsch"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Staff may work in any programme language (companions often prefer their own).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env_str("STATIC_ROOT", str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# favicon.ico and apple-touch-icon.png are asked for at the site's root.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(VAR_DIR / "media"))
# Files with personal data (certificate PDFs, signed agreements, consent scans, photos of
# flats) live here, outside MEDIA_ROOT, and are only ever served through views that
# check permissions.
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
# Every file goes through Django's storage API (core/storage.py): "default" holds public
# material (CMS images, documents, read-aloud clips, handouts), "private" the files with
# personal data. On the local disk unless S3_BUCKET names a bucket of an S3-compatible
# object store, which every web and worker host then shares (README "Deploying for real").
S3_BUCKET = env_str("S3_BUCKET")
S3_ENDPOINT_URL = env_url("S3_ENDPOINT_URL")
S3_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = env_str("S3_SECRET_ACCESS_KEY")
S3_REGION = env_str("S3_REGION", "us-east-1")
S3_PREFIX = env_str("S3_PREFIX")
if S3_BUCKET:
    from config.files import s3_storages

    if bool(S3_ACCESS_KEY_ID) != bool(S3_SECRET_ACCESS_KEY):
        raise EnvError("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together.")
    FILE_STORAGES = s3_storages(
        bucket=S3_BUCKET,
        endpoint_url=S3_ENDPOINT_URL,
        access_key=S3_ACCESS_KEY_ID,
        secret_key=S3_SECRET_ACCESS_KEY,
        region=S3_REGION,
        prefix=S3_PREFIX,
    )
else:
    FILE_STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
    }
# Wagtail streams documents itself (checking a collection's privacy), also from a bucket.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
STORAGES = {
    **FILE_STORAGES,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000  # an attendance sheet posts a few fields per person

# --- E-mail ---------------------------------------------------------------------------

EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "mietfuehrerschein@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# --- Wagtail ----------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Mietführerschein"
WAGTAILADMIN_USER_LOGIN_FORM = "core.forms.StaffLoginForm"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents are PDF handouts and self-hosted audio/video; cms.media checks the content.
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp3", "ogg", "oga", "wav", "m4a", "mp4", "webm"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.forms.MediaDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 50 * 1024 * 1024, minimum=1)
# Audio and video play in the page instead of being downloaded.
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "audio/mpeg",
    "audio/ogg",
    "audio/wav",
    "audio/x-wav",
    "audio/mp4",
    "video/mp4",
    "video/webm",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: it would tell a third party our staff's e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Staff type and read dates the German way.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Security -------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# The public site runs without inline scripts or styles. The Wagtail admin runs
# without inline scripts too: the few Wagtail templates that had one are copied under
# templates/ with a marker that static/js/admin-init.js starts. It keeps inline
# *styles* (Wagtail sets style attributes from its scripts throughout), which cannot
# run code. Policy per path: core.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint logs seven INFO "Step n" lines per PDF: formatted and written for
        # every certificate a worker renders. Its warnings and errors still come through.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Make read-aloud clips when a page is published (cms/read_aloud.py); off only in tests
# that are not about it.
READ_ALOUD_ON_PUBLISH = env_bool("READ_ALOUD_ON_PUBLISH", True)

# --- Programme --------------------------------------------------------------------------------

# Who issues certificates and runs the programme; printed on certificates and pages.
PROGRAMME_ORGANISATION = env_str("PROGRAMME_ORGANISATION", "Quartiersmanagement (Demo-Stadt)")
# Who signs the Integrationszertifikat Wohnen, and for how long it is valid (0: no end).
CERTIFICATE_SIGNATORY_NAME = env_str("CERTIFICATE_SIGNATORY_NAME", "Dr. Almut Wegener")
CERTIFICATE_SIGNATORY_TITLE = env_str("CERTIFICATE_SIGNATORY_TITLE", "Leitung Quartiersmanagement")
CERTIFICATE_VALIDITY_YEARS = env_int("CERTIFICATE_VALIDITY_YEARS", 0, minimum=0)
# Verifications per minute per client address on the public page /v/.
VERIFICATION_RATE_LIMIT = env_int("VERIFICATION_RATE_LIMIT", 30, minimum=1)
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "Mietfuehrerschein-Demo-2026")


# --- Data protection (privacy/, README "Retention") ----------------------------------------
# ESF Plus records are kept until the date the funder sets (CPR Art. 82: five years from
# 31 December of the year of the last payment): RETENTION_UNTIL (TT.MM.JJJJ or
# JJJJ-MM-TT), or else RETENTION_YEARS full calendar years after the person's exit.
RETENTION_UNTIL = env_str("RETENTION_UNTIL", "")
RETENTION_YEARS = env_int("RETENTION_YEARS", 5, minimum=0)
# How long the access log, the verification page's records and rate counters are kept.
ACCESS_LOG_DAYS = env_int("ACCESS_LOG_DAYS", 730, minimum=1)
VERIFICATION_LOG_DAYS = env_int("VERIFICATION_LOG_DAYS", 365, minimum=1)

# The public page buffers its verification counts and writes them every this many
# seconds and at a clean exit (certificates/counting.py); 0 writes each one at once.
VERIFICATION_FLUSH_SECONDS = env_int("VERIFICATION_FLUSH_SECONDS", 1, minimum=0)
