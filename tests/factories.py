"""Small factories for the test world. Names are invented."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from housing.models import Consent, District, Household, Participant


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("name",)

    name = factory.Iterator(["Altenhagen", "Wehringhausen", "Mitte"])


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Familie Test{n}")
    street = factory.Sequence(lambda n: f"Teststraße {n + 1}")
    postcode = "58089"
    city = "Hagen"
    district = factory.SubFactory(DistrictFactory)

    @factory.post_generation
    def companions(self, create, extracted, **kwargs):
        if create and extracted:
            self.companions.add(*extracted)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    given_names = factory.Iterator(["Ana", "Mihai", "Ivan", "Layla", "Emre", "Olena"])
    family_name = factory.Sequence(lambda n: f"Testescu{n}")
    date_of_birth = dt.date(1985, 5, 17)
    household = factory.SubFactory(HouseholdFactory)
    languages = factory.LazyFunction(lambda: ["ro"])
    preferred_language = "ro"
    entry_date = dt.date(2026, 2, 2)


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    participant = factory.SubFactory(ParticipantFactory)
    purpose = "programme"
    date = dt.date(2026, 2, 2)
