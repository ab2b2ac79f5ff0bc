"""Back-office list and form for Klartext home visits.

A visit can resolve follow-ups, so its create view saves through ``services.log_visit``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.viewsets import ScopedModelViewSet
from housing import services
from housing.models import HomeVisit
from housing.viewsets.landlords import ServiceCreateView, _scoped_panels


class VisitCreateView(ServiceCreateView):
    def save_instance(self):
        data = dict(self.form.cleaned_data)
        return services.log_visit(user=self.request.user, **data)


class HomeVisitViewSet(ScopedModelViewSet):
    model = HomeVisit
    icon = "group"
    menu_label = _("Home visits")
    menu_order = 140
    add_to_admin_menu = False
    add_view_class = VisitCreateView
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
    edit_handler = _scoped_panels(
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
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=HomeVisit.objects.select_related("household"), **kwargs
        )
