"""Task screens of the housing programme in the Wagtail admin.

Each view checks the model permission first (403 → Wagtail's "no permission"),
then the record's scope (404, as if it did not exist), then parses input and
calls a service.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.roles import Role, has_role
from housing import services, timeline
from housing.forms import AssignForm, FollowUpDoneForm, VisitForm
from housing.models import CooperationAgreement, FollowUp, HomeVisit, Household

CASELOAD_PER_PAGE = 50


class HousingTaskMixin(WagtailAdminTemplateMixin):
    """Permission, then scope; both before any other work."""

    permission_required: str = ""
    household_kwarg = "household_id"

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
        if not isinstance(self, CaseloadView):
            items.append({"url": reverse("housing_caseload"), "label": _("Caseload")})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["caseload_url"] = reverse("housing_caseload")
        return context


def _companions():
    return (
        get_user_model()
        .objects.filter(groups__name=Role.COMPANION, is_active=True)
        .order_by("first_name", "username")
    )


def caseload_queryset(user, companion=None, today=None):
    """Households in the user's scope, overdue follow-ups first, each with its numbers.

    A fixed number of queries: subqueries for the last visit, the next planned visit
    and the follow-up figures; prefetches for open follow-ups and companions.
    """
    today = today or timezone.localdate()
    households = Household.objects.visible_to(user)
    if companion is not None:
        households = households.filter(companions=companion)
    latest = HomeVisit.objects.filter(household=OuterRef("pk")).order_by("-date", "-pk")
    open_ups = FollowUp.objects.filter(household=OuterRef("pk"), status="open")
    overdue = (
        open_ups.filter(due_on__lt=today)
        .order_by()
        .values("household")
        .annotate(n=Count("pk"))
        .values("n")
    )
    first_due = open_ups.order_by("due_on").values("due_on")[:1]
    return (
        households.select_related("district")
        .annotate(
            last_visit=Subquery(latest.values("date")[:1]),
            next_visit=Subquery(latest.values("next_visit")[:1]),
            overdue_count=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)),
            first_due=Subquery(first_due),
        )
        .prefetch_related(
            Prefetch(
                "follow_ups",
                queryset=FollowUp.objects.open().select_related("concern").order_by("due_on"),
                to_attr="open_follow_ups",
            ),
            Prefetch("companions", queryset=_companions(), to_attr="companion_list"),
        )
        .order_by(
            F("overdue_count").desc(),
            F("first_due").asc(nulls_last=True),
            F("next_visit").asc(nulls_last=True),
            "name",
            "pk",
        )
    )


class CaseloadView(HousingTaskMixin, TemplateView):
    """A companion's households (a coordinator: everyone's, filterable by companion)."""

    permission_required = "housing.view_household"
    template_name = "housing/caseload.html"
    page_title = gettext_lazy("Caseload")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        coordinator = user.has_perm("housing.change_household")
        companion = None
        if coordinator:
            chosen = self.request.GET.get("companion", "")
            companions = list(_companions())
            if chosen.isdigit():
                companion = next((c for c in companions if c.pk == int(chosen)), None)
            context.update(companions=companions, chosen=companion)
        page = Paginator(caseload_queryset(user, companion), CASELOAD_PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        today = timezone.localdate()
        overdue = [
            (household, follow_up)
            for household in page.object_list
            for follow_up in household.open_follow_ups
            if follow_up.due_on < today
        ]
        overdue.sort(key=lambda pair: pair[1].due_on)
        context.update(
            page=page,
            households=page.object_list,
            overdue=overdue,
            today=today,
            is_coordinator=coordinator,
            can_log=user.has_perm("housing.add_homevisit"),
            can_complete=user.has_perm("housing.change_followup"),
        )
        return context


class LogVisitView(HousingTaskMixin, FormView):
    permission_required = "housing.add_homevisit"
    template_name = "housing/log_visit.html"
    form_class = VisitForm
    header_icon = "edit"

    def get_page_title(self):
        return _("Log a visit")

    def get_page_subtitle(self):
        return str(self.household)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "household": self.household, "user": self.request.user}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            services.log_visit(household=self.household, user=self.request.user, **data)
        except services.HousingError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Visit to %(household)s saved.") % {"household": self.household}
        )
        return redirect("housing_caseload")


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
        sections, entries = timeline.build(self.household, self.request.user)
        chosen = self.request.GET.get("section", "")
        if chosen in {s.key for s in sections}:
            entries = [e for e in entries if e.section == chosen]
        labels = {s.key: s.label for s in sections}
        context.update(
            household=self.household,
            sections=sections,
            chosen=chosen,
            entries=[(entry, labels[entry.section]) for entry in entries],
            can_log=self.request.user.has_perm("housing.add_homevisit"),
        )
        return context


class AssignCompanionsView(HousingTaskMixin, FormView):
    permission_required = "housing.change_household"
    template_name = "housing/assign.html"
    form_class = AssignForm
    header_icon = "group"

    def get_page_title(self):
        return _("Assign companions")

    def get_page_subtitle(self):
        return str(self.household)

    def get_initial(self):
        return {"companions": list(self.household.companions.all())}

    def form_valid(self, form):
        try:
            services.assign_companions(self.household, form.cleaned_data["companions"])
        except services.HousingError as error:
            form.add_error("companions", error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Companions of %(h)s saved.") % {"h": self.household})
        return redirect("housing_caseload")


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


def agreement_document(request, pk):
    """Send a signed agreement's PDF to someone allowed to see the agreement."""
    if not request.user.has_perm("housing.view_cooperationagreement"):
        raise PermissionDenied
    agreement = get_object_or_404(CooperationAgreement.objects.visible_to(request.user), pk=pk)
    if not agreement.document:
        raise Http404
    # A download, never shown inside our site's origin: a PDF viewer in the page
    # would run whatever the file carries with the site's cookies at hand.
    response = FileResponse(
        agreement.document.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"kooperationsvereinbarung-{agreement.pk}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def needs_companion_or_coordinator(user) -> bool:
    return has_role(user, Role.COMPANION, Role.COORDINATOR) or user.is_superuser
