"""Demo certificates for the finished demo courses, with their PDFs rendered.

Everyone who passed a finished course gets a certificate (issued by the course's
trainer), rendered at once in this process so the demo has PDFs without a
running worker. One certificate is revoked by the coordinator. Idempotent: an
enrolment that has any certificate gets no second one, and the revocation
happens only once.
"""

from django.contrib.auth import get_user_model

from certificates import services, tasks
from certificates.models import Certificate, CertificateStatus
from courses import services as course_services
from courses.models import Course, CourseStatus, Enrolment
from housing.models import Participant

REVOKE_REASON = "Demo: Name falsch geschrieben; Zertifikat zurückgegeben."

# The courses demo has no Cyrillic or Arabic names among those who passed; these
# people (from housing/demo.py) also passed the summer course, so the demo shows
# certificates in Bulgarian Cyrillic and Arabic script with their second pages.
EXTRA_PASSED = [
    ("Mietführerschein Sommer – Wehringhausen", "Иван", "Иванов"),
    ("Mietführerschein Sommer – Wehringhausen", "ليلى", "الخطيب"),
]


def _ensure_passed(title, given_names, family_name, coordinator):
    """Add a passed attempt for one of these people, through the course services."""
    course = Course.objects.filter(title=title).first()
    participant = Participant.objects.filter(
        given_names=given_names, family_name=family_name
    ).first()
    exam = course.exams.order_by("date").first() if course else None
    if exam is None or participant is None or coordinator is None:
        return
    # courses.services.enrol refuses a finished course; the demo adds them afterwards.
    enrolment, _ = Enrolment.objects.get_or_create(participant=participant, course=course)
    if enrolment.results.exists():
        return
    if not enrolment.admission_override:
        course_services.override_admission(
            enrolment, reason="Demo: Anwesenheit in einem früheren Kurs", user=coordinator
        )
    course_services.record_exam_result(
        enrolment,
        exam,
        points={part.pk: round(part.max_points * 0.85) for part in exam.parts.all()},
        date=exam.date,
        user=coordinator,
    )


def seed(stdout) -> None:
    users = {user.username: user for user in get_user_model().objects.all()}
    coordinator = users.get("coordinator")
    made = 0
    for title, given_names, family_name in EXTRA_PASSED:
        _ensure_passed(title, given_names, family_name, coordinator)
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
