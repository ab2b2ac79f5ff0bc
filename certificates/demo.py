"""Demo certificates for the finished demo courses, with their PDFs rendered.

Everyone who passed a finished course gets a certificate (issued by the course's
trainer), rendered at once in this process so the demo has PDFs without a
running worker. One certificate is revoked by the coordinator. Idempotent: an
enrolment that has any certificate gets no second one, and the revocation
happens only once.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Sum

from certificates import services, tasks
from certificates.models import Certificate, CertificateStatus
from courses.models import Course, CourseStatus, Enrolment, ExamResult
from housing.models import Participant

REVOKE_REASON = "Demo: Name falsch geschrieben; Zertifikat zurückgegeben."

# The courses demo has no Cyrillic or Arabic names among those who passed; these
# people (from housing/demo.py) also passed the summer course, so the demo shows
# certificates in Bulgarian Cyrillic and Arabic script with their second pages.
EXTRA_PASSED = [
    ("Mietführerschein Sommer – Wehringhausen", "Иван", "Иванов"),
    ("Mietführerschein Sommer – Wehringhausen", "ليلى", "الخطيب"),
]


def _ensure_passed(title, given_names, family_name):
    course = Course.objects.filter(title=title).first()
    participant = Participant.objects.filter(
        given_names=given_names, family_name=family_name
    ).first()
    exam = course.exams.order_by("date").first() if course else None
    if exam is None or participant is None:
        return
    enrolment, _ = Enrolment.objects.get_or_create(participant=participant, course=course)
    if enrolment.results.exists():
        return
    maximum = exam.parts.aggregate(total=Sum("max_points"))["total"] or 100
    points = round(maximum * 0.85)
    ExamResult.objects.create(
        enrolment=enrolment,
        exam=exam,
        attempt=1,
        date=exam.date,
        total_points=points,
        max_points=maximum,
        percent=Decimal(100 * points / maximum).quantize(Decimal("0.1")),
        passed=True,
    )


def seed(stdout) -> None:
    users = {user.username: user for user in get_user_model().objects.all()}
    coordinator = users.get("coordinator")
    made = 0
    for title, given_names, family_name in EXTRA_PASSED:
        _ensure_passed(title, given_names, family_name)
    for course in Course.objects.filter(status=CourseStatus.FINISHED).prefetch_related("trainers"):
        issuer = course.trainers.first() or coordinator
        waiting = (
            Enrolment.objects.eligible_for_certificate()
            .filter(course=course)
            .exclude(pk__in=Certificate.objects.values("enrolment_id"))
            .select_related("course")
        )
        for enrolment in waiting:
            certificate = services.issue_certificate(enrolment, issuer)
            tasks.render_certificate(certificate.pk)
            made += 1
    # Certificates left unrendered by an earlier, interrupted run.
    for certificate in Certificate.objects.filter(status=CertificateStatus.PENDING):
        tasks.render_certificate(certificate.pk)
    if coordinator and not Certificate.objects.filter(status=CertificateStatus.REVOKED).exists():
        first = Certificate.objects.order_by("pk").first()
        if first is not None:
            services.revoke(first, REVOKE_REASON, coordinator)
    total = Certificate.objects.count()
    stdout.write(f"Certificates: {made} new, {total} in all (PDFs rendered)")
