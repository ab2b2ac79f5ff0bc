"""Back-office lists and forms: vacancies, flat searches, the KdU table, proposals.

Statuses are not form fields: a vacancy is recorded through ``services.record_vacancy``
and changes state only through the task screens (placement/views.py).
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from core.forms import ScopedAdminModelForm, add_domain_error
from core.permissions import check_permission
from core.viewsets import ScopedModelViewSet
from placement import services
from placement.models import FlatSearch, Proposal, RentLimit, Vacancy


def _scoped_panels(panels):
    return ObjectList(panels, base_form_class=ScopedAdminModelForm)


class VacancyCreateView(CreateView):
    def save_instance(self):
        data = dict(self.form.cleaned_data)
        return services.record_vacancy(user=self.request.user, **data)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.PlacementError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)

    def get_success_url(self):
        return reverse("placement_vacancy", args=[self.object.pk])


class VacancyColumn(Column):
    """The list's link goes to the vacancy's task screen (matches, proposals)."""

    cell_template_name = "placement/cells/vacancy_link.html"


class VacancyViewSet(ScopedModelViewSet):
    model = Vacancy
    icon = "home"
    menu_label = _("Vacancies")
    menu_order = 100
    add_to_admin_menu = False
    add_view_class = VacancyCreateView
    list_display = [
        VacancyColumn("flat", label=_("flat")),
        Column("landlord", label=_("landlord"), accessor="flat.landlord"),
        "district",
        "available_from",
        "rooms",
        Column("total_rent_display", label=_("rent incl. service charges")),
        "proposal_deadline",
        "status",
    ]
    list_filter = ["status", "district", "available_from", "flat__landlord"]
    search_fields = ["flat__street", "flat__city", "flat__landlord__name", "restrictions"]
    list_export = [
        "flat",
        "district",
        "available_from",
        "rooms",
        "living_space",
        "cold_rent",
        "service_charges",
        "deposit",
        "floor",
        "lift",
        "pets_allowed",
        "max_persons",
        "restrictions",
        "proposal_deadline",
        "status",
        "let_on",
    ]
    export_filename = "leerstaende"
    edit_handler = _scoped_panels(
        [
            FieldRowPanel([FieldPanel("flat"), FieldPanel("district")]),
            FieldRowPanel([FieldPanel("available_from"), FieldPanel("proposal_deadline")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("rooms"), FieldPanel("living_space")]),
                    FieldRowPanel([FieldPanel("floor"), FieldPanel("lift")]),
                ],
                heading=_("The flat"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("cold_rent"),
                            FieldPanel("service_charges"),
                            FieldPanel("deposit"),
                        ]
                    ),
                ],
                heading=_("Rent"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("max_persons"), FieldPanel("pets_allowed")]),
                    FieldPanel("restrictions"),
                    FieldPanel("landlord_wishes"),
                ],
                heading=_("The landlord's conditions"),
            ),
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Vacancy.objects.select_related("flat__landlord", "district"), **kwargs
        )


class EndSearchButtonMixin:
    """ "End the search" in an open search's header menu (coordinators)."""

    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        search = self.object
        open_search = not search.ended_on and not search.placed_on
        if open_search and self.request.user.has_perm("placement.change_flatsearch"):
            url = reverse("placement_search_end", args=[search.pk])
            buttons.append(Button(_("End the search"), url, icon_name="cross", priority=100))
        return buttons


class FlatSearchEditView(EndSearchButtonMixin, EditView):
    pass


class FlatSearchInspectView(EndSearchButtonMixin, InspectView):
    pass


