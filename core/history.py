"""A back-office page that shows who changed what in a record, and when.

The records come from django-simple-history. The page lists the record's own
changes and those of closely related records (e.g. a participant's consents),
newest first, each with the changed fields' old and new values.

A model may ask for more on the page with two class attributes:

- ``history_shows_reason = True``: the reason stored with a change
  (``instance._change_reason`` when saving) is shown with it. Off by default, because
  some apps store machine markers there rather than words for people.
- ``history_highlights = {"field": label}``: a change of that field is marked with
  the label, e.g. an exam result that turns from passed to not passed.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core import formats, users

EMPTY = "–"


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    highlight: str = ""


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    action: str
    subject: str
    changes: list[FieldChange] = field(default_factory=list)
    reason: str = ""

    @property
    def highlights(self) -> list[str]:
        return [change.highlight for change in self.changes if change.highlight]


def _display(value, model_field, labels: dict) -> str:
    """A value as the page shows it, in German: choice labels, "ja"/"nein", "80 %",
    "66,7", TT.MM.JJJJ. Two values that show the same are the same (see _changed)."""
    if value in (None, "", [], {}):
        return EMPTY
    if isinstance(model_field, models.ForeignKey):
        return labels.get((model_field.related_model, value), f"#{value}")
    if model_field.choices:
        choices = dict(model_field.flatchoices)
        if isinstance(value, list):
            # In the order of the choices: a reordered list reads the same.
            order = {key: n for n, key in enumerate(choices)}
            items = sorted(value, key=lambda item: (order.get(item, len(order)), str(item)))
            return ", ".join(str(choices.get(item, item)) for item in items)
        return str(choices.get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float | Decimal):
        if model_field.name == "percent" or model_field.name.endswith("_percent"):
            return formats.percent(value)
        return formats.number(value)
    if isinstance(value, dict) and all(isinstance(v, int | float) for v in value.values()):
        # Points per exam part, keyed by the part's id: shown as on the results screen.
        return " + ".join(formats.number(value[key]) for key in sorted(value, key=_numeric_first))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str) and isinstance(model_field, models.DateField):
        # A date that reached the record as text (ISO) reads like any other date.
        parsed = (
            parse_datetime(value)
            if isinstance(model_field, models.DateTimeField)
            else parse_date(value)
        )
        value = parsed or value
    if hasattr(value, "strftime"):
        if isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d.%m.%Y %H:%M" if isinstance(value, datetime) else "%d.%m.%Y")
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def _numeric_first(key) -> tuple:
    text = str(key)
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


def _foreign_key_labels(records, model) -> dict:
    """Labels of every object a foreign key in ``records`` points to, in one query per model."""
    wanted = defaultdict(set)
    fks = [f for f in model._meta.fields if isinstance(f, models.ForeignKey)]
    for record in records:
        for fk in fks:
            value = getattr(record, fk.attname, None)
            if value is not None:
                wanted[fk.related_model].add(value)
    labels = {}
    for related_model, pks in wanted.items():
        # Labels often name a related record (an enrolment names its participant):
        # follow the label's own foreign keys in the same query.
        own_fks = [f.name for f in related_model._meta.fields if isinstance(f, models.ForeignKey)]
        objects = related_model._default_manager.filter(pk__in=pks).select_related(*own_fks)
        for obj in objects:
            labels[(related_model, obj.pk)] = str(obj)
    return labels


def build_entries(
    records, model, subject: str | None = None, describe_by: tuple[str, ...] = ()
) -> list[HistoryEntry]:
    """Turn one object's historical records (any order) into entries with field diffs.

    ``describe_by`` names foreign keys whose targets are added to each entry's subject,
    e.g. which participant and session an attendance change concerns.
    """
    by_object = defaultdict(list)
    for record in records:
        by_object[record.id].append(record)
    labels = _foreign_key_labels(records, model)
    editable = {f.name: f for f in model._meta.fields if f.editable and f.name != "id"}
    highlights = getattr(model, "history_highlights", {})
    shows_reason = getattr(model, "history_shows_reason", False)
    actions = {"+": gettext("created"), "~": gettext("changed"), "-": gettext("deleted")}

    entries = []
    for object_records in by_object.values():
        object_records.sort(key=lambda r: (r.history_date, r.history_id))
        previous = None
        for record in object_records:
            changes = []
            if record.history_type == "+" or previous is None:
                for model_field in editable.values():
                    value = getattr(record, model_field.attname, None)
                    if value not in (None, "", [], {}):
                        label = str(model_field.verbose_name)
                        changes.append(
                            FieldChange(label, EMPTY, _display(value, model_field, labels))
                        )
            elif record.history_type == "~":
                delta = record.diff_against(previous, included_fields=list(editable))
                for change in delta.changes:
                    model_field = editable[change.field]
                    old = _display(change.old, model_field, labels)
                    new = _display(change.new, model_field, labels)
                    if old == new:
                        # Decimal 80 and 80.0, a list in another order, the same date
                        # as text and as a date: different to Python, not to a reader.
                        continue
                    changes.append(
                        FieldChange(
                            str(model_field.verbose_name),
                            old,
                            new,
                            highlight=str(highlights.get(change.field, "")),
                        )
                    )
            previous = record
            if record.history_type == "~" and not changes:
                continue  # a save that changed nothing is not worth a line
            user = record.history_user
            about = [_describe(record, model, name, labels) for name in describe_by]
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=users.display_name(user) if user else gettext("system"),
                    action=actions.get(record.history_type, record.history_type),
                    subject=(subject or str(model._meta.verbose_name))
                    + (f" ({', '.join(filter(None, about))})" if any(about) else ""),
                    changes=changes,
                    reason=(getattr(record, "history_change_reason", None) or "")
                    if shows_reason
                    else "",
                )
            )
    return entries


def _describe(record, model, name: str, labels: dict) -> str:
    """What a foreign key's target (its label) or a plain field ("attempt 2") says."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):
        value = getattr(record, model_field.attname, None)
        return "" if value is None else labels.get((model_field.related_model, value), "")
    value = getattr(record, name, None)
    return "" if value in (None, "") else f"{model_field.verbose_name} {value}"


