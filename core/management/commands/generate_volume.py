"""Add years of realistic invented data on top of the demo data, for benchmarks.

Every installed app may have a ``volume.py`` with ``generate(volume)``; they run in
INSTALLED_APPS order (housing before courses before certificates before monitoring),
each reading what the ones before made from ``volume.made``. Bulk inserts throughout.
"""

import importlib
import time

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.generation import Volume


def generators():
    """(app label, generate function) of every installed app with a volume module."""
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.volume")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.volume":
                raise
            continue
        found.append((config.label, module.generate))
    return found


class Command(BaseCommand):
    help = (
        "Add invented data of several years (five: about 6,000 participants, 70,000 attendance "
        "records, 40,000 home visits, …) on top of the demo data. Refuses with DEBUG off "
        "unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=5, help="Years of programme (5).")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Fraction of the full size (0.1 for tests)."
        )
        parser.add_argument("--seed", type=int, default=20260101, help="Random seed.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production database).",
        )

    def handle(self, *args, years, scale, seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. Volume data is invented and must not "
                "mix with real records. Use --force only on a throw-away database."
            )
        if years < 1 or scale <= 0:
            raise CommandError("--years must be at least 1 and --scale above 0.")
        call_command("demo", force=True, stdout=self.stdout)
        volume = Volume(years=years, scale=scale, stdout=self.stdout, seed=seed)
        started = time.monotonic()
        for label, generate in generators():
            self.stdout.write(f"{label}:")
            app_started = time.monotonic()
            with transaction.atomic():
                generate(volume)
            self.stdout.write(f"  ({time.monotonic() - app_started:.1f} s)")
        # Bulk inserts leave the planner's statistics (and PostgreSQL's visibility map, which
        # index-only scans need) behind; a database in use has them from autovacuum.
        # VACUUM cannot run inside a transaction (a caller's atomic block, a test): there
        # the statistics alone.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Volume data of {years} years ready in {time.monotonic() - started:.0f} s."
            )
        )
