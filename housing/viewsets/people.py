"""Back-office screens (Wagtail admin) for participants, households and districts."""

from django import forms
from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.viewsets.model import ModelViewSetGroup

from core.personal_data import PersonActionsMixin
from core.viewsets import ScopedModelViewSet, ServiceErrorsMixin
from housing import services
from housing.models import (
    Consent,
    ConsentPurpose,
    ConsentStatus,
    District,
    Household,
    Participant,
)


class NameSearchIndexView(IndexView):
    """A list whose search also finds names however they are spelled (housing.search)."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return super().search_queryset(queryset) | queryset.matching(self.search_query)


class ReadableInspectView(InspectView):
    """Record details in words: an empty value reads "–", never "None"."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value in (None, "", [], "-") else value


class ParticipantEditView(PersonActionsMixin, EditView):
    def dispatch(self, request, *args, **kwargs):
        # Restricted (GDPR Art. 18: erasure waits for the retention period) or erased:
        # read only, for coordinators too.
        participant = getattr(self, "object", None) or self.get_object()
        if participant.restricted_at or participant.erased_at:
            messages.warning(
                request,
                _("This record is restricted or erased (data protection): it can only be read."),
            )
            return redirect("participants:inspect", participant.pk)
        return super().dispatch(request, *args, **kwargs)


class ParticipantInspectView(PersonActionsMixin, ReadableInspectView):
    def get_current_consents_display_value(self):
        words = {ConsentStatus.GIVEN: _("given"), ConsentStatus.WITHDRAWN: _("withdrawn")}
        never = _("never asked")
        return "; ".join(
            f"{ConsentPurpose(purpose).label}: {words.get(status, never)}"
            for purpose, status in self.object.current_consents()
        )


class ParticipantDeleteView(DeleteView):
    def post(self, request, *args, **kwargs):
        # Someone with consent records (always, once enrolled) is erased, not deleted:
        # deleting would take the consent history with it.
        try:
            return super().post(request, *args, **kwargs)
        except ProtectedError:
            messages.error(
                request,
                _("This person cannot be deleted. Use “Erase” in the menu to anonymise them."),
            )
            return redirect(self.edit_url_name, self.object.pk)


class ParticipantViewSet(ScopedModelViewSet):
    model = Participant
    delete_view_class = ParticipantDeleteView
    edit_view_class = ParticipantEditView
    inspect_view_class = ParticipantInspectView
    icon = "user"
    menu_label = _("Participants")
    menu_order = 100
    add_to_admin_menu = False
    list_display = [
        "full_name",
        "date_of_birth",
        "household",
        Column(
            "district",
            label=_("district"),
            accessor="household.district",
            sort_key="household__district__name",
        ),
        "preferred_language",
        "entry_date",
    ]
    list_filter = ["preferred_language", "household__district", "entry_date", "exit_date"]
    index_view_class = NameSearchIndexView
    # Names are found by NameSearchIndexView; these add the exact matches on the rest.
    search_fields = ["phone", "household__name"]
    list_export = [
        "family_name",
        "given_names",
        "name_latin",
        "date_of_birth",
        "household",
        "district",
        "preferred_language",
        "phone",
        "entry_date",
        "exit_date",
    ]
    export_headings = {"district": _("district")}
    export_filename = "teilnehmende"
    # Companions hold only "view": they read a member's details here, never edit them.
    inspect_view_enabled = True
    inspect_view_fields = [
        "given_names",
        "family_name",
        "name_latin",
        "date_of_birth",
        "household",
        "languages",
        "preferred_language",
        "phone",
        "entry_date",
        "exit_date",
        "current_consents",
    ]
    related_histories = ((Consent, "participant"),)
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("given_names"), FieldPanel("family_name")]),
                FieldPanel("name_latin"),
                FieldPanel("date_of_birth"),
            ],
            heading=_("Person"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("household"),
                FieldPanel("languages"),
                FieldPanel("preferred_language"),
                FieldPanel("phone"),
            ],
            heading=_("Household and contact"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("entry_date"), FieldPanel("exit_date")])],
            heading=_("Programme"),
        ),
        InlinePanel("consents", heading=_("Consents"), label=_("Consent")),
        FieldPanel("notes"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        # One query for the list, however many rows: the columns follow these relations.
        return super().get_index_view_kwargs(
            queryset=Participant.objects.select_related("household__district"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        # Consent is append-only: the edit form has no consent rows to change or delete;
        # new decisions are recorded on the "Consents" screen (header menu).
        panel = ObjectList(
            [p for p in self.panels if not isinstance(p, InlinePanel)]
        ).bind_to_model(Participant)
        return super().get_edit_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )


class CompanionsThroughServiceMixin(ServiceErrorsMixin):
    """The household form saves its data; its companions are set by
    ``services.assign_companions``, the rule the companions' screen uses too (a refusal
    is a form error and, in the view's transaction, saves nothing)."""

    def save_instance(self):
        companions = self.form.cleaned_data.pop("companions", None)
        household = super().save_instance()
        if companions is not None:
            services.assign_companions(household, companions)
        return household


class HouseholdCreateView(CompanionsThroughServiceMixin, CreateView):
    pass


class HouseholdEditView(CompanionsThroughServiceMixin, EditView):
    pass


class HouseholdViewSet(ScopedModelViewSet):
    model = Household
    add_view_class = HouseholdCreateView
    edit_view_class = HouseholdEditView
    icon = "home"
    menu_label = _("Households")
    menu_order = 110
    add_to_admin_menu = False
    list_display = ["name", "street", "postcode", "district"]
    list_filter = ["district"]
    index_view_class = NameSearchIndexView
    search_fields = ["postcode", "city"]
    list_export = ["name", "street", "postcode", "city", "district"]
    export_filename = "haushalte"
    inspect_view_enabled = True
    inspect_view_class = ReadableInspectView
    inspect_view_fields = ["name", "street", "postcode", "city", "district", "companions"]
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("district"),
            ],
            heading=_("Address"),
        ),
        FieldPanel("companions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("notes"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Household.objects.select_related("district"), **kwargs
        )


class DistrictViewSet(ScopedModelViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    menu_order = 120
    add_to_admin_menu = False
    list_display = ["name"]
    search_fields = ["name"]
    form_fields = ["name"]


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("Participants")
    menu_icon = "group"
    menu_order = 200
    items = (
        ParticipantViewSet("participants"),
        HouseholdViewSet("households"),
        DistrictViewSet("districts"),
    )
