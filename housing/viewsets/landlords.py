"""Back-office lists and forms for landlords, agreements, tenancies and concerns.

State changes go through ``housing.services``: from the create views (a tenancy's
start, a concern's follow-up), "Save and activate" on an agreement, and the explicit
status screens in ``housing/admin_views`` (ending an agreement or a tenancy). No
generic form has a status, end or outcome field of its own.
"""

from django import forms
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView, InspectView
from wagtail.admin.widgets.button import Button

from core.forms import ScopedAdminModelForm
from core.viewsets import ScopedModelViewSet, ServiceErrorsMixin
from housing import services
from housing.models import (
    AgreementStatus,
    ConcernStatus,
    CooperationAgreement,
    Landlord,
    LandlordConcern,
    Tenancy,
)


def _scoped_panels(panels):
    return ObjectList(panels, base_form_class=ScopedAdminModelForm)


class LandlordViewSet(ScopedModelViewSet):
    model = Landlord
    icon = "user"
    menu_label = _("Landlords")
    menu_order = 100
    add_to_admin_menu = False
    list_display = [
        "name",
        "kind",
        "city",
        "phone",
        BooleanColumn("has_active_agreement", label=_("active agreement")),
        Column("tenancy_count", label=_("tenancies"), sort_key="tenancy_count"),
    ]
    list_filter = ["kind", "city"]
    search_fields = ["name", "street", "city", "phone", "email", "notes"]
    list_export = ["name", "kind", "street", "postcode", "city", "phone", "email", "notes"]
    export_filename = "vermieter"
    inspect_view_enabled = True
    edit_handler = _scoped_panels(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
            MultiFieldPanel(
                [
                    FieldPanel("street"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                ],
                heading=_("Address and contact"),
            ),
            InlinePanel("contacts", heading=_("Contact persons"), label=_("Contact person")),
            InlinePanel("flats", heading=_("Flats"), label=_("Flat")),
            FieldPanel("notes"),
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        # Two annotations instead of one query per row for the agreement and tenancy columns.
        active = CooperationAgreement.objects.filter(
            landlord=OuterRef("pk"), status=AgreementStatus.ACTIVE
        )
        queryset = Landlord.objects.annotate(
            has_active_agreement=Exists(active), tenancy_count=Count("tenancies")
        )
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class StatusActionButtonMixin:
    """The record's explicit status action (a screen calling the service) in the header's
    "more" menu, when the record's state allows it."""

    def status_action(self):
        """``(label, url)`` of the action for ``self.object``, or ``None``."""
        return None

    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        action = self.status_action()
        if action and self.request.user.has_perm(self.status_action_permission):
            label, url = action
            buttons.append(Button(label, url, icon_name="edit", priority=100))
        return buttons


class AgreementForm(ScopedAdminModelForm):
    """The agreement's data. Its status changes only by the actions: "Save and
    activate" (``services.activate_agreement``) and the screen "End the agreement"
    (``services.end_agreement``); the reason it ended is that screen's field, not this
    form's. Once signed into force the landlord is fixed, once ended also the end."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.instance.status if self.instance.pk else AgreementStatus.DRAFT
        fixed = {
            AgreementStatus.DRAFT: (),
            AgreementStatus.ACTIVE: ("landlord",),
            AgreementStatus.ENDED: ("landlord", "valid_until"),
        }[status]
        for name in fixed:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Fixed since the agreement came into force; ending it is an action of its own."
                )


class AgreementEditView(StatusActionButtonMixin, ServiceErrorsMixin, EditView):
    """Edits the agreement's data; its status changes only by the two actions.

    "Save and activate" calls ``services.activate_agreement`` (the landlord row lock,
    one active agreement per landlord) inside the view's save transaction: a refused
    activation saves nothing. Ending is its own screen (``housing_agreement_end``).
    ``status`` is not a field of the form, so an ended agreement cannot be set back.
    """

    template_name = "housing/admin/agreement_edit.html"
    status_action_permission = "housing.change_cooperationagreement"

    def status_action(self):
        if self.object.status == AgreementStatus.ACTIVE:
            return _("End the agreement"), reverse("housing_agreement_end", args=[self.object.pk])
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["end_url"] = reverse("housing_agreement_end", args=[self.object.pk])
        return context

    def save_instance(self):
        agreement = super().save_instance()
        if self.request.POST.get("status_action") == "activate":
            agreement = services.activate_agreement(agreement)
        return agreement


class AgreementViewSet(ScopedModelViewSet):
    model = CooperationAgreement
    icon = "doc-full"
    menu_label = _("Cooperation agreements")
    menu_order = 110
    add_to_admin_menu = False
    list_display = [
        "landlord",
        "text_version",
        "status",
        "signed_on",
        "valid_from",
        "valid_until",
        Column("programme_contact", label=_("programme contact person")),
        Column("document_link", label=_("signed document")),
    ]
    list_filter = ["status", "valid_until", "programme_contact"]
    search_fields = ["landlord__name", "text_version", "end_reason", "notes"]
    list_export = [
        "landlord",
        "text_version",
        "status",
        "signed_on",
        "valid_from",
        "valid_until",
        "end_reason",
        "programme_contact",
    ]
    export_filename = "kooperationsvereinbarungen"
    edit_view_class = AgreementEditView
    edit_handler = ObjectList(
        [
            FieldPanel("landlord"),
            FieldRowPanel([FieldPanel("text_version"), FieldPanel("signed_on")]),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
            FieldPanel("programme_contact"),
            # A plain file input: the default one links to the file's public URL,
            # which private files do not have.
            FieldPanel("document", widget=forms.FileInput(attrs={"accept": "application/pdf"})),
            FieldPanel("notes"),
        ],
        base_form_class=AgreementForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=CooperationAgreement.objects.select_related("landlord", "programme_contact"),
            **kwargs,
        )


class TenancyCreateView(ServiceErrorsMixin, CreateView):
    """A new tenancy goes through ``services.start_tenancy`` (flat lock, overlap rule).

    It starts open-ended: its end is the screen "End the tenancy" (``end_tenancy``).
    """

    def save_instance(self):
        data = self.form.cleaned_data
        return services.start_tenancy(
            household=data["household"],
            flat=data["flat"],
            start=data["start"],
            move_in=data.get("move_in"),
            through_programme=data.get("through_programme", False),
            notes=data.get("notes", ""),
        )


class TenancyActionMixin(StatusActionButtonMixin):
    """ "End the tenancy" (or "Correct the end") in the tenancy's header menu."""

    status_action_permission = "housing.change_tenancy"

    def status_action(self):
        label = _("Correct the end of the tenancy") if self.object.end else _("End the tenancy")
        return label, reverse("housing_tenancy_end", args=[self.object.pk])


class TenancyEditView(TenancyActionMixin, EditView):
    """The tenancy's data; its end and outcome are not fields here (see TenancyEndView)."""


class TenancyInspectView(TenancyActionMixin, InspectView):
    pass


class TenancyViewSet(ScopedModelViewSet):
    model = Tenancy
    icon = "home"
    menu_label = _("Tenancies")
    menu_order = 120
    add_to_admin_menu = False
    list_display = [
        "household",
        "landlord",
        Column("flat", label=_("flat")),
        "start",
        "end",
        # Recorded at the end, or "kept" for a tenancy running 12 months (Tenancy.outcome_now).
        Column("outcome_now", label=_("outcome"), sort_key="outcome"),
        BooleanColumn("through_programme", label=_("through the programme")),
    ]
    list_filter = ["outcome", "through_programme", "landlord", "start", "end"]
    search_fields = ["household__name", "landlord__name", "flat__street"]
    list_export = [
        "household",
        "landlord",
        "flat",
        "start",
        "move_in",
        "end",
        "outcome",
        "through_programme",
    ]
    export_filename = "mietverhaeltnisse"
    add_view_class = TenancyCreateView
    edit_view_class = TenancyEditView
    inspect_view_class = TenancyInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "household",
        "landlord",
        "flat",
        "start",
        "move_in",
        "end",
        "outcome_now",
        "through_programme",
        "certificate_status",
        "notes",
    ]
    edit_handler = _scoped_panels(
        [
            FieldPanel("household"),
            FieldPanel("flat", help_text=_("The landlord is taken from the flat.")),
            FieldRowPanel([FieldPanel("start"), FieldPanel("move_in")]),
            # No end or outcome: they change only through "End the tenancy".
            FieldPanel("through_programme"),
            FieldPanel("notes"),
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Tenancy.objects.select_related("household", "landlord", "flat"), **kwargs
        )


class ServiceCreateView(ServiceErrorsMixin, CreateView):
    """A create view whose save goes through a service; its errors land on the form."""


class ConcernCreateForm(ScopedAdminModelForm):
    contact_reason = forms.CharField(
        label=_("Why the concern must be handled without consent"),
        required=False,
        max_length=255,
        help_text=_(
            "Only when nobody in the household has agreed to contact with landlords: "
            "your confirmation and this reason are logged."
        ),
    )


CONCERN_CREATE_PANELS = ObjectList(
    [
        FieldPanel("tenancy"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("reported_on")]),
        FieldPanel("description"),
        FieldPanel("contact_reason"),
    ],
    base_form_class=ConcernCreateForm,
)


class ConcernCreateView(ServiceCreateView):
    # A new concern asks one thing more than its edit form (the reason for contact
    # without consent); the viewset hands every view the edit form's class otherwise.
    def get_panel(self):
        return CONCERN_CREATE_PANELS.bind_to_model(self.model)

    def get_form_class(self):
        return self.panel.get_form_class()

    def save_instance(self):
        data = self.form.cleaned_data
        return services.record_concern(
            tenancy=data["tenancy"],
            kind=data["kind"],
            description=data["description"],
            reported_on=data["reported_on"],
            by=self.request.user,
            contact_reason=data.get("contact_reason", ""),
        )


def _status_button(request, concern, button_class):
    """The concern's status action: "Mark as resolved" (``housing_concern_resolve``) or,
    once resolved, "Reopen" (``housing_concern_reopen``). Its edit form has no status."""
    if not request.user.has_perm("housing.change_landlordconcern"):
        return None
    if concern.status == ConcernStatus.RESOLVED:
        label, url_name, icon = _("Reopen"), "housing_concern_reopen", "rotate"
    else:
        label, url_name, icon = _("Mark as resolved"), "housing_concern_resolve", "tick"
    return button_class(label, url=reverse(url_name, args=[concern.pk]), icon_name=icon, priority=5)


class ConcernIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        button = _status_button(self.request, instance, MenuItem)
        return [*([button] if button else []), *super().get_list_more_buttons(instance)]


class ConcernInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        button = _status_button(self.request, self.object, Button)
        return [*([button] if button else []), *super().header_more_buttons]


class ConcernViewSet(ScopedModelViewSet):
    model = LandlordConcern
    icon = "warning"
    menu_label = _("Landlord concerns")
    menu_order = 130
    add_to_admin_menu = False
    add_view_class = ConcernCreateView
    index_view_class = ConcernIndexView
    inspect_view_class = ConcernInspectView
    # The first column is a plain field so Wagtail links each row to the concern.
    list_display = [
        "kind",
        Column("household", label=_("household"), accessor="tenancy.household"),
        Column("landlord", label=_("landlord"), accessor="tenancy.landlord"),
        "reported_on",
        "status",
    ]
    list_filter = ["status", "kind", "reported_on"]
    search_fields = ["description", "tenancy__household__name", "tenancy__landlord__name"]
    list_export = ["tenancy", "kind", "reported_on", "status", "resolved_on", "description"]
    export_filename = "vermieteranliegen"
    inspect_view_enabled = True
    edit_handler = _scoped_panels(
        [
            FieldPanel("tenancy"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("reported_on")]),
            FieldPanel("description"),
            # No status: "Mark as resolved" and "Reopen" are actions (services).
        ]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=LandlordConcern.objects.select_related(
                "tenancy__household", "tenancy__landlord", "tenancy__flat"
            ),
            **kwargs,
        )
