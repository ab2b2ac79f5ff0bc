"""ASGI entry point (not used by default; gunicorn serves WSGI)."""

import os

from django.core.asgi import get_asgi_application

from config.startup import run_or_explain

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = run_or_explain(get_asgi_application)
