from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from monitoring import views


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    exports = [
        path(
            f"monitoring/export/{kind}.{file_format}",
            views.export,
            {"kind": kind, "file_format": file_format},
            name=f"monitoring_export_{kind}_{file_format}",
        )
        for kind in ("report", "publication")
        for file_format in ("xlsx", "csv")
    ]
    return [
        path("monitoring/", views.ReportView.as_view(), name="monitoring_report"),
        *exports,
        path("monitoring/downloads/", views.DownloadLogView.as_view(), name="monitoring_downloads"),
        path(
            "monitoring/participants/",
            views.ParticipantListView.as_view(),
            name="monitoring_participants",
        ),
        path(
            "monitoring/participants/<int:participant_id>/entry/",
            views.EntryAddView.as_view(),
            name="monitoring_entry_add",
        ),
        path(
            "monitoring/entries/<int:pk>/", views.EntryEditView.as_view(), name="monitoring_entry"
        ),
        path("monitoring/entries/<int:pk>/exit/", views.ExitView.as_view(), name="monitoring_exit"),
        path(
            "monitoring/follow-ups/", views.FollowUpListView.as_view(), name="monitoring_follow_ups"
        ),
        path(
            "monitoring/follow-ups/<int:pk>/",
            views.FollowUpAnswerView.as_view(),
            name="monitoring_follow_up",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return PermissionMenuItem(
        _("Monitoring"),
        reverse("monitoring_report"),
        icon_name="table",
        order=50,
        permission="monitoring.view_report",
    )


monitoring_menu = Menu(register_hook_name="register_monitoring_menu_item")


@hooks.register("register_monitoring_menu_item")
def register_participants_item():
    return PermissionMenuItem(
        _("ESF Plus participants"),
        reverse("monitoring_participants"),
        icon_name="group",
        order=10,
        permission="monitoring.view_entryrecord",
    )


@hooks.register("register_monitoring_menu_item")
def register_follow_ups_item():
    return PermissionMenuItem(
        _("Six-month follow-ups"),
        reverse("monitoring_follow_ups"),
        icon_name="date",
        order=20,
        permission="monitoring.change_sixmonthfollowup",
    )


@hooks.register("register_monitoring_menu_item")
def register_report_item():
    return PermissionMenuItem(
        _("Report"),
        reverse("monitoring_report"),
        icon_name="table",
        order=30,
        permission="monitoring.view_report",
    )


@hooks.register("register_monitoring_menu_item")
def register_downloads_item():
    return PermissionMenuItem(
        _("Report downloads"),
        reverse("monitoring_downloads"),
        icon_name="download",
        order=40,
        permission="monitoring.view_reportdownload",
    )


@hooks.register("register_admin_menu_item")
def register_monitoring_menu():
    # Shown only when one of its items is (Wagtail hides an empty submenu).
    return SubmenuMenuItem(_("Monitoring"), monitoring_menu, icon_name="table", order=360)


class MonitoringPanel(Component):
    """Dashboard: six-month follow-ups due and entry data missing, with counts."""

    name = "monitoring"
    order = 95
    template_name = "monitoring/panels/dashboard.html"

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context=None):
        return {"counts": self.counts}


@hooks.register("construct_homepage_panels")
def add_monitoring_panel(request, panels):
    counts = views.dashboard_counts(request.user)
    if counts is not None:
        panels.append(MonitoringPanel(counts))
