"""Task screens of the placement: a vacancy with its matches, proposing, a proposal's steps.

Each view checks the model permission first (403), then the record's scope (404, as if
it did not exist), then parses input and calls a service.
"""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.permissions import check_permission, get_visible_or_404
from housing.models import Household
from placement import matching, services
from placement.forms import (
    AcceptForm,
    DeclineForm,
    EndSearchForm,
    PhotoForm,
    ProposeForm,
    TenancyForm,
    ViewingForm,
    WithdrawForm,
)
from placement.models import (
    OPEN_PROPOSAL_STATUSES,
    FlatSearch,
    Proposal,
    ProposalStatus,
    Vacancy,
    VacancyPhoto,
)

MATCHES_PER_PAGE = 50


class PlacementTaskMixin(WagtailAdminTemplateMixin):
    """Permission, then scope; both before any other work."""

    permission_required: str = ""

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        self.load(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, request, **kwargs):
        pass

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if request_can(self.request, "placement.view_vacancy"):
            items.append({"url": reverse("vacancies:index"), "label": _("Vacancies")})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = request_can(self.request, "placement.change_proposal")
        return context


def request_can(request, permission) -> bool:
    return request.user.has_perm(permission)


def _vacancy(request, pk):
    return get_visible_or_404(
        Vacancy.objects.select_related("flat__landlord", "district"), request.user, pk
    )


def _rows_with_reasons(rows, vacancy=None, household=None):
    out = []
    for row in rows:
        v = vacancy or row
        h = household or row
        out.append((row, matching.reasons(row, v, h)))
    return out


class VacancyView(PlacementTaskMixin, TemplateView):
    """A vacancy, its photos and proposals, and the households that fit it, ranked."""

    permission_required = "placement.change_vacancy"
    template_name = "placement/vacancy.html"

    def load(self, request, pk):
        self.vacancy = _vacancy(request, pk)

    def get_page_title(self):
        return _("Vacancy")

    def get_page_subtitle(self):
        return str(self.vacancy.flat)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        households = Household.objects.all()
        query = self.request.GET.get("q", "").strip()
        if query:
            households = households.filter(name__icontains=query)
        matches = matching.households_for(self.vacancy, households)
        only = self.request.GET.get("only") == "fitting"
        if only:
            matches = matches.filter(fits=True)
        page = Paginator(matches, MATCHES_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            vacancy=self.vacancy,
            photos=list(self.vacancy.photos.all()),
            proposals=list(
                self.vacancy.proposals.select_related("household").order_by("-proposed_on", "-pk")
            ),
            page=page,
            matches=_rows_with_reasons(page.object_list, vacancy=self.vacancy),
            query=query,
            only_fitting=only,
            photo_form=PhotoForm(),
            withdraw_form=WithdrawForm(),
        )
        return context


class ProposeView(PlacementTaskMixin, FormView):
    permission_required = "placement.add_proposal"
    template_name = "placement/propose.html"
    form_class = ProposeForm

    def load(self, request, pk, household_id):
        self.vacancy = _vacancy(request, pk)
        rows = matching.households_for(
            self.vacancy, Household.objects.visible_to(request.user).filter(pk=household_id)
        )
        self.row = get_object_or_404(rows)

    def get_page_title(self):
        return _("Propose %(household)s") % {"household": self.row.name}

    def get_page_subtitle(self):
        return str(self.vacancy.flat)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            vacancy=self.vacancy,
            row=self.row,
            reasons=matching.reasons(self.row, self.vacancy, self.row),
        )
        return context

    def form_valid(self, form):
        try:
            proposal = services.propose(
                vacancy=self.vacancy,
                household=self.row,
                user=self.request.user,
                **form.cleaned_data,
            )
        except services.PlacementError as error:
            form.add_domain_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The household has been proposed."))
        return redirect("placement_proposal", proposal.pk)


STEP_FORMS = {
    "viewing": ViewingForm,
    "accept": AcceptForm,
    "decline": DeclineForm,
    "tenancy": TenancyForm,
}


