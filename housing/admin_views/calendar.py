"""A companion's calendar link: show it, or make a new one (the old one stops working)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from housing.admin_views.base import HousingTaskMixin
from housing.models import CalendarFeed


class CalendarLinkView(HousingTaskMixin, TemplateView):
    permission_required = "housing.view_household"
    template_name = "housing/calendar.html"
    page_title = gettext_lazy("Calendar of planned visits")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed, _created = CalendarFeed.objects.get_or_create(user=self.request.user)
        url = self.request.build_absolute_uri(reverse("housing_calendar_feed", args=[feed.token]))
        context.update(feed_url=url)
        return context

    def post(self, request, *args, **kwargs):
        feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
        feed.renew()
        messages.success(request, _("New calendar link made; the old one no longer works."))
        return redirect("housing_calendar")
