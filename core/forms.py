"""Admin forms whose choices respect the user's scope."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm


class ScopedAdminModelForm(WagtailAdminModelForm):
    """Every choice of a related record is limited to ``visible_to(user)``.

    Without this, a companion adding a concern could pick (and so learn the names of)
    tenancies of households they do not accompany.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                queryset = field.queryset
                if hasattr(queryset, "visible_to"):
                    queryset = queryset.visible_to(user)
                # A model whose label follows relations names them, so that a long
                # choice list costs one query, not one per option.
                related = getattr(queryset.model, "choice_select_related", ())
                if related:
                    queryset = queryset.select_related(*related)
                field.queryset = queryset
