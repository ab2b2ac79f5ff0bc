"""WSGI entry point for gunicorn: `gunicorn config.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

from config.startup import check_database, run_or_explain

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def _build():
    app = get_wsgi_application()
    check_database()
    _freeze_what_lives_as_long_as_the_process()
    return app


def _freeze_what_lives_as_long_as_the_process():
    """Load the URLs (and with them every view, model and hook), then move everything
    loaded so far out of the garbage collector's sight (``gc.freeze``): a full collection
    during a request then scans that request's objects, not the whole framework. Such
    collections took 150-180 ms in a worker serving the five-year data (measured,
    benchmarks/README.md) and were the p95 of the list screens."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loading is the point)
    gc.collect()
    gc.freeze()


application = run_or_explain(_build)
