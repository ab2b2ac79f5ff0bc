"""``python manage.py esf_report --from 2026-01-01 --to 2026-12-31``: the funder's CSV.

Contract (automated checks rely on it): CSV on standard output, header exactly
``indicator,women,men,non_binary,total``, one row per code EECO01–EECO16 and
EECR01–EECR06. Outputs count participants who entered in the period, immediate results
those who left in it, six-month results by the date of their follow-up.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from monitoring import exports, report, sources


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = "Write the ESF Plus indicators of a period as CSV to standard output."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--district", help="only this district (its name)")

    def handle(self, *args, start, end, district=None, **options):
        start, end = _date(start), _date(end)
        if end < start:
            raise CommandError("--to is before --from.")
        chosen = None
        if district:
            chosen = sources.districts().filter(name=district).first()
            if chosen is None:
                raise CommandError(f"Unknown district: {district!r}")
        period = report.Period(start, end, chosen)
        self.stdout.write(exports.esf_csv(report.esf_rows(period)), ending="")
