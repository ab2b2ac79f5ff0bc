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
from core.storage import private
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
    certificates = list(certificates)
    if not certificates:
        raise Http404(_("This course has no valid certificates to print."))
    writer = PdfWriter()
    for certificate in certificates:
        # From the private storage (disk or bucket); an issued certificate has its file.
        with private.open(certificate.pdf_path, "rb") as pdf:
            writer.append(io.BytesIO(pdf.read()))
    buffer = io.BytesIO()
    writer.write(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="Integrationszertifikate-Kurs-{course.pk}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
