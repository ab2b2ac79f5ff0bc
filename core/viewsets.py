"""Base classes for the back-office screens of programme data.

Every Wagtail list, edit, delete and history view of a programme record is limited
to what the user may see, through the model's ``visible_to(user)`` queryset. A record
outside the user's scope answers 404, exactly like one that does not exist, so a
changed id in a URL reveals nothing.
"""

from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.viewsets.model import ModelViewSet

from core.history import ChangeHistoryView


class ScopedQuerysetMixin:
    def _scoped(self, queryset):
        if queryset.model is self.model:
            return queryset.visible_to(self.request.user)
        return queryset  # e.g. the log entries of a history view

    def get_base_queryset(self):
        return self._scoped(super().get_base_queryset())

    def get_base_object_queryset(self):
        return self._scoped(super().get_base_object_queryset())

    def get_queryset(self):
        queryset = super().get_queryset()
        if isinstance(self, BaseListingView):
            return queryset  # already scoped through get_base_queryset
        return self._scoped(queryset)


def _scoped_view(view_class):
    if issubclass(view_class, ScopedQuerysetMixin):
        return view_class
    return type(f"Scoped{view_class.__name__}", (ScopedQuerysetMixin, view_class), {})


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose views all respect ``Model.objects.visible_to(user)``.

    The history view shows field-level changes recorded by django-simple-history
    (who changed what, when) instead of Wagtail's action log.
    """

    history_view_class = ChangeHistoryView
    # Histories of related records shown on this record's history page, as
    # (model, name of the foreign key to this record).
    related_histories: tuple = ()
    copy_view_enabled = False

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped_view(view_class), **kwargs)

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(related_histories=self.related_histories, **kwargs)
