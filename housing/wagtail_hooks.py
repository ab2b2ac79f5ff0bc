from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from housing import reminders
from housing.admin_views import (
    agreements,
    calendar,
    caseload,
    companions,
    concerns,
    follow_ups,
    offline,
    tenancies,
    timeline,
    visits,
)
from housing.models import (
    CooperationAgreement,
)
from housing.viewsets import HousingViewSetGroup, PeopleViewSetGroup

AGREEMENT_REMINDER_DAYS = 60


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


@hooks.register("register_admin_viewset")
def register_housing_viewsets():
    return HousingViewSetGroup()


@hooks.register("register_admin_urls")
def register_housing_urls():
    return [
        path("housing/caseload/", caseload.CaseloadView.as_view(), name="housing_caseload"),
        path("housing/sw.js", offline.service_worker, name="housing_service_worker"),
        path("housing/calendar/", calendar.CalendarLinkView.as_view(), name="housing_calendar"),
        path(
            "housing/households/<int:household_id>/visit/",
            visits.LogVisitView.as_view(),
            name="housing_log_visit",
        ),
        path(
            "housing/households/<int:household_id>/timeline/",
            timeline.TimelineView.as_view(),
            name="housing_timeline",
        ),
        path(
            "housing/households/<int:household_id>/companions/",
            companions.AssignCompanionsView.as_view(),
            name="housing_assign_companions",
        ),
        path(
            "housing/follow-ups/<int:pk>/done/",
            follow_ups.FollowUpDoneView.as_view(),
            name="housing_follow_up_done",
        ),
        path(
            "housing/follow-ups/<int:pk>/reopen/",
            follow_ups.FollowUpReopenView.as_view(),
            name="housing_follow_up_reopen",
        ),
        path(
            "housing/follow-ups/<int:pk>/edit/",
            follow_ups.FollowUpEditView.as_view(),
            name="housing_follow_up_edit",
        ),
        path(
            "housing/households/<int:household_id>/follow-ups/add/",
            follow_ups.FollowUpAddView.as_view(),
            name="housing_follow_up_add",
        ),
        path(
            "housing/concerns/<int:pk>/resolve/",
            concerns.ConcernResolveView.as_view(),
            name="housing_concern_resolve",
        ),
        path(
            "housing/concerns/<int:pk>/reopen/",
            concerns.ConcernReopenView.as_view(),
            name="housing_concern_reopen",
        ),
        path(
            "housing/agreements/<int:pk>/document/",
            agreements.agreement_document,
            name="housing_agreement_document",
        ),
        path(
            "housing/agreements/<int:pk>/end/",
            agreements.AgreementEndView.as_view(),
            name="housing_agreement_end",
        ),
        path(
            "housing/tenancies/<int:pk>/end/",
            tenancies.TenancyEndView.as_view(),
            name="housing_tenancy_end",
        ),
    ]


class CaseloadMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("housing.view_household")


@hooks.register("register_admin_menu_item")
def register_caseload_menu_item():
    return CaseloadMenuItem(
        _("Caseload"), reverse("housing_caseload"), icon_name="clipboard-list", order=150
    )


class AgreementsEndingPanel(Component):
    """Dashboard reminder: active agreements that end within the next 60 days."""

    name = "agreements_ending"
    order = 90
    template_name = "housing/panels/agreements_ending.html"

    def __init__(self, agreements, today):
        self.agreements = agreements
        self.today = today

    def get_context_data(self, parent_context=None):
        return {
            "agreements": [(a, (a.valid_until - self.today).days) for a in self.agreements],
            "days": AGREEMENT_REMINDER_DAYS,
        }


@hooks.register("construct_homepage_panels")
def add_agreements_ending_panel(request, panels):
    if not request.user.has_perm("housing.change_cooperationagreement"):
        return
    today = timezone.localdate()
    agreements = list(
        CooperationAgreement.objects.visible_to(request.user)
        .ending_within(AGREEMENT_REMINDER_DAYS, today)
        .select_related("landlord", "programme_contact")
        .order_by("valid_until")
    )
    panels.append(AgreementsEndingPanel(agreements, today))


@hooks.register("insert_global_admin_css")
def web_app_manifest():
    # The staff site installs like an app (German name, icon, opens on the caseload);
    # the project's admin styles (2 KiB: task screens, histories, lists on a phone).
    return format_html(
        '<link rel="manifest" href="{}"><link rel="stylesheet" href="{}">',
        static("housing/manifest.webmanifest"),
        static("css/admin.css"),
    )


@hooks.register("insert_global_admin_js")
def forget_field_data_at_sign_out():
    return format_html('<script src="{}"></script>', static("js/offline-cleanup.js"))


class FieldWorkPanel(Component):
    """The start page by role: a companion's "Heute", a coordinator's open ends."""

    name = "field_work"
    order = 50
    template_name = "housing/panels/field_work.html"

    def __init__(self, context):
        self.context = context

    def get_context_data(self, parent_context=None):
        return self.context


@hooks.register("construct_homepage_panels")
def add_field_work_panel(request, panels):
    if not request.user.has_perm("housing.view_household"):
        return
    panels.append(FieldWorkPanel(reminders.field_work_summary(request.user, timezone.localdate())))


@hooks.register("register_log_actions")
def register_housing_log_actions(actions):
    from housing.services import CONTACT_WITHOUT_CONSENT

    actions.register_action(
        CONTACT_WITHOUT_CONSENT,
        _("Landlord contact without consent"),
        _("Landlord contact confirmed without the household's consent"),
    )
