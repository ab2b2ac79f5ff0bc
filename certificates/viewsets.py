"""The certificate list and detail in the Wagtail admin.

Certificates are never added, edited or deleted through generic forms: issuing,
revoking and re-issuing are services with their own screens (admin_views.py). The
permission policy therefore grants only "view" here, whatever the groups hold.
"""

import datetime as dt

import django_filters
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.permissions import register_permission_policy

from certificates.models import Certificate, CertificateStatus
from certificates.services import can_issue, can_revoke
from core.history import ChangeHistoryView
from core.viewsets import ScopedModelViewSet, ScopedPermissionPolicy
from core.widgets import LongSelect
from courses.models import Course


class ViewOnlyPolicy(ScopedPermissionPolicy):
    """Read through the generic views; every change goes through the services."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Certificate, ViewOnlyPolicy(Certificate), exact_class=True)


def _years():
    this_year = timezone.localdate().year
    return [(year, str(year)) for year in range(this_year, 2024, -1)]


def _courses(request):
    if request is None:
        return Course.objects.none()
    # What an option shows (Course.__str__): five years hold some 300 courses.
    return Course.objects.visible_to(request.user).only("pk", "title", "start_date")


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("course"), queryset=_courses, widget=LongSelect
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=CertificateStatus.choices)
    year = django_filters.ChoiceFilter(
        label=_("year of issue"), choices=_years, field_name="issued_on", lookup_expr="year"
    )

    class Meta:
        model = Certificate
        fields = ["course", "status", "year"]


class CertificateInspectView(InspectView):
    template_name = "certificates/admin/inspect.html"

    def get_object(self, queryset=None):
        return (
            Certificate.objects.visible_to(self.request.user)
            .with_verification_count()
            .select_related("replaced_by", "issued_by", "revoked_by")
            .get(pk=self.pk)
        )

    def get_valid_until_display_value(self):
        # No end date is a state of its own, not a missing value ("None").
        if self.object.valid_until is None:
            return _("no end date")
        return date_format(self.object.valid_until, "d.m.Y")

    def get_field_display_value(self, field_name, field):
        raw = getattr(self.object, field_name, None)
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return date_format(raw, "d.m.Y")  # TT.MM.JJJJ, as on the certificate
        value = super().get_field_display_value(field_name, field)
        return "–" if value is None or value == "" else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        user = self.request.user
        context.update(
            certificate=certificate,
            replaces=Certificate.objects.filter(replaced_by=certificate).first(),
            may_revoke=can_revoke(user) and not certificate.is_revoked,
            may_retry=certificate.status
            in (CertificateStatus.FAILED, CertificateStatus.PENDING, CertificateStatus.RENDERING)
            and can_issue(user, certificate.course),
            expired=certificate.is_expired(),
            today=dt.date.today(),
        )
        return context


class CertificateHistoryView(ChangeHistoryView):
    # Whoever may read a certificate may read who issued, rendered or revoked it.
    any_permission_required = ["view"]


class CertificateViewSet(ScopedModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 320
    add_to_admin_menu = True
    history_view_class = CertificateHistoryView
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    inspect_view_fields = [
        "number",
        "status",
        "holder_given_names",
        "holder_family_name",
        "holder_name_latin",
        "holder_date_of_birth",
        "course_title",
        "course_start",
        "course_end",
        "course_location",
        "exam_date",
        "issued_on",
        "valid_until",
        "organisation",
        "signatory_name",
        "language",
        "pdf_sha256",
    ]
    list_display = [
        "number",
        "holder_name",
        "course_title",
        "issued_on",
        "status",
        Column("verification_count", label=_("verifications"), sort_key="verification_count"),
    ]
    filterset_class = CertificateFilterSet
    search_fields = ["number", "holder_given_names", "holder_family_name", "course_title"]
    list_export = [
        "number",
        "holder_family_name",
        "holder_given_names",
        "holder_date_of_birth",
        "course_title",
        "course_start",
        "course_end",
        "exam_date",
        "issued_on",
        "valid_until",
        "status",
        "verification_count",
    ]
    export_headings = {"verification_count": _("verifications")}
    export_filename = "zertifikate"
    form_fields = []

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Certificate.objects.with_verification_count(), **kwargs
        )
