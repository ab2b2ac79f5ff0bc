"""The monitoring screens in the Wagtail admin (coordinators only).

Anyone without the permission a screen needs gets 404, exactly as if monitoring did not
exist: trainers, companions and editors must not even learn that these screens are
there. Views parse input, call a service, render.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.forms import add_domain_error
from core.permissions import check_permission, get_visible_or_404
from monitoring import charts, exports, quality, report, services, sources
from monitoring.forms import EntryForm, ExitForm, FollowUpForm, PeriodForm
from monitoring.indicators import GROUP_LABELS, LONGER_TERM, OUTPUT, RESULT
from monitoring.models import (
    DownloadKind,
    EntryRecord,
    ExitRecord,
    FollowUpStatus,
    ReportDownload,
    SixMonthFollowUp,
)

PER_PAGE = 50


class MonitoringMixin(WagtailAdminTemplateMixin):
    """No permission → 404 (not 403): the screens stay invisible to other roles."""

    permission_required = ""
    template_name = ""

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user, self.permission_required, hide=True)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if not isinstance(self, ParticipantListView):
            items.append(
                {"url": reverse("monitoring_participants"), "label": _("ESF Plus participants")}
            )
        items.append({"url": "", "label": self.get_page_title()})
        return items


def require(user, permission):
    check_permission(user, permission, hide=True)


# --- The report -------------------------------------------------------------------------------


def _chart_context(built):
    """The report's five charts, each with the table of its numbers."""
    entries = [(f"{month:%m/%y}", n) for month, n in built.entries_per_month]
    exits = [(f"{month:%m/%y}", n) for month, n in built.exits_per_month]
    specs = [
        (
            "chart-entries",
            _("Entries per month"),
            charts.columns,
            entries,
            _("Month"),
            _("Entries"),
        ),
        ("chart-exits", _("Exits per month"), charts.columns, exits, _("Month"), _("Exits")),
        (
            "chart-status",
            _("Labour market status on entry"),
            charts.bars,
            built.status_on_entry,
            _("Status"),
            _("Participants"),
        ),
        (
            "chart-results",
            _("Situation upon leaving"),
            charts.bars,
            built.results_on_leaving,
            _("Situation"),
            _("Participants"),
        ),
        (
            "chart-certificates",
            _("Certificates per quarter"),
            charts.columns,
            built.certificates_per_quarter,
            _("Quarter"),
            _("Certificates issued"),
        ),
    ]
    note = _("The numbers are in the table next to the chart.")
    return [
        {
            "id": chart_id,
            "title": title,
            "svg": draw(chart_id, title, note, rows),
            "head": [label_head, value_head],
            "rows": rows,
        }
        for chart_id, title, draw, rows, label_head, value_head in specs
    ]


class ReportView(MonitoringMixin, TemplateView):
    permission_required = "monitoring.view_report"
    template_name = "monitoring/report.html"
    page_title = gettext_lazy("Monitoring")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PeriodForm(self.request.GET)
        context["form"] = form
        if not form.is_valid() or "period" not in form.cleaned_data:
            return context
        period = form.cleaned_data["period"]
        built = report.build(period)
        query = self.request.GET.urlencode()
        context.update(
            period=period,
            report=built,
            groups=[
                (GROUP_LABELS[group], built.group(group), note)
                for group, note in (
                    (OUTPUT, _("Participants who entered in the period.")),
                    (RESULT, _("Participants who left in the period.")),
                    (LONGER_TERM, _("Six-month follow-ups answered in the period.")),
                )
            ],
            charts=_chart_context(built),
            quality={
                "entry": quality.missing_entry_data(district=period.district),
                "exit": quality.missing_exit_data(district=period.district),
                "follow_ups": quality.overdue_follow_ups(district=period.district),
            },
            query=query,
        )
        return context


EXPORTS = {
    ("report", "xlsx"): DownloadKind.REPORT,
    ("report", "csv"): DownloadKind.REPORT,
    ("publication", "xlsx"): DownloadKind.PUBLICATION,
    ("publication", "csv"): DownloadKind.PUBLICATION,
}


