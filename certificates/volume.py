"""Certificates of five years and about 50,000 checks on the verification page
(``manage.py generate_volume``; see core/generation.py).

The generator writes the records, not the PDFs: rendering 3,000 PDFs would take longer
than the rest together, and no benchmarked screen reads the files. ``pdf_path`` names
the file a render would write; the download view answers "not rendered" for these.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model

from certificates.models import (
    Certificate,
    CertificateStatus,
    Verification,
    VerificationOutcome,
    new_token,
    second_page_language,
)
from core.generation import BATCH
from courses.models import Enrolment


def generate(volume):
    rng = volume.rng
    passed = volume.made.get("courses.passed", [])[: volume.count(3000)]
    if not passed:
        return
    enrolments = Enrolment.objects.select_related("participant", "course__district").in_bulk(
        [pk for pk, _exam, _date in passed]
    )
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    rows = []
    for i, (pk, _exam, exam_date) in enumerate(passed):
        enrolment = enrolments[pk]
        person, course = enrolment.participant, enrolment.course
        issued = min(volume.today, exam_date + dt.timedelta(days=rng.randint(1, 10)))
        revoked = rng.random() < 0.02
        number = f"IZW-{issued.year}-V{i + 1:05d}"
        rows.append(
            Certificate(
                enrolment=enrolment,
                course=course,
                participant=person,
                number=number,
                token=new_token(),
                status=CertificateStatus.REVOKED if revoked else CertificateStatus.ISSUED,
                holder_given_names=person.given_names,
                holder_family_name=person.family_name,
                holder_date_of_birth=person.date_of_birth,
                course_title=course.title,
                course_start=course.start_date,
                course_end=course.end_date,
                course_location=course.location,
                course_district=course.district.name,
                modules=["lease", "rent", "heating"],
                exam_date=exam_date,
                exam_format="written",
                issued_on=issued,
                organisation=settings.PROGRAMME_ORGANISATION,
                signatory_name=settings.CERTIFICATE_SIGNATORY_NAME,
                signatory_title=settings.CERTIFICATE_SIGNATORY_TITLE,
                language=second_page_language(person.preferred_language),
                pdf_path=f"certificates/{issued.year}/{number}.pdf",
                pdf_sha256="0" * 64,
                rendered_at=dt.datetime.combine(issued, dt.time(12), tzinfo=dt.UTC),
                issued_by=coordinator,
                created_at=dt.datetime.combine(issued, dt.time(11), tzinfo=dt.UTC),
                revoked_at=(
                    dt.datetime.combine(issued, dt.time(15), tzinfo=dt.UTC) if revoked else None
                ),
                revoked_by=coordinator if revoked else None,
                revocation_reason="Ausgestellt in Verwechslung (erfunden)" if revoked else "",
            )
        )
    certificates = Certificate.objects.bulk_create(rows, batch_size=BATCH)
    checks = []
    for _ in range(volume.count(50000)):
        certificate = rng.choice(certificates)
        day = volume.day(start=certificate.issued_on)
        checks.append(
            Verification(
                certificate=certificate,
                at=dt.datetime.combine(
                    day, dt.time(rng.randint(7, 20), rng.randint(0, 59)), tzinfo=dt.UTC
                ),
                outcome=(
                    VerificationOutcome.REVOKED
                    if certificate.status == CertificateStatus.REVOKED
                    else VerificationOutcome.VALID
                ),
            )
        )
    checks = Verification.objects.bulk_create(checks, batch_size=BATCH)
    volume.done("certificates.Certificate", certificates)
    volume.done("certificates.Verification", checks)