class ProposalView(PlacementTaskMixin, TemplateView):
    """A proposal's steps; coordinators take the next step here, companions read."""

    permission_required = "placement.view_proposal"
    template_name = "placement/proposal.html"

    def load(self, request, pk):
        self.proposal = get_visible_or_404(
            Proposal.objects.select_related(
                "vacancy__flat__landlord", "vacancy__district", "household", "tenancy"
            ),
            request.user,
            pk,
        )

    def get_page_title(self):
        return _("Proposal")

    def get_page_subtitle(self):
        return f"{self.proposal.household} → {self.proposal.vacancy.flat}"

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.proposal
        status = proposal.status
        forms = forms or {}
        if context["can_change"]:
            if status in OPEN_PROPOSAL_STATUSES:
                forms.setdefault(
                    "viewing",
                    ViewingForm(initial={"viewing_on": proposal.viewing_on}, prefix="viewing"),
                )
                forms.setdefault("accept", AcceptForm(prefix="accept"))
            if status in (*OPEN_PROPOSAL_STATUSES, ProposalStatus.ACCEPTED):
                forms.setdefault("decline", DeclineForm(prefix="decline"))
            if status == ProposalStatus.ACCEPTED:
                companion = proposal.household.companions.first()
                forms.setdefault(
                    "tenancy",
                    TenancyForm(
                        prefix="tenancy",
                        initial={
                            "start": proposal.vacancy.available_from,
                            "companion": companion.pk if companion else None,
                        },
                    ),
                )
        order = ["viewing", "accept", "tenancy", "decline"]  # the next step first, "no" last
        context.update(
            proposal=proposal,
            vacancy=proposal.vacancy,
            steps=list(proposal.steps.select_related("by")),
            forms={key: forms[key] for key in order if key in forms},
            can_send=context["can_change"] and status == ProposalStatus.PROPOSED,
            landlord_address=services.landlord_address(proposal.vacancy.flat.landlord),
            follow_up_days=services.FIRST_VISIT_DAYS,
        )
        return context

    def post(self, request, *args, **kwargs):
        check_permission(request.user, "placement.change_proposal")
        action = request.POST.get("action", "")
        try:
            if action == "send":
                services.send_to_landlord(self.proposal, user=request.user)
                messages.success(request, _("The proposal has been sent to the landlord."))
                return redirect("placement_proposal", self.proposal.pk)
            form_class = STEP_FORMS.get(action)
            if form_class is None:
                return HttpResponse(status=400)
            form = form_class(request.POST, prefix=action)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(forms={action: form}))
            data = form.cleaned_data
            if action == "viewing":
                services.record_viewing(self.proposal, user=request.user, on=data["viewing_on"])
            elif action == "accept":
                services.accept(self.proposal, user=request.user, note=data["note"])
            elif action == "decline":
                services.decline(
                    self.proposal,
                    user=request.user,
                    by=data["declined_by"],
                    reason=data["decline_reason"],
                    note=data["note"],
                )
            elif action == "tenancy":
                tenancy = services.create_tenancy(self.proposal, user=request.user, **data)
                first_visit_due = tenancy.start + dt.timedelta(days=services.FIRST_VISIT_DAYS)
                messages.success(
                    request,
                    _("The tenancy has been created; the first home visit is planned for %(date)s.")
                    % {"date": f"{first_visit_due:%d.%m.%Y}"},
                )
                return redirect("placement_proposal", self.proposal.pk)
        except services.PlacementError as error:
            if action in STEP_FORMS:
                form.add_domain_error(error)
                return self.render_to_response(self.get_context_data(forms={action: form}))
            messages.error(request, error.message)
            return redirect("placement_proposal", self.proposal.pk)
        messages.success(request, _("Saved."))
        return redirect("placement_proposal", self.proposal.pk)


