"""The caseload: a companion's households, a coordinator's overview of everyone's."""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.roles import Role, has_role
from housing.admin_views.base import HousingTaskMixin
from housing.models import Household
from housing.models.people import active_companions

CASELOAD_PER_PAGE = 50
# The longest overdue follow-ups shown as cards at the top. The others stay marked in
# their households' cards below: a coordinator's page of 50 households held 173 cards
# (277 KB) at five years' volume, each repeated further down anyway.
OVERDUE_SHOWN = 10


class CaseloadView(HousingTaskMixin, TemplateView):
    """A companion's households (a coordinator: everyone's, filterable by companion)."""

    permission_required = "housing.view_household"
    template_name = "housing/caseload.html"
    page_title = gettext_lazy("Caseload")
    header_icon = "group"
    is_caseload = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        coordinator = user.has_perm("housing.change_household")
        companion = None
        if coordinator:
            chosen = self.request.GET.get("companion", "")
            companions = list(active_companions())
            if chosen.isdigit():
                companion = next((c for c in companions if c.pk == int(chosen)), None)
            context.update(companions=companions, chosen=companion)
        today = timezone.localdate()
        households = Household.objects.visible_to(user).caseload(today, companion)
        page = Paginator(households, CASELOAD_PER_PAGE).get_page(self.request.GET.get("p"))
        overdue = sorted(
            (
                (household, follow_up)
                for household in page.object_list
                for follow_up in household.open_follow_ups
                if follow_up.is_overdue
            ),
            key=lambda pair: pair[1].due_on,
        )
        if has_role(user, Role.COMPANION):
            # Only a companion's own caseload may be kept on the phone.
            own = Household.objects.filter(companions=user).values_list("pk", flat=True)
            urls = [reverse("housing_caseload")]
            urls += [reverse("housing_log_visit", args=[pk]) for pk in own]
            context["offline_urls"] = json.dumps(urls)
        context.update(
            idle_minutes=settings.SESSION_IDLE_MINUTES,
            page=page,
            households=page.object_list,
            overdue=overdue[:OVERDUE_SHOWN],
            overdue_more=max(0, len(overdue) - OVERDUE_SHOWN),
            today=today,
            is_coordinator=coordinator,
            can_log=user.has_perm("housing.add_homevisit"),
            can_complete=user.has_perm("housing.change_followup"),
        )
        return context
