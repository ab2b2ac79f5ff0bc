"""Small factories for placement tests. Names are invented."""

import datetime as dt
from decimal import Decimal

import factory

from housing.models import Consent, ConsentPurpose
from placement.models import FlatSearch, RentLimit, Vacancy
from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory
from tests.housing.factories import FlatFactory


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    flat = factory.SubFactory(FlatFactory)
    district = factory.SubFactory(DistrictFactory, name="Altenhagen")
    available_from = dt.date(2026, 6, 1)
    rooms = Decimal("3")
    living_space = Decimal("68")
    cold_rent = Decimal("420")
    service_charges = Decimal("160")
    floor = 1
    lift = False
    deposit = Decimal("1260")


class FlatSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FlatSearch

    household = factory.SubFactory(HouseholdFactory)
    searching_since = dt.date(2026, 1, 10)
    rooms_needed = Decimal("3")


def rent_limits():
    for size, rent in ((1, "450"), (2, "540"), (3, "620"), (4, "700"), (5, "790")):
        RentLimit.objects.get_or_create(household_size=size, defaults={"max_rent": Decimal(rent)})


def searching_household(members=3, consent=True, **search):
    """A household of ``members`` people looking for a flat; consent to landlord contact."""
    household = HouseholdFactory()
    people = [ParticipantFactory(household=household) for _ in range(members)]
    if consent and people:
        Consent.objects.create(
            participant=people[0],
            purpose=ConsentPurpose.LANDLORD_CONTACT,
            date=dt.date(2026, 1, 5),
        )
    FlatSearchFactory(household=household, **search)
    household.people = people
    return household
