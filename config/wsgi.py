"""WSGI entry point for gunicorn: `gunicorn config.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

from config.startup import check_database, run_or_explain

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def _build():
    app = get_wsgi_application()
    check_database()
    return app


application = run_or_explain(_build)
