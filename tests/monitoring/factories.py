"""Factories for monitoring records. They write rows directly (fast, for counting tests);
tests of the rules go through the services."""

import datetime as dt

import factory
from django.utils import timezone

from monitoring.models import EntryRecord, ExitRecord, SixMonthFollowUp
from tests.factories import DistrictFactory, ParticipantFactory, UserFactory


class EntryRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntryRecord

    participant = factory.SubFactory(ParticipantFactory)
    entry_date = dt.date(2026, 2, 2)
    age_at_entry = 35
    district = factory.LazyAttribute(lambda o: o.participant.household.district)
    gender = "woman"
    labour_status = "unemployed"
    education = "foreign_school"
    nationality = "eu"
    foreign_background = "yes"
    housing_exclusion = "none"
    minority = "no"
    disability = "no"
    recorded_by = factory.SubFactory(UserFactory, username="recorder")
    updated_by = factory.SelfAttribute("recorded_by")


class ExitRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExitRecord

    entry = factory.SubFactory(EntryRecordFactory)
    exit_date = dt.date(2026, 6, 30)
    reason = "completed"
    situation = "employed"
    situation_on = factory.SelfAttribute("exit_date")
    recorded_by = factory.SelfAttribute("entry.recorded_by")
    updated_by = factory.SelfAttribute("entry.recorded_by")


class SixMonthFollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SixMonthFollowUp

    exit = factory.SubFactory(ExitRecordFactory)
    due_on = dt.date(2026, 12, 30)


__all__ = ["DistrictFactory", "EntryRecordFactory", "ExitRecordFactory", "SixMonthFollowUpFactory"]


def certificate_for(participant, exam_date, status="issued", issued_on=None):
    """A certificate row for ``participant`` (the snapshot fields filled in plainly)."""
    from certificates.models import Certificate, new_token
    from tests.certificates.factories import passed_enrolment

    enrolment = passed_enrolment(participant=participant)
    course = enrolment.course
    number = f"IZW-TEST-{Certificate.objects.count() + 1:05d}"
    return Certificate.objects.create(
        enrolment=enrolment,
        course=course,
        participant=participant,
        number=number,
        token=new_token(),
        status=status,
        holder_given_names=participant.given_names,
        holder_family_name=participant.family_name,
        holder_date_of_birth=participant.date_of_birth,
        course_title=course.title,
        course_start=course.start_date,
        course_end=course.end_date,
        course_location=course.location,
        course_district=course.district.name,
        exam_date=exam_date,
        exam_format="written",
        issued_on=issued_on or exam_date,
        organisation="Quartiersmanagement (Test)",
        signatory_name="Test",
        language="ro",
        # An issued certificate has its PDF; the file itself does not matter here.
        pdf_path="certificates/test.pdf" if status == "issued" else "",
        pdf_sha256="0" * 64 if status == "issued" else "",
        revoked_at=timezone.now() if status == "revoked" else None,
        revocation_reason="Test" if status == "revoked" else "",
    )
