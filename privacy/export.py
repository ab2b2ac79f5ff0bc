"""The person's copy of their data (GDPR Art. 15): a ZIP with data.json, a readable PDF
summary and the files kept about them (certificate PDFs, consent scans).

What is included comes from every app's declarations (``<app>/privacy.py``): the
person's own records, their household's records (marked as household data; nothing
of another member's own records), the change history of each record, Wagtail's log
entries of those records and the access log about the person.
"""

import datetime as dt
import io
import json
import zipfile

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from privacy import registry, texts
from privacy.models import AccessLogEntry

HISTORY_SKIP = {"history_id", "history_change_reason"}


def _rows(queryset) -> list[dict]:
    rows = []
    for item in serializers.serialize("python", queryset):
        rows.append({"id": item["pk"], **item["fields"]})
    return rows


def _history_rows(model, ids) -> list[dict]:
    history = registry.history_model(model)
    if history is None or not ids:
        return []
    records = history.objects.filter(id__in=ids).order_by("history_date", "history_id")
    rows = []
    for item in serializers.serialize("python", records):
        fields = {k: v for k, v in item["fields"].items() if k not in HISTORY_SKIP}
        rows.append(fields)
    return rows


def _log_rows(model, ids) -> list[dict]:
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    entries = ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids]
    ).order_by("timestamp")
    return [
        {"time": e.timestamp, "action": e.action, "record": e.label, "user_id": e.user_id}
        for e in entries
    ]


def collect(participant) -> dict:
    """Everything about the person, as plain data (the content of data.json)."""
    sections = []
    files = []
    for holding in registry.holdings():
        if holding.model == "privacy.AccessLogEntry":
            continue  # below, with the household's screens
        model = registry.model_of(holding)
        records = registry.records(holding, participant).order_by("pk")
        ids = list(records.values_list("pk", flat=True))
        if not ids:
            continue
        for record in records:
            if holding.files:
                files += holding.files(record)
            for f in model._meta.fields:
                if isinstance(f, models.FileField) and getattr(record, f.name):
                    files.append(getattr(record, f.name).name)
        sections.append(
            {
                "model": holding.model,
                "title": str(model._meta.verbose_name_plural),
                "household_data": holding.is_household_data,
                "records": _rows(records),
                "history": _history_rows(model, ids),
                "site_history": _log_rows(model, ids),
            }
        )
    access = AccessLogEntry.objects.about(participant).select_related("user").order_by("at")
    return {
        "generated_at": timezone.now(),
        "participant_id": participant.pk,
        "preferred_language": participant.preferred_language,
        "sections": sections,
        "access_log": [
            {
                "time": entry.at,
                "staff_member": entry.user.get_full_name() or entry.user.get_username(),
                "what": entry.action,
                "what_label": str(entry.get_action_display()),
                "participant_id": entry.participant_id,
                "household_id": entry.household_id,
            }
            for entry in access
        ],
        "files": sorted(set(files)),
    }


def _display(model, name, value) -> str:
    try:
        model_field = model._meta.get_field(name)
    except Exception:
        model_field = None
    if value in (None, "", [], {}):
        return "–"
    if model_field is not None and model_field.choices:
        choices = dict(model_field.flatchoices)
        if isinstance(value, list):
            return ", ".join(str(choices.get(v, v)) for v in value)
        return str(choices.get(value, value))
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def _label(model, name) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def render_summary_pdf(participant, data) -> bytes:
    from weasyprint import HTML

    from certificates.rendering import FONTS_DIR

    language = participant.preferred_language
    heads = texts.headings(language)
    sections = []
    with translation.override("de"):
        for section in data["sections"]:
            model = apps.get_model(section["model"])
            key = texts.SECTION_OF_MODEL.get(section["model"], "other")
            sections.append(
                {
                    "heading": heads[key],
                    "title": section["title"],
                    "household_data": section["household_data"],
                    "records": [
                        [
                            (_label(model, name), _display(model, name, value))
                            for name, value in record.items()
                            if name != "id"
                        ]
                        for record in section["records"]
                    ],
                    "changes": len(section["history"]),
                }
            )
        html = render_to_string(
            "privacy/summary_pdf.html",
            {
                "participant": participant,
                "heads": heads,
                "sections": sections,
                "access_log": data["access_log"],
                "files": data["files"],
                "rtl": language in texts.RTL,
                "own_language": language if heads["title"]["own"] else "",
                "generated_at": timezone.localtime(data["generated_at"]),
                "fonts_dir": FONTS_DIR.as_uri(),
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def _private_file(name: str) -> bytes | None:
    """A file of the private storage (disk or bucket), None when it is gone."""
    from django.core.exceptions import SuspiciousFileOperation

    from core.storage import private

    try:
        if not private.exists(name):
            return None
        with private.open(name, "rb") as handle:
            return handle.read()
    except SuspiciousFileOperation:
        return None


def build_zip(participant) -> bytes:
    """The ZIP: data.json, Datenauskunft.pdf, files/<path> for every file kept."""
    data = collect(participant)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        archive.writestr("Datenauskunft.pdf", render_summary_pdf(participant, data))
        for name in data["files"]:
            content = _private_file(name)
            if content is not None:
                archive.writestr(f"files/{name}", content)
    return buffer.getvalue()
