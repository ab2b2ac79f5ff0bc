"""Base classes for the back-office screens of programme data.

Every Wagtail list, edit, delete and history view of a programme record is limited
to what the user may see, through the model's ``visible_to(user)`` queryset. A record
outside the user's scope answers 404, exactly like one that does not exist, so a
changed id in a URL reveals nothing.
"""

from django_filters.filters import ModelChoiceFilter, QuerySetRequestMixin
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from core.errors import DomainError
from core.forms import add_domain_error
from core.history import ChangeHistoryView
from core.permissions import check_permission, get_visible_or_404
from core.widgets import LongSelect

# Any permission on the model opens its screens; Wagtail's views check the one
# they need themselves.
MODEL_ACTIONS = ("add", "change", "delete", "view")


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and for one record also the record in ``visible_to(user)``.

    Wagtail asks the policy about single records outside our views, e.g. the editing
    session ping that tells who else is editing a record: it must answer "no" for a
    record the user may not see, as our views answer 404.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._visible(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._visible(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return instances.visible_to(user)

    def _visible(self, user, instance):
        visible = self.model._default_manager.visible_to(user)
        return instance.pk is not None and visible.filter(pk=instance.pk).exists()


class ScopedFilterSet(WagtailFilterSet):
    """List filters whose choices of related records are limited to ``visible_to(user)``.

    Without this, the tenancy list's landlord filter offered a companion every
    landlord of the register, private persons included. A choice of one related record
    is a ``LongSelect``: such lists (every landlord, every course) grow with the years.
    """

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        for list_filter in self.filters.values():
            if isinstance(list_filter, QuerySetRequestMixin):
                list_filter.queryset = _scoped_choices(list_filter.queryset)
            if isinstance(list_filter, ModelChoiceFilter):
                list_filter.extra.setdefault("widget", LongSelect)


def _scoped_choices(queryset):
    def choices(request):
        base = queryset(request) if callable(queryset) else queryset
        if base is None:
            return base
        if hasattr(base, "visible_to"):
            return base.visible_to(request.user) if request else base.none()
        return base

    return choices


class ScopedQuerysetMixin:
    """Check model permission, then scope, before any Wagtail view code runs.

    Wagtail's object views differ in order (some look the record up before checking
    permissions, some after, the inspect view without any queryset). Checking here
    gives every view the same answers: no permission on the model at all → 403;
    a record outside the user's scope → 404, whatever the view.
    """

    pk_url_kwarg = "pk"
    base_filterset_class = ScopedFilterSet  # used by the list views' filters

    def setup(self, request, *args, **kwargs):
        opts = self.model._meta
        check_permission(
            request.user,
            [f"{opts.app_label}.{action}_{opts.model_name}" for action in MODEL_ACTIONS],
        )
        pk = kwargs.get(self.pk_url_kwarg)
        if pk is not None:
            get_visible_or_404(self.model, request.user, pk)
        super().setup(request, *args, **kwargs)

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


class ServiceErrorsMixin:
    """For a generic create or edit view whose ``save_instance`` calls a service: the
    service's refusal (a ``DomainError``) becomes an error on the form, which keeps what
    was typed. The save runs in Wagtail's transaction, so a refusal saves nothing."""

    def form_valid(self, form):
        adding = form.instance._state.adding
        try:
            return super().form_valid(form)
        except DomainError as error:
            if adding:  # rolled back: the form shows a record that was never saved
                form.instance.pk = None
                form.instance._state.adding = True
            add_domain_error(form, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


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

    def register_permissions(self):
        # An app may have registered a policy of its own (it should extend
        # ScopedPermissionPolicy); otherwise every record's checks include the scope.
        if not policy_registry.get_by_type(self.model, fallback=False):
            register_permission_policy(
                self.model, ScopedPermissionPolicy(self.model), exact_class=True
            )
        super().register_permissions()

    # Histories of related records shown on this record's history page, as
    # (model, foreign key to this record or a lookup path like "session__course"
    # [, foreign keys whose targets describe each entry]).
    related_histories: tuple = ()
    copy_view_enabled = False

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped_view(view_class), **kwargs)

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(related_histories=self.related_histories, **kwargs)
