"""Spreadsheet exports of the admin that are safe to open and open well in German Excel.

Every list and report of the Wagtail admin exports through Wagtail's
``SpreadsheetExportMixin``: our viewsets, the site history, form submissions of the
public site. Wagtail has no setting for any of the following, so ``install()`` (called
once in ``CoreConfig.ready``) adjusts the mixin itself, for every export at once:

- **Formula injection.** A text cell that begins with ``= + - @``, a tab or a carriage
  return is run as a formula by spreadsheet programs (``=HYPERLINK(…)``,
  ``=cmd|'/C calc'!A0``). Such text gets a leading apostrophe, as OWASP recommends,
  in CSV and XLSX alike (in XLSX Wagtail already stores it as text; the apostrophe
  keeps it text when someone edits the cell). Numbers, dates and empty cells are
  left as they are.
- **German Excel.** CSV is UTF-8 with a byte order mark (without it Excel reads
  "Rădulescu" as "RÄƒdulescu") and separated by semicolons, the list separator of
  German Excel (with commas every row lands in column A). Dates are TT.MM.JJJJ.
"""

import csv
import datetime

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
BOM = "\ufeff"


def neutralise(value):
    """Text that a spreadsheet would run as a formula, made plain text.

    A lazy translation is text too: made a string first, so it is checked like one
    (and openpyxl, which knows no lazy strings, can write it).
    """
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _german_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return value


class _Echo:
    def write(self, value):
        return value.encode("utf-8")


_original_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _preprocess_field_value(self, field, value, export_format):
    if export_format == self.FORMAT_CSV:
        value = _german_date(value)
    return neutralise(_original_preprocess(self, field, value, export_format))


def _stream_csv(self, queryset):
    writer = csv.DictWriter(_Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER)
    headings = {field: neutralise(self.get_heading(queryset, field)) for field in self.list_export}
    yield BOM.encode("utf-8") + writer.writerow(headings)
    for item in queryset:
        yield self.write_csv_row(writer, self.to_row_dict(item))


def _write_csv_response(self, queryset):
    response = StreamingHttpResponse(
        self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
    return response


def install():
    SpreadsheetExportMixin.preprocess_field_value = _preprocess_field_value
    SpreadsheetExportMixin.stream_csv = _stream_csv
    SpreadsheetExportMixin.write_csv_response = _write_csv_response
