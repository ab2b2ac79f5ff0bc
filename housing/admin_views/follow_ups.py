"""Working through follow-ups."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView

from housing import services
from housing.admin_views.base import HousingTaskMixin
from housing.forms import FollowUpDoneForm
from housing.models import FollowUp


class FollowUpDoneView(HousingTaskMixin, FormView):
    """Confirm (GET) and complete (POST) one follow-up of a household in scope."""

    permission_required = "housing.change_followup"
    template_name = "housing/follow_up_done.html"
    form_class = FollowUpDoneForm
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.follow_up = get_object_or_404(
                FollowUp.objects.visible_to(request.user).select_related("household"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Follow-up done")

    def get_page_subtitle(self):
        return self.follow_up.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(follow_up=self.follow_up, **kwargs)

    def form_valid(self, form):
        try:
            services.complete_follow_up(
                self.follow_up, user=self.request.user, note=form.cleaned_data["note"]
            )
        except services.HousingError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(
                self.request, _("Follow-up “%(title)s” done.") % {"title": self.follow_up.title}
            )
        target = self.request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return redirect(target)
        return redirect("housing_caseload")
