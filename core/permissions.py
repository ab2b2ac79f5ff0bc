"""Permission, then scope: the one place that decides who may open a record's screen.

Every back-office screen about one record asks two questions, in this order:

1. May the user do this kind of thing at all (a model permission)? No → 403.
2. Is the record in ``Model.objects.visible_to(user)``? No → 404, exactly as for a
   record that does not exist, so a changed id in a URL reveals nothing.

Class-based screens use ``PermissionScopeMixin``, function views the
``permission_then_scope`` decorator, and the generic Wagtail views
(``core.viewsets.ScopedQuerysetMixin``) the function ``check_permission`` and
``get_visible_or_404`` below. Nothing else in the project should raise
``PermissionDenied`` for a missing model permission or ``Http404`` for a record out
of scope.
"""

import functools
from collections.abc import Iterable

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404


def has_permission(user, permission: str | Iterable[str]) -> bool:
    """``permission`` is one ``app.codename``, or several of which any one suffices."""
    if isinstance(permission, str):
        return user.has_perm(permission)
    return any(user.has_perm(p) for p in permission)


def check_permission(user, permission: str | Iterable[str], *, hide: bool = False) -> None:
    """Raise ``PermissionDenied`` (403) unless ``user`` holds ``permission``.

    ``hide=True`` answers 404 instead, for screens whose very existence stays hidden from
    other roles (the ESF Plus monitoring with its special-category data).
    """
    if not has_permission(user, permission):
        raise Http404 if hide else PermissionDenied


def visible(queryset_or_model, user):
    """``visible_to(user)`` of a queryset, a manager or a model."""
    queryset = getattr(queryset_or_model, "_default_manager", queryset_or_model)
    return queryset.visible_to(user)


def get_visible_or_404(queryset_or_model, user, pk):
    """The record with ``pk`` if ``user`` may see it; else 404 (missing or out of scope)."""
    queryset = visible(queryset_or_model, user)
    try:
        return queryset.get(pk=unquote(str(pk)))
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


class PermissionScopeMixin:
    """For a view of one record: ``permission`` (403), then the record in scope (404).

    Set ``permission`` and ``model`` (or override ``get_queryset``, which must stay a
    subset of ``visible_to(user)``: the mixin applies the scope itself). The record is
    ``self.object`` from then on. Both checks run in ``dispatch``, before any handler.
    """

    permission: str | Iterable[str] = ()
    model = None
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return self.model._default_manager.all()

    def dispatch(self, request, *args, **kwargs):
        self.check_access(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def check_access(self, request, **kwargs):
        """Extend to load what depends on the record (call ``super()`` first)."""
        check_permission(request.user, self.permission)
        self.object = get_visible_or_404(
            self.get_queryset(), request.user, kwargs[self.pk_url_kwarg]
        )


def permission_then_scope(permission, model=None, *, pk_url_kwarg="pk"):
    """Decorator for a function view: 403 without ``permission``, then 404 out of scope.

    With ``model`` the view receives the record in place of its primary key:
    ``@permission_then_scope("certificates.view_certificate", Certificate)`` turns
    ``view(request, pk)`` into ``view(request, certificate)``. Without ``model`` only
    the permission is checked (list screens filter with ``visible_to`` themselves).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            check_permission(request.user, permission)
            if model is not None:
                pk = kwargs.pop(pk_url_kwarg)
                return view(request, get_visible_or_404(model, request.user, pk), *args, **kwargs)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
