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
  German Excel (with commas every row lands in column A). Dates are TT.MM.JJJJ,
  decimals have a comma ("66,7"), yes/no are "ja"/"nein".
- **German values.** A field with choices exports its label ("läuft", "ausgestellt"),
  not the stored value ("running", "issued"), in CSV and XLSX; a list of choices
  (languages) its labels separated by commas.
"""

import csv
import datetime
from collections import OrderedDict
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.coreutils import multigetattr

from core import formats

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


def _german_value(value):
    """A CSV cell as German Excel reads it; XLSX keeps numbers and booleans typed."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, float | Decimal):
        return formats.number(value)
    return _german_date(value)


def _choice_field(owner, name):
    if not isinstance(owner, models.Model):
        return None
    try:
        model_field = owner._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if model_field.is_relation or not getattr(model_field, "choices", None):
        return None
    return model_field


def export_value(item, accessor: str):
    """What a list's column ``accessor`` (a dotted path, as in ``list_export``) exports
    for ``item``: the label of a choice field's value, else Wagtail's lookup."""
    *path, name = accessor.split(".")
    owner = multigetattr(item, ".".join(path)) if path else item
    model_field = _choice_field(owner, name)
    if model_field is None:
        return multigetattr(item, accessor)
    value = getattr(owner, model_field.attname)
    labels = dict(model_field.flatchoices)
    if isinstance(value, list | tuple):
        return ", ".join(str(labels.get(v, v)) for v in value)
    if value in (None, ""):
        return value
    return str(labels.get(value, value))


def _to_row_dict(self, item):
    return OrderedDict((field, export_value(item, field)) for field in self.list_export)


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
        value = _german_value(value)
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
    SpreadsheetExportMixin.to_row_dict = _to_row_dict
    SpreadsheetExportMixin.preprocess_field_value = _preprocess_field_value
    SpreadsheetExportMixin.stream_csv = _stream_csv
    SpreadsheetExportMixin.write_csv_response = _write_csv_response
