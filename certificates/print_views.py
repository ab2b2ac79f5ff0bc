"""All certificates of a course as one PDF, for printing them in one go.

The stored, already rendered files are joined (pypdf), not rendered again: the
printout is byte for byte what each holder's download gives, and a course of
twenty takes a moment instead of twenty renderings.
"""

import io

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from pypdf import PdfWriter

from certificates.models import Certificate
from core.permissions import check_permission, get_visible_or_404
from courses.models import Course


def course_certificates_pdf(request, course_pk):
    """/admin/issue-certificates/<course>/print/: the course's valid certificates, by name."""
    check_permission(request.user, "certificates.view_certificate")
    course = get_visible_or_404(Course, request.user, course_pk)
    certificates = (
        Certificate.objects.visible_to(request.user)
        .currently_valid()
        .filter(course=course)
        .order_by("holder_family_name", "holder_given_names", "pk")
        .only("pk", "pdf_path")
    )
    paths = [certificate.pdf_file_path() for certificate in certificates]
    if not paths:
        raise Http404(_("This course has no valid certificates to print."))
    writer = PdfWriter()
    for path in paths:
        writer.append(str(path))
    buffer = io.BytesIO()
    writer.write(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="Integrationszertifikate-Kurs-{course.pk}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