def export(request, kind, file_format):
    """A report file for the period in the query string; every download is logged."""
    require(request.user, "monitoring.view_report")
    form = PeriodForm(request.GET)
    if not form.is_valid() or "period" not in form.cleaned_data:
        messages.error(request, _("The period is not valid; choose it again."))
        return redirect("monitoring_report")
    period = form.cleaned_data["period"]
    publication = kind == "publication"
    if file_format == "csv":
        rows = report.esf_rows(period)
        content = exports.publication_csv(rows) if publication else exports.esf_csv(rows)
        content_type = "text/csv; charset=utf-8"
    else:
        built = report.build(period, with_figures=not publication)
        maker = exports.publication_xlsx if publication else exports.report_xlsx
        content = maker(built, request.user)
        content_type = exports.XLSX_TYPE
    services.record_download(
        request.user, kind=EXPORTS[(kind, file_format)], file_format=file_format, period=period
    )
    name = "veroeffentlichung" if publication else "monitoring"
    district = f"-{period.district.pk}" if period.district is not None else ""
    filename = f"esf-{name}-{period.start:%Y%m%d}-{period.end:%Y%m%d}{district}.{file_format}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class DownloadLogView(MonitoringMixin, TemplateView):
    permission_required = "monitoring.view_reportdownload"
    template_name = "monitoring/downloads.html"
    page_title = gettext_lazy("Report downloads")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        downloads = ReportDownload.objects.select_related("user")
        context["page"] = Paginator(downloads, PER_PAGE).get_page(self.request.GET.get("p"))
        return context


# --- Participants and their entry and exit data --------------------------------------------------


class ParticipantListView(MonitoringMixin, TemplateView):
    """Participants with the state of their monitoring data; searchable and filterable."""

    permission_required = "monitoring.view_entryrecord"
    template_name = "monitoring/participants.html"
    page_title = gettext_lazy("ESF Plus participants")
    header_icon = "group"
    FILTERS = {
        "": gettext_lazy("all"),
        "missing": gettext_lazy("entry data missing or incomplete"),
        "open": gettext_lazy("left, exit data missing"),
    }

    def get_queryset(self):
        latest = EntryRecord.objects.filter(participant=OuterRef("pk")).order_by(
            "-entry_date", "-pk"
        )
        complete = EntryRecord.objects.complete().filter(participant=OuterRef("pk"))
        people = (
            sources.search_participants(self.request.GET.get("q", ""))
            .select_related("household__district")
            .annotate(
                entry_id=Subquery(latest.values("pk")[:1]),
                entry_has_exit=Exists(ExitRecord.objects.filter(entry=OuterRef("entry_id"))),
                any_complete=Exists(complete),
                latest_complete=Exists(
                    EntryRecord.objects.complete().filter(pk=OuterRef("entry_id"))
                ),
            )
        )
        chosen = self.request.GET.get("show", "")
        if chosen == "missing":
            people = people.filter(latest_complete=False)
        elif chosen == "open":
            people = people.filter(entry_has_exit=False, pk__in=sources.participants_who_left())
        return people

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.get_queryset(), PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            q=self.request.GET.get("q", ""),
            show=self.request.GET.get("show", ""),
            filters=self.FILTERS.items(),
        )
        return context


def _participant_or_404(pk):
    try:
        return sources.participant(pk)
    except sources.participants().model.DoesNotExist:
        raise Http404 from None


class EntryFormMixin(MonitoringMixin):
    form_class = EntryForm
    template_name = "monitoring/entry_form.html"
    header_icon = "user"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "show_special": services.can_see_special_categories(self.request.user),
        }

    def get_page_subtitle(self):
        return self.participant.full_name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            participant=self.participant,
            record=getattr(self, "record", None),
            back_url=reverse("monitoring_participants"),
            **kwargs,
        )

    def save(self, form, record=None):
        data = dict(form.cleaned_data)
        entry_date = data.pop("entry_date")
        try:
            saved = services.record_entry(
                self.participant, by=self.request.user, entry_date=entry_date, record=record, **data
            )
        except services.MonitoringError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        if saved.is_complete:
            messages.success(
                self.request,
                _("Entry data of %(name)s saved.") % {"name": self.participant.full_name},
            )
        else:
            messages.warning(
                self.request,
                _(
                    "Entry data of %(name)s saved, but gender, labour market status or "
                    "education is missing: the person counts only in the total (EECO01)."
                )
                % {"name": self.participant.full_name},
            )
        return redirect(f"{reverse('monitoring_participants')}?q={self.participant.family_name}")


