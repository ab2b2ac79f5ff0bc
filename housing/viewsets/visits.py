"""Back-office list and form for Klartext home visits.

A visit plans and settles follow-ups, so both its forms save through the services:
``services.log_visit`` (new) and ``services.edit_visit`` (corrected), by the same rules.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views.generic.models import EditView

from core.forms import ScopedAdminModelForm
from core.viewsets import ScopedModelViewSet, ServiceErrorsMixin
from housing import services
from housing.models import HomeVisit, companion_rule
from housing.viewsets.landlords import ServiceCreateView


class VisitAdminForm(ScopedAdminModelForm):
    """Offers the active companions, and on a logged visit also those named on it who have
    left the programme since (they stay on the record; ``services.check_companions``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("companions")
        if field is not None and self.instance.pk:
            named = self.instance.companions.values("pk")
            field.queryset = (
                field.queryset.model.objects.filter(companion_rule() | Q(pk__in=named))
                .distinct()
                .order_by("first_name", "username")
            )


class VisitCreateView(ServiceCreateView):
    def save_instance(self):
        return services.log_visit(user=self.request.user, **self.form.cleaned_data)


class VisitEditView(ServiceErrorsMixin, EditView):
    def save_instance(self):
        return services.edit_visit(self.object, user=self.request.user, **self.form.cleaned_data)


class HomeVisitViewSet(ScopedModelViewSet):
    model = HomeVisit
    icon = "group"
    menu_label = _("Home visits")
    menu_order = 140
    add_to_admin_menu = False
    add_view_class = VisitCreateView
    edit_view_class = VisitEditView
    list_display = ["household", "date", "duration_minutes", "language", "outcome", "next_visit"]
    list_filter = ["outcome", "language", "interpreted", "date", "companions"]
    search_fields = ["household__name", "observations", "agreed_actions", "free_topics"]
    list_export = [
        "household",
        "date",
        "duration_minutes",
        "language",
        "interpreted",
        "present",
        "free_topics",
        "observations",
        "agreed_actions",
        "follow_up_due",
        "next_visit",
        "outcome",
    ]
    export_filename = "hausbesuche"
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("household"), FieldPanel("date")]),
            FieldPanel("companions", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("outcome")]),
            FieldRowPanel([FieldPanel("language"), FieldPanel("interpreted")]),
            FieldPanel("present"),
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            FieldPanel("free_topics"),
            FieldPanel("observations"),
            FieldPanel("agreed_actions"),
            FieldRowPanel([FieldPanel("follow_up_due"), FieldPanel("next_visit")]),
        ],
        base_form_class=VisitAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=HomeVisit.objects.select_related("household"), **kwargs
        )
