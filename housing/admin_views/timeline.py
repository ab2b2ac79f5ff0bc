"""A household's timeline: everything that happened, newest first."""

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from housing import timeline
from housing.admin_views.base import HousingTaskMixin, household_card


class TimelineView(HousingTaskMixin, TemplateView):
    permission_required = "housing.view_household"
    template_name = "housing/timeline.html"
    header_icon = "history"

    def get_page_title(self):
        return _("Timeline")

    def get_page_subtitle(self):
        return str(self.household)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self.request.GET.get("section", "")
        sections, page = timeline.page(
            self.household, self.request.user, chosen, self.request.GET.get("p")
        )
        if chosen not in {s.key for s in sections}:
            chosen = ""
        labels = {s.key: s.label for s in sections}
        context.update(household_card(self.household))
        context.update(
            sections=sections,
            chosen=chosen,
            page=page,
            entries=[(entry, labels[entry.section]) for entry in page.object_list],
            can_log=self.request.user.has_perm("housing.add_homevisit"),
            can_add_follow_up=self.request.user.has_perm("housing.add_followup"),
        )
        return context
