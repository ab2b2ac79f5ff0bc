"""The caseload: a companion's households, a coordinator's overview of everyone's."""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.generic import TemplateView

from core.links import object_url
from core.roles import Role, has_role
from core.users import display_name
from housing.admin_views.base import HousingTaskMixin
from housing.models import Household
from housing.models.people import active_companions

CASELOAD_PER_PAGE = 50
# A companion's own caseload is one page however many households they have (some 60 at
# most in practice), up to this many: "Save for offline use" keeps that one page (and
# the visit forms of all their households), and a second page would not be there
# without a connection.
OWN_CASELOAD_PER_PAGE = 150
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
        per_page = CASELOAD_PER_PAGE if coordinator else OWN_CASELOAD_PER_PAGE
        page = Paginator(households, per_page).get_page(self.request.GET.get("p"))
        _write_card_texts(page.object_list)
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


def _write_card_texts(households) -> None:
    """Put on each household of the page the texts its card prints, made once here.

    A coordinator's page holds 50 cards; in the template each label, date, plural form
    and link of each card was a tag of its own (at five years' volume some 700
    translations, 390 blocktranslate tags, 230 date filters and 235 URL reverses a page,
    the card loop about 40 % of the page's time: benchmarks/README.md). Dates are the
    digits the card shows in every language (d.m.Y).
    """
    due = gettext("due %(date)s")
    timeline, log_visit, assign = map(
        object_url, ("housing_timeline", "housing_log_visit", "housing_assign_companions")
    )
    for household in households:
        household.timeline_url = timeline(household.pk)
        household.log_visit_url = log_visit(household.pk)
        household.assign_url = assign(household.pk)
        household.last_visit_text = _day(household.last_visit)
        household.next_visit_text = _day(household.next_visit)
        household.companion_names = ", ".join(map(display_name, household.companion_list))
        if household.overdue_count:
            household.overdue_text = ngettext(
                "%(counter)s overdue", "%(counter)s overdue", household.overdue_count
            ) % {"counter": household.overdue_count}
        for follow_up in household.open_follow_ups:
            follow_up.due_text = due % {"date": _day(follow_up.due_on)}


def _day(date) -> str:
    return date.strftime("%d.%m.%Y") if date else "–"
