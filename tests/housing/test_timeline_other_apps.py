"""The household timeline and tenancies with what the courses and certificates apps know."""

import pytest
from django.urls import reverse
from django.utils import translation

from certificates import services as certificate_services
from certificates.models import Certificate
from housing.integrations import certificate_holders
from tests.certificates.factories import course_with_exam, fake_rendered, passed_enrolment
from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory
from tests.housing.factories import TenancyFactory
from tests.queries import count_queries


@pytest.fixture
def certified_household(companion, coordinator):
    household = HouseholdFactory(companions=[companion])
    person = ParticipantFactory(household=household, given_names="Zamfira", family_name="Oprea")
    enrolment = passed_enrolment(participant=person)
    certificate = certificate_services.issue_certificate(enrolment, by=coordinator)
    fake_rendered(certificate)
    return household


def test_coordinator_sees_course_exam_and_certificate_on_the_timeline(
    coordinator_client, certified_household
):
    url = reverse("housing_timeline", args=[certified_household.pk])
    response = coordinator_client.get(url)
    sections = {entry.section for entry, _label in response.context["entries"]}
    assert {"courses", "certificates", "members"} <= sections
    body = response.content.decode()
    assert "Zamfira Oprea: Prüfungsversuch 1 bestanden" in body
    assert "Integrationszertifikat Wohnen IZW-" in body


def test_companion_sees_the_household_but_not_course_or_certificate_records(
    companion, certified_household
):
    response = client_for(companion).get(reverse("housing_timeline", args=[certified_household.pk]))
    assert response.status_code == 200
    sections = {entry.section for entry, _label in response.context["entries"]}
    assert "members" in sections
    assert not sections & {"courses", "certificates"}
    assert "IZW-" not in response.content.decode()


def test_tenancy_knows_whether_the_household_holds_a_valid_certificate(
    certified_household, coordinator
):
    tenancy = TenancyFactory(household=certified_household)
    other = TenancyFactory(household=HouseholdFactory())
    assert certificate_holders([certified_household.pk, other.household_id]) == {
        certified_household.pk: True,
        other.household_id: False,
    }
    with translation.override("de"):
        assert tenancy.certificate_status() == "ja"

    certificate = Certificate.objects.get(participant__household=certified_household)
    certificate_services.revoke(certificate, "Name falsch geschrieben", by=coordinator)
    assert certificate_holders([certified_household.pk]) == {certified_household.pk: False}


def test_timeline_with_other_apps_uses_the_same_queries_for_1_and_5_members(
    coordinator_client, coordinator
):
    household = HouseholdFactory()
    course = course_with_exam()
    url = reverse("housing_timeline", args=[household.pk])

    def add_certified_member():
        person = ParticipantFactory(household=household)
        enrolment = passed_enrolment(course=course, participant=person)
        fake_rendered(certificate_services.issue_certificate(enrolment, by=coordinator))

    add_certified_member()
    with_one = count_queries(coordinator_client, url)
    for _ in range(4):
        add_certified_member()
    assert count_queries(coordinator_client, url) == with_one
