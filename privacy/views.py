"""Back-office screens of the privacy app.

Permission, then scope: no permission → 403; a participant outside the user's
``visible_to`` → 404. Exports, erasure and the logs are for coordinators only.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.forms import add_domain_error
from core.permissions import check_permission, get_visible_or_404
from housing.models import Consent, ConsentPurpose, Participant
from privacy import registry, retention, services
from privacy.export import build_zip
from privacy.forms import AccessLogFilterForm, ConsentForm, ErasureForm
from privacy.models import AccessAction, AccessLogEntry, ErasureRequest, RetentionRun
from privacy.processing import ACTIVITIES, COLUMNS


class PrivacyMixin(WagtailAdminTemplateMixin):
    permission_required = ""
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        return super().dispatch(request, *args, **kwargs)


class ParticipantMixin(PrivacyMixin):
    """A view about one participant: the URL's ``participant_id`` within the user's scope."""

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required)
        self.participant = get_visible_or_404(
            Participant.objects.select_related("household__district"),
            request.user,
            kwargs["participant_id"],
        )
        return super(PrivacyMixin, self).dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.participant)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("participants:index"), "label": _("Participants")},
            {
                "url": reverse("participants:inspect", args=[self.participant.pk]),
                "label": str(self.participant),
            },
            {"url": "", "label": str(self.page_title)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participant"] = self.participant
        context["erasure"] = ErasureRequest.objects.filter(participant=self.participant).first()
        return context


def _current_consents(participant):
    """The status per purpose, by the one read rule (latest decision wins)."""
    return [
        {"purpose": ConsentPurpose(purpose).label, "status": status}
        for purpose, status in participant.current_consents()
    ]


class ConsentsView(ParticipantMixin, FormView):
    """Current status per purpose, every record ever made, and a form for a new one."""

    permission_required = "housing.view_participant"
    template_name = "privacy/consents.html"
    page_title = gettext_lazy("Consents")
    form_class = ConsentForm

    def get(self, request, *args, **kwargs):
        services.log_access(
            request.user,
            AccessAction.CONSENTS,
            participant_id=self.participant.pk,
            path=request.get_full_path(),
        )
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        check_permission(request.user, "housing.add_consent")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.record_consent(
                self.participant,
                purpose=form.cleaned_data["purpose"],
                status=form.cleaned_data["status"],
                date=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
                evidence=form.cleaned_data.get("evidence"),
                by=self.request.user,
            )
        except services.PrivacyError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The consent record has been saved."))
        return redirect("privacy_consents", self.participant.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["current"] = _current_consents(self.participant)
        context["records"] = (
            Consent.objects.filter(participant=self.participant)
            .select_related("recorded_by")
            .order_by("-date", "-pk")
        )
        context["can_add"] = self.request.user.has_perm("housing.add_consent")
        return context


class ExportView(ParticipantMixin, TemplateView):
    """The person's copy of their data: what is in it, and the download (POST)."""

    permission_required = "privacy.export_person"
    template_name = "privacy/export.html"
    page_title = gettext_lazy("Data access request")

    def post(self, request, *args, **kwargs):
        data = build_zip(self.participant)
        services.log_access(
            request.user,
            AccessAction.EXPORT,
            participant_id=self.participant.pk,
            path=request.get_full_path(),
        )
        response = HttpResponse(data, content_type="application/zip")
        filename = f"datenauskunft-{self.participant.pk}-{timezone.localdate():%Y-%m-%d}.zip"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contents"] = _contents(self.participant)
        return context


def _contents(participant):
    """What the registries hold about the person: (model name, count, household data?)."""
    rows = []
    for holding in registry.holdings():
        count = registry.records(holding, participant).count()
        if count:
            model = registry.model_of(holding)
            rows.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "count": count,
                    "household": holding.is_household_data,
                    "on_erase": holding.on_erase if not holding.erase else "custom",
                    "reason": holding.reason,
                }
            )
    return rows


class EraseView(ParticipantMixin, FormView):
    """Shows what will be removed and what is kept (and why); erases on confirmation."""

    permission_required = "privacy.erase_person"
    template_name = "privacy/erase.html"
    page_title = gettext_lazy("Erase")
    form_class = ErasureForm

    def form_valid(self, form):
        try:
            request = services.request_erasure(
                self.participant,
                by=self.request.user,
                confirmation=form.cleaned_data["confirmation"],
                reason=form.cleaned_data["reason"],
            )
        except services.PrivacyError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        if request.status == "held":
            messages.warning(
                self.request,
                _(
                    "The retention period for the ESF Plus records is still running. The "
                    "request has been recorded, the record is restricted and will be erased "
                    "automatically when the period ends."
                ),
            )
        else:
            messages.success(self.request, _("The person has been erased."))
        return redirect("participants:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alone = not (
            Participant.objects.filter(household_id=self.participant.household_id)
            .exclude(pk=self.participant.pk)
            .filter(erased_at__isnull=True)
            .exists()
        )
        context["contents"] = _contents(self.participant)
        context["household_alone"] = alone
        until = retention.hold_until(self.participant)
        context["held"] = until is not None and timezone.localdate() <= until
        context["hold_until"] = None if until == retention.NO_EXIT_YET else until
        return context


class AccessLogView(PrivacyMixin, TemplateView):
    permission_required = "privacy.view_access_log"
    template_name = "privacy/access_log.html"
    page_title = gettext_lazy("Access log")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AccessLogFilterForm(self.request.GET or None)
        entries = AccessLogEntry.objects.select_related("user", "participant", "household")
        if form.is_valid():
            data = form.cleaned_data
            if data["participant"]:
                person = Participant.objects.filter(pk=data["participant"]).first()
                condition = Q(participant_id=data["participant"])
                if person:
                    condition |= Q(household_id=person.household_id)
                entries = entries.filter(condition)
            if data["household"]:
                entries = entries.filter(
                    Q(household_id=data["household"])
                    | Q(participant__household_id=data["household"])
                )
            if data["user"]:
                entries = entries.filter(user=data["user"])
        page = Paginator(entries, 50).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(form=form, page=page, query=query.urlencode())
        return context


class ProcessingView(PrivacyMixin, TemplateView):
    permission_required = "privacy.view_records_of_processing"
    template_name = "privacy/processing.html"
    page_title = gettext_lazy("Records of processing")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = [label for _name, label in COLUMNS]
        context["rows"] = [[getattr(a, name) for name, _l in COLUMNS] for a in ACTIVITIES]
        context["last_run"] = RetentionRun.objects.first()
        context["held"] = ErasureRequest.objects.filter(status="held").count()
        return context
