"""Passed enrolments and certificates for the certificate tests. Names are invented."""

import datetime as dt
import hashlib
from decimal import Decimal

from certificates.models import Certificate, CertificateStatus
from core.storage import private
from courses.models import CurriculumModule, Enrolment, ExamResult
from tests.courses.factories import CourseFactory, exam_with_parts
from tests.factories import ParticipantFactory


def course_with_exam(trainers=(), **kwargs):
    course = CourseFactory(trainers=list(trainers), **kwargs)
    course.modules.set(CurriculumModule.objects.all())
    exam_with_parts(course, 50, 50)
    return course


def passed_enrolment(course=None, participant=None, *, passed=True, **participant_kwargs):
    course = course or course_with_exam()
    participant = participant or ParticipantFactory(**participant_kwargs)
    enrolment = Enrolment.objects.create(participant=participant, course=course)
    exam = course.exams.first()
    ExamResult.objects.create(
        enrolment=enrolment,
        exam=exam,
        attempt=1,
        date=exam.date,
        total_points=80 if passed else 30,
        max_points=100,
        percent=Decimal(80 if passed else 30),
        passed=passed,
    )
    return enrolment


def _blank_pdf() -> bytes:
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


BLANK_PDF = _blank_pdf()


def fake_rendered(certificate: Certificate, content: bytes = BLANK_PDF) -> Certificate:
    """Mark a certificate rendered with a small stand-in file (a blank, valid PDF page),
    for tests about access."""
    relative = f"certificates/test/{certificate.number}.pdf"
    private.replace(relative, content)
    Certificate.objects.filter(pk=certificate.pk).update(
        status=CertificateStatus.ISSUED,
        pdf_path=relative,
        pdf_sha256=hashlib.sha256(content).hexdigest(),
    )
    certificate.refresh_from_db()
    return certificate


__all__ = ["course_with_exam", "dt", "fake_rendered", "passed_enrolment"]