class FlatSearchViewSet(ScopedModelViewSet):
    model = FlatSearch
    icon = "search"
    menu_label = _("Flat searches")
    menu_order = 110
    add_to_admin_menu = False
    list_display = [
        "household",
        "searching_since",
        "rooms_needed",
        "max_rent",
        "earliest_move_in",
        Column("matches_link", label=_("matching vacancies")),
        "placed_on",
    ]
    list_filter = ["searching_since", "placed_on", "ended_on", "districts_wanted"]
    search_fields = ["household__name", "other_needs"]
    list_export = [
        "household",
        "searching_since",
        "household_size",
        "rooms_needed",
        "max_rent",
        "earliest_move_in",
        "needs_ground_floor",
        "needs_school_nearby",
        "has_pets",
        "other_needs",
        "placed_on",
        "ended_on",
    ]
    export_filename = "wohnungssuchen"
    edit_view_class = FlatSearchEditView
    inspect_view_class = FlatSearchInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "household",
        "searching_since",
        "household_size",
        "rooms_needed",
        "max_rent",
        "districts_wanted",
        "districts_excluded",
        "earliest_move_in",
        "needs_ground_floor",
        "needs_school_nearby",
        "has_pets",
        "other_needs",
        "placed_on",
        "ended_on",
    ]
    edit_handler = _scoped_panels(
        [
            FieldRowPanel([FieldPanel("household"), FieldPanel("searching_since")]),
            FieldRowPanel([FieldPanel("household_size"), FieldPanel("rooms_needed")]),
            FieldRowPanel([FieldPanel("max_rent"), FieldPanel("earliest_move_in")]),
            FieldPanel("districts_wanted", widget=forms.CheckboxSelectMultiple),
            FieldPanel("districts_excluded", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [
                    FieldPanel("needs_ground_floor"),
                    FieldPanel("needs_school_nearby"),
                    FieldPanel("has_pets"),
                    FieldPanel("other_needs"),
                ],
                heading=_("Needs"),
            ),
            # No end date: a search ends by the action "End the search" (services.end_search).
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=FlatSearch.objects.select_related("household"), **kwargs
        )


class RentLimitViewSet(ScopedModelViewSet):
    model = RentLimit
    icon = "table"
    menu_label = _("Rent limits (KdU)")
    menu_order = 120
    add_to_admin_menu = False
    list_display = ["household_size", "max_rent", "note"]
    search_fields = ["note"]
    list_export = ["household_size", "max_rent", "note"]
    export_filename = "kdu-richtwerte"
    form_fields = ["household_size", "max_rent", "note"]


class ProposalAddView(CreateView):
    """Proposals start from a vacancy's matches, where fit and consent are checked."""

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, "placement.add_proposal")
        messages.info(request, _("Open a vacancy and propose a household from its matches."))
        return redirect("vacancies:index")


class ProposalColumn(Column):
    cell_template_name = "placement/cells/proposal_link.html"


class ProposalViewSet(ScopedModelViewSet):
    """The list of proposals; each one's steps are on its task screen."""

    model = Proposal
    icon = "mail"
    menu_label = _("Proposals")
    menu_order = 130
    add_to_admin_menu = False
    list_display = [
        ProposalColumn("household", label=_("household")),
        Column("flat", label=_("flat"), accessor="vacancy.flat"),
        Column("landlord", label=_("landlord"), accessor="vacancy.flat.landlord"),
        "proposed_on",
        "status",
        "viewing_on",
        "declined_by",
        "decline_reason",
    ]
    list_filter = [
        "status",
        "declined_by",
        "decline_reason",
        "proposed_on",
        "vacancy__flat__landlord",
    ]
    search_fields = ["household__name", "vacancy__flat__street", "vacancy__flat__landlord__name"]
    list_export = [
        "household",
        "vacancy",
        "proposed_on",
        "status",
        "viewing_on",
        "declined_by",
        "decline_reason",
        "decline_note",
    ]
    export_filename = "vorschlaege"
    # New proposals come from a vacancy's matches (consent and fit checked there); the
    # form edits only the wording of the reason, never a status.
    form_fields = ["why"]
    add_view_class = ProposalAddView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Proposal.objects.select_related("household", "vacancy__flat__landlord"),
            **kwargs,
        )


class PlacementViewSetGroup(ModelViewSetGroup):
    menu_label = _("Placement")
    menu_icon = "key"
    menu_order = 215
    items = (
        VacancyViewSet("vacancies"),
        FlatSearchViewSet("flat_searches"),
        ProposalViewSet("proposals"),
        RentLimitViewSet("rent_limits"),
    )
