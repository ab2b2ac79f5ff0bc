"""The base of every housing task screen in the Wagtail admin.

Each view checks the model permission first (403 → Wagtail's "no permission"),
then the record's scope (404, as if it did not exist), then parses input and
calls a service.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.languages import Language
from core.permissions import check_permission, get_visible_or_404
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
