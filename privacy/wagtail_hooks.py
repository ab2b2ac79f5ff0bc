from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from privacy import views
from privacy.models import ErasureRequest, RetentionRun


@hooks.register("register_admin_urls")
def register_privacy_urls():
    person = "privacy/participants/<int:participant_id>"
    return [
        path(f"{person}/consents/", views.ConsentsView.as_view(), name="privacy_consents"),
        path(f"{person}/export/", views.ExportView.as_view(), name="privacy_export"),
        path(f"{person}/erase/", views.EraseView.as_view(), name="privacy_erase"),
        path("privacy/access-log/", views.AccessLogView.as_view(), name="privacy_access_log"),
        path("privacy/processing/", views.ProcessingView.as_view(), name="privacy_processing"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_access_log_item():
    return PermissionMenuItem(
        _("Access log"),
        reverse("privacy_access_log"),
        icon_name="view",
        order=60,
        permission="privacy.view_access_log",
    )


@hooks.register("register_reports_menu_item")
def register_processing_item():
    return PermissionMenuItem(
        _("Records of processing"),
        reverse("privacy_processing"),
        icon_name="list-ul",
        order=61,
        permission="privacy.view_records_of_processing",
    )


class RetentionPanel(Component):
    """On the coordinator's dashboard: when the retention job last ran, what it did."""

    name = "privacy_retention"
    template_name = "privacy/panels/retention.html"
    order = 300

    def get_context_data(self, parent_context):
        return {
            "last_run": RetentionRun.objects.first(),
            "held": ErasureRequest.objects.filter(status="held").count(),
        }


@hooks.register("construct_homepage_panels")
def add_retention_panel(request, panels):
    if request.user.has_perm("privacy.view_access_log"):
        panels.append(RetentionPanel())