def profile_pdf(request, pk):
    """The Mieterprofil of a proposal, for the coordinator to hand over or check."""
    from placement.profile import render_profile

    check_permission(request.user, "placement.change_proposal")
    proposal = get_visible_or_404(
        Proposal.objects.select_related("vacancy__flat__landlord", "household"), request.user, pk
    )
    response = HttpResponse(render_profile(proposal), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="mieterprofil-{proposal.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


class HouseholdMatchesView(PlacementTaskMixin, TemplateView):
    """For one searching household: the vacancies taking proposals, best fit first."""

    permission_required = "placement.change_flatsearch"
    template_name = "placement/household_matches.html"

    def load(self, request, household_id):
        households = matching.searching_households(
            Household.objects.visible_to(request.user).filter(pk=household_id)
        )
        self.household = get_object_or_404(households)

    def get_page_title(self):
        return _("Vacancies for %(household)s") % {"household": self.household.name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = matching.vacancies_for(self.household, Vacancy.objects.visible_to(self.request.user))
        context.update(
            household=self.household,
            search=self.household.flat_search,
            matches=_rows_with_reasons(rows, household=self.household),
        )
        return context


class PhotoUploadView(PlacementTaskMixin, FormView):
    permission_required = "placement.change_vacancy"
    template_name = "placement/photo_upload.html"
    form_class = PhotoForm

    def load(self, request, pk):
        self.vacancy = _vacancy(request, pk)

    def get_page_title(self):
        return _("Add a photo")

    def get_page_subtitle(self):
        return str(self.vacancy.flat)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vacancy=self.vacancy,
            submit_label=_("Withdraw the vacancy"),
            cancel_url=reverse("placement_vacancy", args=[self.vacancy.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        image = form.cleaned_data["image"]
        VacancyPhoto.objects.create(
            vacancy=self.vacancy,
            image=image,
            caption=form.cleaned_data["caption"],
            content_type=image.detected_type,
        )
        messages.success(self.request, _("The photo has been added."))
        return redirect("placement_vacancy", self.vacancy.pk)


class WithdrawView(PlacementTaskMixin, FormView):
    permission_required = "placement.change_vacancy"
    template_name = "placement/status_action.html"
    form_class = WithdrawForm
    page_title = gettext_lazy("Withdraw the vacancy")

    def load(self, request, pk):
        self.vacancy = _vacancy(request, pk)

    def get_page_subtitle(self):
        return str(self.vacancy.flat)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vacancy=self.vacancy,
            submit_label=_("Withdraw the vacancy"),
            cancel_url=reverse("placement_vacancy", args=[self.vacancy.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.withdraw_vacancy(
                self.vacancy, user=self.request.user, reason=form.cleaned_data["reason"]
            )
        except services.PlacementError as error:
            form.add_domain_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The vacancy has been withdrawn."))
        return redirect("placement_vacancy", self.vacancy.pk)


class EndSearchView(PlacementTaskMixin, FormView):
    """End a household's flat search (``services.end_search``)."""

    permission_required = "placement.change_flatsearch"
    template_name = "placement/status_action.html"
    form_class = EndSearchForm
    page_title = gettext_lazy("End the search")

    def load(self, request, pk):
        self.search = get_visible_or_404(
            FlatSearch.objects.select_related("household"), request.user, pk
        )

    def get_page_subtitle(self):
        return str(self.search.household)

    def get_initial(self):
        return {"ended_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            search=self.search,
            submit_label=_("End the search"),
            cancel_url=reverse("flat_searches:inspect", args=[self.search.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        if not form.call_service(services.end_search, self.search, **form.cleaned_data):
            return self.form_invalid(form)
        messages.success(self.request, _("The flat search has ended."))
        return redirect("flat_searches:inspect", self.search.pk)


def photo(request, pk):
    """A vacancy photo from private storage, for someone allowed to see the vacancy."""
    check_permission(request.user, "placement.view_vacancy")
    item = get_visible_or_404(VacancyPhoto, request.user, pk)
    response = FileResponse(item.image.open("rb"), content_type=item.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
