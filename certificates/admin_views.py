"""Task screens in the Wagtail admin: issue for a course, download, revoke, re-issue.

Each view checks the permission (403 without it) and the scope (404 for a record
the user may not see), parses input, calls a service and renders.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from certificates import services
from certificates.models import Certificate, CertificateStatus
from core.forms import DomainErrorFormMixin
from core.permissions import permission_then_scope
from courses.models import Course, Enrolment

IN_PROGRESS = (CertificateStatus.PENDING, CertificateStatus.RENDERING)


@permission_then_scope("certificates.issue_certificate")
def course_list(request):
    """Courses the user may issue for, with how many are eligible and issued."""
    eligible = Enrolment.objects.eligible_for_certificate().values("pk")
    courses = (
        Course.objects.visible_to(request.user)
        .select_related("district")
        .annotate(
            eligible_count=Count(
                "enrolments", filter=Q(enrolments__pk__in=eligible), distinct=True
            ),
            issued_count=Count(
                "certificates",
                filter=Q(certificates__in=Certificate.objects.not_revoked().values("pk")),
                distinct=True,
            ),
        )
    )
    return TemplateResponse(request, "certificates/admin/course_list.html", {"courses": courses})


def _course_rows(course):
    """Eligible enrolments of ``course`` with their current (not revoked) certificate."""
    certificates, revoked = {}, {}
    for certificate in Certificate.objects.filter(course=course).order_by("pk"):
        target = revoked if certificate.is_revoked else certificates
        target[certificate.enrolment_id] = certificate
    rows = []
    for enrolment in (
        Enrolment.objects.eligible_for_certificate()
        .filter(course=course)
        .select_related("participant")
        .order_by("participant__family_name", "participant__given_names", "pk")
    ):
        rows.append(
            {
                "enrolment": enrolment,
                "certificate": certificates.get(enrolment.pk),
                "revoked": revoked.get(enrolment.pk),
            }
        )
    return rows


@permission_then_scope("certificates.issue_certificate", Course, pk_url_kwarg="course_pk")
def course_issue(request, course):
    """Issue for one participant or for all eligible; shows progress and failures."""
    if request.method == "POST":
        action = request.POST.get("action")
        # A coordinator's reason for an early issue or an issue after a revocation.
        reason = request.POST.get("reason", "")
        try:
            if action == "issue":
                enrolment = get_object_or_404(
                    Enrolment.objects.filter(course=course), pk=request.POST.get("enrolment")
                )
                services.issue_certificate(enrolment, request.user, reason=reason)
                messages.success(request, _("The certificate is being created."))
            elif action == "retry":
                certificate = get_object_or_404(
                    Certificate.objects.filter(course=course), pk=request.POST.get("certificate")
                )
                services.retry_render(certificate, request.user)
                messages.success(request, _("The certificate is being created again."))
            else:
                raise Http404
        except services.CertificateError as error:
            messages.error(request, error.message)
        return redirect("certificates_course", course.pk)

    rows = _course_rows(course)
    last_session = course.taught_period()[1]
    statuses = [row["certificate"].status for row in rows if row["certificate"]]
    progress = {
        "total": len(rows),
        "issued": statuses.count(CertificateStatus.ISSUED),
        "in_progress": sum(status in IN_PROGRESS for status in statuses),
        "failed": statuses.count(CertificateStatus.FAILED),
        "missing": sum(1 for row in rows if row["certificate"] is None and not row["revoked"]),
    }
    return TemplateResponse(
        request,
        "certificates/admin/course_issue.html",
        {
            "course": course,
            "rows": rows,
            "progress": progress,
            "refresh": progress["in_progress"] > 0,
            "finished": course.is_finished_on(),
            "last_session": last_session,
            "coordinator": services.can_revoke(request.user),
        },
    )


@permission_then_scope("certificates.issue_certificate", Course, pk_url_kwarg="course_pk")
def course_issue_all(request, course):
    """Issue for the whole course, after a confirmation: GET shows "N Zertifikate
    ausstellen?" with the names (services.pending_for_course), POST issues for exactly
    those (someone who passed in between is not issued unasked)."""
    if request.method == "POST":
        confirmed = [value for value in request.POST.getlist("enrolment") if value.isdigit()]
        try:
            issued = services.issue_for_course(
                course,
                request.user,
                reason=request.POST.get("reason", ""),
                enrolments=[int(value) for value in confirmed],
            )
        except services.CertificateError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d certificate is being created.",
                    "%(count)d certificates are being created.",
                    len(issued),
                )
                % {"count": len(issued)},
            )
        return redirect("certificates_course", course.pk)
    pending = list(
        services.pending_for_course(course)
        .select_related("participant")
        .order_by("participant__family_name", "participant__given_names", "pk")
    )
    finished = course.is_finished_on()
    return TemplateResponse(
        request,
        "certificates/admin/course_issue_all.html",
        {
            "course": course,
            "pending": pending,
            "finished": finished,
            "last_session": course.taught_period()[1],
            # A trainer cannot issue before the end; a coordinator can, with a reason.
            "may_issue": bool(pending) and (finished or services.can_revoke(request.user)),
        },
    )


@permission_then_scope("certificates.view_certificate", Certificate)
def download(request, certificate):
    """The stored PDF, for staff who may see the certificate; never a public URL."""
    pdf = certificate.open_pdf()  # streamed from the private storage, disk or bucket
    if pdf is None:
        raise Http404(_("The PDF has not been created yet."))
    response = FileResponse(
        pdf,
        as_attachment=True,
        filename=f"Integrationszertifikat-{certificate.number}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


class RevokeForm(DomainErrorFormMixin, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (internal, never shown publicly)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ReissueForm(RevokeForm):
    given_names = forms.CharField(label=gettext_lazy("given names"), max_length=150)
    family_name = forms.CharField(label=gettext_lazy("family name"), max_length=150)
    field_order = ["given_names", "family_name", "reason"]


def _coordinator_only(request):
    # After permission and scope: revoking is a coordinator's decision (services.can_revoke).
    if not services.can_revoke(request.user):
        raise PermissionDenied


def _inspect_url(certificate):
    return reverse("certificates:inspect", args=[certificate.pk])


@permission_then_scope("certificates.revoke_certificate", Certificate)
def revoke(request, certificate):
    _coordinator_only(request)
    form = RevokeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.call_service(
            services.revoke, certificate, form.cleaned_data["reason"], request.user
        )
    ):
        messages.success(request, _("The certificate has been revoked."))
        return redirect(_inspect_url(certificate))
    return TemplateResponse(
        request,
        "certificates/admin/revoke.html",
        {"certificate": certificate, "form": form, "reissue": False},
    )


@permission_then_scope("certificates.revoke_certificate", Certificate)
def reissue(request, certificate):
    _coordinator_only(request)
    form = ReissueForm(
        request.POST or None,
        initial={
            "given_names": certificate.holder_given_names,
            "family_name": certificate.holder_family_name,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.call_service(
            services.reissue_with_corrected_name,
            certificate,
            given_names=form.cleaned_data["given_names"],
            family_name=form.cleaned_data["family_name"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
    ):
        new = form.service_result
        messages.success(
            request, _("Certificate %(number)s replaces the old one.") % {"number": new.number}
        )
        return redirect(_inspect_url(new))
    return TemplateResponse(
        request,
        "certificates/admin/revoke.html",
        {"certificate": certificate, "form": form, "reissue": True},
    )


@permission_then_scope("certificates.issue_certificate", Certificate)
def retry(request, certificate):
    """Render a certificate again (POST); GET asks for confirmation."""
    if request.method == "POST":
        try:
            services.retry_render(certificate, request.user)
        except services.CertificateError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The certificate is being created again."))
        return redirect(_inspect_url(certificate))
    return TemplateResponse(request, "certificates/admin/retry.html", {"certificate": certificate})
