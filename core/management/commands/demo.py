"""Load invented demo data: staff users, participants, households, and what later apps add.

Idempotent: running it again finds what it made before and creates nothing twice.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import seed_staff
from core.permissions_setup import setup_roles

# Apps contribute a ``demo.seed(stdout)`` function, run in this order.
DEMO_APPS = ["housing", "courses", "certificates", "placement", "monitoring", "cms"]


class Command(BaseCommand):
    help = "Create invented demo data (idempotent). Refuses to run with DEBUG off unless --force."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production database).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. Demo data is invented and must not "
                "mix with real records. Use --force only on a throw-away database."
            )
        with transaction.atomic():
            setup_roles()
            seed_staff(self.stdout)
            for app in DEMO_APPS:
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app}.demo":
                        raise
                    continue
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Logins: see README.md."))
