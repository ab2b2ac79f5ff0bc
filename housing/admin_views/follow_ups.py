"""Working through follow-ups."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from core.forms import add_domain_error
from core.permissions import check_permission, get_visible_or_404
from housing import services
from housing.admin_views.base import UNDO_SESSION_KEY, HousingTaskMixin
from housing.forms import FollowUpDoneForm, FollowUpForm
from housing.models import FollowUp


class FollowUpDoneView(HousingTaskMixin, FormView):
    """Confirm (GET) and complete (POST) one follow-up of a household in scope."""

    permission_required = "housing.change_followup"
    template_name = "housing/follow_up_done.html"
    form_class = FollowUpDoneForm
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        self.follow_up = get_visible_or_404(
            FollowUp.objects.select_related("household"), request.user, kwargs["pk"]
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
            # The next housing screen offers "Undo" once (templates/housing/includes/undo.html).
            self.request.session[UNDO_SESSION_KEY] = self.follow_up.pk
        return _back(self.request)


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("housing_caseload")


class _FollowUpMixin(HousingTaskMixin):
    """Permission, then the follow-up's scope (404 outside it)."""

    permission_required = "housing.change_followup"

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        self.follow_up = get_visible_or_404(
            FollowUp.objects.select_related("household"), request.user, kwargs["pk"]
        )
        self.household = self.follow_up.household
        return super().dispatch(request, *args, **kwargs)


class FollowUpReopenView(_FollowUpMixin, View):
    """POST only: open a completed follow-up again (the undo of "done")."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.reopen_follow_up(self.follow_up, user=request.user)
        except services.HousingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Follow-up “%(title)s” is open again.") % {"title": self.follow_up.title}
            )
        return _back(request)


class FollowUpEditView(_FollowUpMixin, FormView):
    template_name = "housing/follow_up_form.html"
    form_class = FollowUpForm
    header_icon = "edit"

    def get_page_title(self):
        return _("Edit follow-up")

    def get_page_subtitle(self):
        return str(self.household)

    def get_initial(self):
        f = self.follow_up
        return {"title": f.title, "due_on": f.due_on, "note": f.note}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            follow_up=self.follow_up, household=self.household, **kwargs
        )

    def form_valid(self, form):
        try:
            services.edit_follow_up(self.follow_up, **form.cleaned_data)
        except services.HousingError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Follow-up saved."))
        return redirect("housing_timeline", self.household.pk)


class FollowUpAddView(HousingTaskMixin, FormView):
    permission_required = "housing.add_followup"
    template_name = "housing/follow_up_form.html"
    form_class = FollowUpForm
    header_icon = "plus"

    def get_page_title(self):
        return _("Add a follow-up")

    def get_page_subtitle(self):
        return str(self.household)

    def get_context_data(self, **kwargs):
        return super().get_context_data(household=self.household, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.add_follow_up(
                household=self.household, title=data["title"], due_on=data["due_on"]
            )
        except services.HousingError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Follow-up added."))
        return redirect("housing_timeline", self.household.pk)
