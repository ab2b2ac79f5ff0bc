"""A person with everything the programme can know about them (names invented)."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.log_actions import log

from courses.models import Attendance, Session
from housing.models import Consent, FollowUp, HomeVisit
from tests.certificates.factories import fake_rendered
from tests.factories import ConsentFactory, HouseholdFactory, ParticipantFactory
from tests.housing.factories import ConcernFactory, TenancyFactory
from tests.monitoring.factories import ExitRecordFactory, certificate_for

GIVEN = "Светлана Мирела"
FAMILY = "Иваноффа"
LATIN = "Svetlana Mirela Ivanoffa"
BORN = dt.date(1988, 3, 14)
PHONE = "+49 2331 998877"
NOTE = "Spricht gern über Tomatenbeete"
VISIT_TEXT = "Schimmelfleck hinter dem Kleiderschrank besprochen"
CONCERN_TEXT = "Nachbar beschwert sich über Musik am Sonntag"
CONSENT_NOTE = "Unterschrieben beim Erstgespräch mit Dolmetscherin"
BORN_FORMATS = ("1988-03-14", "14.03.1988", "19880314", "14/03/1988", "3/14/1988")

SECRETS = (GIVEN, "Светлана", FAMILY, LATIN, "Ivanoffa", PHONE, NOTE, VISIT_TEXT,
           CONCERN_TEXT, CONSENT_NOTE, *BORN_FORMATS)  # fmt: skip


@pytest.fixture
def person(coordinator, companion):
    household = HouseholdFactory(name=f"Familie {FAMILY}", companions=[companion])
    participant = ParticipantFactory(
        given_names=GIVEN,
        family_name=FAMILY,
        name_latin=LATIN,
        date_of_birth=BORN,
        household=household,
        phone="+49 2331 111111",
        languages=["bg", "de"],
        preferred_language="bg",
    )
    # Several edits: the history table holds each version.
    for phone in ("+49 2331 222222", PHONE):
        participant.phone = phone
        participant.save()
    participant.notes = NOTE
    participant.save()
    ConsentFactory(participant=participant, purpose="programme", note=CONSENT_NOTE)
    consent = Consent(participant=participant, purpose="monitoring", status="given")
    consent.evidence.save("scan.pdf", ContentFile(b"%PDF-1.4 " + FAMILY.encode()), save=False)
    consent.save()
    certificate = certificate_for(participant, exam_date=dt.date(2026, 5, 27))
    certificate = fake_rendered(certificate, b"%PDF-1.7 " + f"{GIVEN} {FAMILY}".encode())
    enrolment = certificate.enrolment
    session = Session.objects.create(
        course=enrolment.course, date=dt.date(2026, 5, 4), start_time="09:00", end_time="12:00"
    )
    Attendance.objects.create(
        session=session, enrolment=enrolment, status="present", note=f"kam mit {GIVEN}"
    )
    entry = ExitRecordFactory(entry__participant=participant, entry__recorded_by=coordinator).entry
    tenancy = TenancyFactory(household=household, notes=f"Mietvertrag {FAMILY}")
    ConcernFactory(tenancy=tenancy, description=CONCERN_TEXT)
    visit = HomeVisit.objects.create(
        household=household, observations=VISIT_TEXT, present=GIVEN, created_by=companion
    )
    FollowUp.objects.create(
        household=household, source_visit=visit, title=f"Anruf {PHONE}", due_on=dt.date(2026, 6, 1)
    )
    # The site history (Wagtail's log) with the name in its data.
    log(participant, "wagtail.edit", user=coordinator, data={"title": participant.full_name})
    return {"participant": participant, "certificate": certificate, "entry": entry}


def private_files_text() -> str:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    if not root.exists():
        return ""
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace") for path in root.rglob("*") if path.is_file()
    )