class EntryAddView(EntryFormMixin, FormView):
    permission_required = "monitoring.add_entryrecord"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.participant = _participant_or_404(kwargs["participant_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Record entry data")

    def get_initial(self):
        has_earlier = EntryRecord.objects.filter(participant=self.participant).exists()
        return {"entry_date": timezone.localdate() if has_earlier else self.participant.entry_date}

    def form_valid(self, form):
        return self.save(form)


class EntryEditView(EntryFormMixin, FormView):
    permission_required = "monitoring.change_entryrecord"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.record = get_visible_or_404(
                EntryRecord.objects.filter(participant__isnull=False), request.user, kwargs["pk"]
            )
            self.participant = _participant_or_404(self.record.participant_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Change entry data")

    def get_initial(self):
        fields = ["entry_date", *EntryForm.base_fields]
        return {name: getattr(self.record, name) for name in fields if name != "entry_date"} | {
            "entry_date": self.record.entry_date
        }

    def form_valid(self, form):
        return self.save(form, record=self.record)


class ExitView(MonitoringMixin, FormView):
    permission_required = "monitoring.add_exitrecord"
    form_class = ExitForm
    template_name = "monitoring/exit_form.html"
    header_icon = "logout"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.entry = get_visible_or_404(
                EntryRecord.objects.filter(participant__isnull=False).select_related("participant"),
                request.user,
                kwargs["pk"],
            )
            self.existing = ExitRecord.objects.filter(entry=self.entry).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Record exit")

    def get_page_subtitle(self):
        return self.entry.participant.full_name

    def get_initial(self):
        if self.existing:
            return {
                name: getattr(self.existing, name)
                for name in ("exit_date", "reason", "situation", "situation_on")
            }
        left = self.entry.participant.exit_date
        return {"exit_date": left, "situation_on": left}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entry=self.entry,
            existing=self.existing,
            back_url=reverse("monitoring_participants"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.record_exit(self.entry, by=self.request.user, **form.cleaned_data)
        except services.MonitoringError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Exit of %(name)s saved.") % {"name": self.entry.participant.full_name},
        )
        return redirect(
            f"{reverse('monitoring_participants')}?q={self.entry.participant.family_name}"
        )


# --- Six-month follow-ups ------------------------------------------------------------------------


class FollowUpListView(MonitoringMixin, TemplateView):
    permission_required = "monitoring.change_sixmonthfollowup"
    template_name = "monitoring/follow_ups.html"
    page_title = gettext_lazy("Six-month follow-ups")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_done = self.request.GET.get("show") == "done"
        follow_ups = SixMonthFollowUp.objects.select_related("exit__entry__participant")
        if show_done:
            follow_ups = follow_ups.exclude(status=FollowUpStatus.OPEN).order_by(
                "-answered_on", "-pk"
            )
        else:
            follow_ups = follow_ups.filter(status=FollowUpStatus.OPEN).order_by("due_on", "pk")
        context.update(
            page=Paginator(follow_ups, PER_PAGE).get_page(self.request.GET.get("p")),
            show_done=show_done,
            today=timezone.localdate(),
        )
        return context


class FollowUpAnswerView(MonitoringMixin, FormView):
    permission_required = "monitoring.change_sixmonthfollowup"
    form_class = FollowUpForm
    template_name = "monitoring/follow_up_form.html"
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.follow_up = get_visible_or_404(
                SixMonthFollowUp.objects.select_related("exit__entry__participant"),
                request.user,
                kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Six-month follow-up")

    def get_page_subtitle(self):
        person = self.follow_up.exit.entry.participant
        return person.full_name if person else _("(anonymised)")

    def get_initial(self):
        follow_up = self.follow_up
        if follow_up.status == FollowUpStatus.OPEN:
            return {"answered_on": max(timezone.localdate(), follow_up.due_on)}
        return {
            "status": follow_up.status,
            "answered_on": follow_up.answered_on,
            "employed": {True: "yes", False: "no"}.get(follow_up.employed, ""),
            "improved": {True: "yes", False: "no"}.get(follow_up.improved, ""),
            "note": follow_up.note,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            follow_up=self.follow_up, back_url=reverse("monitoring_follow_ups"), **kwargs
        )

    def form_valid(self, form):
        try:
            services.answer_follow_up(self.follow_up, by=self.request.user, **form.cleaned_data)
        except services.MonitoringError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Six-month follow-up saved."))
        return redirect("monitoring_follow_ups")


def dashboard_counts(user) -> dict | None:
    """Numbers for the coordinator's dashboard panel; None for anyone else."""
    if not user.has_perm("monitoring.change_sixmonthfollowup"):
        return None
    today = timezone.localdate()
    follow_ups = SixMonthFollowUp.objects.aggregate(
        due=Count("pk", filter=Q(status=FollowUpStatus.OPEN)),
    )
    return {
        "due": follow_ups["due"],
        "overdue": SixMonthFollowUp.objects.overdue(today).count(),
        "missing_entry": quality.missing_entry_data(today).count,
    }
