"""The base of every housing task screen in the Wagtail admin.

Each view checks the model permission first (403 → Wagtail's "no permission"),
then the record's scope (404, as if it did not exist), then parses input and
calls a service.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.languages import Language
from core.permissions import PermissionScopeMixin, check_permission, get_visible_or_404
from housing.models import (
    ConsentPurpose,
    FollowUp,
    FollowUpStatus,
    Household,
    LandlordContact,
    Tenancy,
)

# The follow-up just marked done, offered for "Undo" on the next screen.
UNDO_SESSION_KEY = "housing_undo_follow_up"


class HousingTaskMixin(WagtailAdminTemplateMixin):
    """Permission, then scope; both before any other work."""

    permission_required: str = ""
    household_kwarg = "household_id"
    # The caseload is the crumb every other screen leads back to.
    is_caseload = False

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        if self.household_kwarg in kwargs:
            self.household = get_visible_or_404(
                Household.objects.select_related("district"),
                request.user,
                kwargs[self.household_kwarg],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The header shows the last crumb: without ours, every screen would read "Home".
        items = list(self.breadcrumbs_items)
        if not self.is_caseload:
            items.append({"url": reverse("housing_caseload"), "label": _("Caseload")})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["caseload_url"] = reverse("housing_caseload")
        undo = self.request.session.pop(UNDO_SESSION_KEY, None)
        if undo is not None and self.request.user.has_perm("housing.change_followup"):
            context["undo_follow_up"] = (
                FollowUp.objects.visible_to(self.request.user)
                .filter(pk=undo, status=FollowUpStatus.DONE)
                .first()
            )
        return context


def household_card(household, today=None) -> dict:
    """What the top of a household's screens shows, so nobody logs a visit for the
    wrong family: name, address, members with their preferred language, consent
    for landlord contact (the one consent rule, ``with_consent``) and the landlord's
    contact persons of the running tenancy."""
    today = today or timezone.localdate()
    consent = Household.objects.with_consent(ConsentPurpose.LANDLORD_CONTACT, today).get(
        pk=household.pk
    )
    landlords = Tenancy.objects.running(today).filter(household=household).values("landlord")
    # Every member's consent in force per purpose, by the same rule, in one query.
    members = list(household.members.with_every_consent(today).order_by("date_of_birth", "pk"))
    for person in members:
        person.consent_states = [
            (purpose.label, getattr(person, f"consent_{purpose}")) for purpose in ConsentPurpose
        ]
    material_language = household.material_language(members)
    return {
        "household": household,
        "members": members,
        "material_language": material_language,
        "material_language_name": Language(material_language).label,
        "members_consenting": consent.members_consenting or 0,
        "member_count": consent.member_count,
        "landlord_contacts": LandlordContact.objects.filter(landlord__in=landlords).select_related(
            "landlord"
        ),
    }


class StatusActionView(PermissionScopeMixin, WagtailAdminTemplateMixin, FormView):
    """One explicit status action on one record: its own small form, one service call.

    Permission, then scope (``core.permissions``); the service's refusal becomes a form
    error through ``DomainErrorFormMixin.call_service``, so the screen gives exactly the
    service's result and errors. Subclasses set ``model``, ``permission``, ``form_class``,
    ``service`` (a ``staticmethod``, called as ``service(record, **cleaned_data)``) and
    the texts.
    """

    template_name = "housing/status_action.html"
    header_icon = "edit"
    submit_label = ""
    success_message = ""
    # What the action does, above the form (optional).
    explanation = ""
    service = None
    # The list the breadcrumbs lead back to, and the record's own screen.
    index_url_name = ""
    record_url_name = ""

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        opts = self.model._meta
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(opts.verbose_name_plural)},
            {"url": self.get_record_url(), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_record_url(self):
        return reverse(self.record_url_name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            submit_label=self.submit_label,
            explanation=self.explanation,
            cancel_url=self.get_record_url(),
            **kwargs,
        )

    def form_valid(self, form):
        if not form.call_service(self.service, self.object, **form.cleaned_data):
            return self.form_invalid(form)
        self.object = form.service_result
        messages.success(self.request, self.success_message % {"record": self.object})
        return redirect(self.get_record_url())
