"""The base of every housing task screen in the Wagtail admin.

Each view checks the model permission first (403 → Wagtail's "no permission"),
then the record's scope (404, as if it did not exist), then parses input and
calls a service.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from housing.models import Household


class HousingTaskMixin(WagtailAdminTemplateMixin):
    """Permission, then scope; both before any other work."""

    permission_required: str = ""
    household_kwarg = "household_id"
    # The caseload is the crumb every other screen leads back to.
    is_caseload = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        if self.household_kwarg in kwargs:
            self.household = get_object_or_404(
                Household.objects.visible_to(request.user).select_related("district"),
                pk=kwargs[self.household_kwarg],
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
        return context