class ChangeHistoryView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """History page of one record; used as ``history_view_class`` of our viewsets."""

    any_permission_required = ["add", "change", "delete"]
    template_name = "core/change_history.html"
    page_title = gettext_lazy("Change history")
    header_icon = "history"
    index_url_name = None
    edit_url_name = None
    history_url_name = None
    history_results_url_name = None
    related_histories: tuple = ()
    max_entries = 200

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        from django.urls import reverse

        items = []
        if self.index_url_name:
            items.append(
                {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural}
            )
        if self.edit_url_name:
            items.append(
                {
                    "url": reverse(self.edit_url_name, args=[self.object.pk]),
                    "label": str(self.object),
                }
            )
        items.append({"url": "", "label": gettext("Change history")})
        return self.breadcrumbs_items + items

    def get_entries(self) -> list[HistoryEntry]:
        history = self.model.history.filter(id=self.object.pk).select_related("history_user")
        entries = build_entries(list(history), self.model)
        for related_model, fk_name, *describe_by in self.related_histories:
            # "session__course" reaches a record through another one (historical
            # foreign keys can be followed like the live ones).
            lookup = fk_name if "__" in fk_name else f"{fk_name}_id"
            related = related_model.history.filter(**{lookup: self.object.pk})
            entries += build_entries(
                list(related.select_related("history_user")),
                related_model,
                subject=str(related_model._meta.verbose_name),
                describe_by=tuple(describe_by[0]) if describe_by else (),
            )
        entries.sort(key=lambda entry: entry.when, reverse=True)
        return entries[: self.max_entries]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["entries"] = self.get_entries()
        return context
