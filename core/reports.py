"""Wagtail's "site history" report, limited to what the user may see.

Wagtail filters the report (and its CSV/XLSX export and filter choices) by model
permission only, so a companion saw other companions' households and a trainer
other trainers' courses. This view takes every entry through
``core.audit.visible_log_entries``; config/urls.py routes Wagtail's URLs to it.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Value
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry

from core.audit import visible_log_entries


def _visible(user):
    return [(model, visible_log_entries(model, user)) for model in _log_models()]


def _log_models():
    return list(log_action_registry.get_log_entry_models())


def _content_types(request):
    ids = set()
    for _model, entries in _visible(request.user):
        ids.update(entries.get_content_type_ids())
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    object_type = ContentTypeFilter(
        label=SiteHistoryReportFilterSet.base_filters["object_type"].label,
        method="filter_object_type",
        queryset=_content_types,
    )

    def get_action_choices(self):
        actions = set()
        for _model, entries in _visible(self.request.user):
            actions.update(entries.get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_users_queryset(self):
        ids = set()
        for _model, entries in _visible(self.request.user):
            ids.update(entries.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


class ScopedLogEntriesView(LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet

    def get_filtered_queryset(self):
        # As Wagtail's: one values() query per log model, joined with union();
        # only the source of each model's entries differs.
        self.log_models = _log_models()
        queryset = None
        for index, log_model in enumerate(self.log_models):
            entries = (
                visible_log_entries(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            entries = self.filter_queryset(entries).order_by()
            queryset = entries if queryset is None else queryset.union(entries, all=True)
        return queryset.order_by("-timestamp")
