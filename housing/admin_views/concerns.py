"""A landlord concern's status actions: resolving and reopening it. Its edit form has no
status; these screens are the only way it changes (``services.resolve_concern``,
``services.reopen_concern``)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from core.permissions import check_permission, get_visible_or_404
from housing import services
from housing.admin_views.base import HousingTaskMixin, StatusActionView
from housing.forms import ConcernReopenForm, ConcernResolveForm
from housing.models import ConcernStatus, LandlordConcern


class ConcernResolveView(HousingTaskMixin, FormView):
    """Confirm (GET: the date) and resolve (POST) one concern in scope, through
    ``services.resolve_concern``; its open follow-ups are closed with it."""

    permission_required = "housing.change_landlordconcern"
    template_name = "housing/concern_resolve.html"
    form_class = ConcernResolveForm
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        self.concern = get_visible_or_404(
            LandlordConcern.objects.select_related("tenancy__household", "tenancy__landlord"),
            request.user,
            kwargs["pk"],
        )
        self.household = self.concern.tenancy.household
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Resolve concern")

    def get_page_subtitle(self):
        return str(self.household)

    def get_initial(self):
        return {"resolved_on": timezone.localdate(), "next": self.request.GET.get("next", "")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            concern=self.concern,
            household=self.household,
            is_resolved=self.concern.status == ConcernStatus.RESOLVED,
            open_follow_ups=self.concern.follow_ups.filter(status="open").count(),
            back_url=self._next() or reverse("housing_timeline", args=[self.household.pk]),
            **kwargs,
        )

    def _next(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return ""

    def form_valid(self, form):
        if not form.call_service(
            services.resolve_concern,
            self.concern,
            resolved_on=form.cleaned_data["resolved_on"],
            user=self.request.user,
        ):
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Concern “%(concern)s” resolved.") % {"concern": self.concern.get_kind_display()},
        )
        return redirect(self._next() or reverse("housing_timeline", args=[self.household.pk]))


class ConcernReopenView(StatusActionView):
    """Reopen a resolved concern (resolved by mistake, or the problem is back): it is open
    again and a new follow-up puts it on its companions' caseload."""

    model = LandlordConcern
    permission = "housing.change_landlordconcern"
    form_class = ConcernReopenForm
    service = staticmethod(services.reopen_concern)
    index_url_name = "concerns:index"
    record_url_name = "concerns:inspect"
    header_icon = "rotate"
    submit_label = gettext_lazy("Reopen the concern")
    success_message = gettext_lazy("Concern “%(record)s” reopened; a new follow-up is due.")
    explanation = gettext_lazy(
        "The concern is open again and a new follow-up is due in a week. The follow-ups "
        "closed with it stay closed; the history keeps both."
    )

    def get_queryset(self):
        return LandlordConcern.objects.select_related("tenancy__household", "tenancy__landlord")

    def get_page_title(self):
        return _("Reopen the concern")
