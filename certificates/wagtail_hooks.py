from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from certificates import admin_views, print_views
from certificates.viewsets import CertificateViewSet


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates")


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [
        path("issue-certificates/", admin_views.course_list, name="certificates_courses"),
        path(
            "issue-certificates/<int:course_pk>/",
            admin_views.course_issue,
            name="certificates_course",
        ),
        path(
            "issue-certificates/<int:course_pk>/all/",
            admin_views.course_issue_all,
            name="certificates_course_issue_all",
        ),
        path(
            "issue-certificates/<int:course_pk>/print/",
            print_views.course_certificates_pdf,
            name="certificates_course_pdf",
        ),
        path("certificate-files/<int:pk>/", admin_views.download, name="certificates_download"),
        path("certificate-revoke/<int:pk>/", admin_views.revoke, name="certificates_revoke"),
        path("certificate-reissue/<int:pk>/", admin_views.reissue, name="certificates_reissue"),
        path("certificate-retry/<int:pk>/", admin_views.retry, name="certificates_retry"),
    ]


class IssueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.issue_certificate")


@hooks.register("register_admin_menu_item")
def register_issue_menu_item():
    return IssueMenuItem(
        _("Issue certificates"),
        reverse("certificates_courses"),
        icon_name="doc-full-inverse",
        order=321,
    )
