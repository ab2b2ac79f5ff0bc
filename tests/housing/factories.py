"""Factories for landlords, agreements, tenancies, concerns and visits. Names are invented."""

import datetime as dt

import factory
from django.core.files.base import ContentFile

from housing.models import (
    CooperationAgreement,
    Flat,
    FollowUp,
    HomeVisit,
    Landlord,
    LandlordConcern,
    LandlordContact,
    Tenancy,
)
from tests.factories import HouseholdFactory, UserFactory


def minimal_pdf(text: str = "Kooperationsvereinbarung") -> bytes:
    """A small but well-formed one-page PDF (correct cross-reference offsets)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ]
    stream = f"BT /F1 12 Tf 72 770 Td ({text}) Tj ET".encode()
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


class LandlordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Landlord

    name = factory.Sequence(lambda n: f"Vermietung Test {n} GmbH")
    kind = "company"
    street = "Hauptstraße 1"
    postcode = "58095"
    city = "Hagen"
    phone = "+49 30 23125 900"


class LandlordContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LandlordContact

    landlord = factory.SubFactory(LandlordFactory)
    name = factory.Sequence(lambda n: f"Hausmeister Test{n}")
    function = "Hausmeister"
    phone = "+49 30 23125 901"


class FlatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flat

    landlord = factory.SubFactory(LandlordFactory)
    street = factory.Sequence(lambda n: f"Mietweg {n + 1}")
    postcode = "58089"
    city = "Hagen"
    position = "1. OG links"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationAgreement
        skip_postgeneration_save = True

    landlord = factory.SubFactory(LandlordFactory)
    text_version = "2026-01"
    signed_on = dt.date(2026, 1, 15)
    valid_from = dt.date(2026, 2, 1)
    valid_until = dt.date(2027, 1, 31)
    status = "active"
    programme_contact = factory.SubFactory(UserFactory)

    @factory.post_generation
    def with_document(self, create, extracted, **kwargs):
        if create and extracted:
            self.document.save("signed.pdf", ContentFile(minimal_pdf()), save=True)


class TenancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tenancy

    household = factory.SubFactory(HouseholdFactory)
    flat = factory.SubFactory(FlatFactory)
    landlord = factory.LazyAttribute(lambda t: t.flat.landlord)
    start = dt.date(2026, 3, 1)
    move_in = dt.date(2026, 3, 1)
    through_programme = True


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LandlordConcern

    tenancy = factory.SubFactory(TenancyFactory)
    kind = "waste"
    reported_on = dt.date(2026, 10, 1)
    description = "Restmüll steht im Treppenhaus."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    household = factory.SubFactory(HouseholdFactory)
    title = "Mülltrennung noch einmal erklären"
    due_on = dt.date(2026, 10, 8)


class HomeVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HomeVisit
        skip_postgeneration_save = True

    household = factory.SubFactory(HouseholdFactory)
    date = dt.date(2026, 10, 1)
    duration_minutes = 60
    language = "ro"
    observations = "Wohnung ordentlich, Lüften besprochen."

    @factory.post_generation
    def companions(self, create, extracted, **kwargs):
        if create and extracted:
            self.companions.add(*extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)


def agreed_to_landlord_contact(household):
    """A member of ``household`` whose consent to landlord contact is in force."""
    from tests.factories import ConsentFactory, ParticipantFactory

    member = ParticipantFactory(household=household)
    ConsentFactory(participant=member, purpose="landlord_contact", date=dt.date(2026, 2, 2))
    return member
