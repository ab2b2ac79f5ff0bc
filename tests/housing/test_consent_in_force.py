"""The one read rule for consent: the latest decision per person and purpose counts."""

import datetime

import pytest

from housing.models import ConsentPurpose, ConsentStatus, Household, Participant
from tests.factories import ConsentFactory, HouseholdFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

LANDLORD = ConsentPurpose.LANDLORD_CONTACT


def test_a_later_withdrawal_overrides_the_consent_it_withdraws():
    person = ParticipantFactory()
    ConsentFactory(participant=person, purpose=LANDLORD, date=datetime.date(2026, 3, 1))
    ConsentFactory(
        participant=person,
        purpose=LANDLORD,
        status=ConsentStatus.WITHDRAWN,
        date=datetime.date(2026, 6, 1),
    )

    def status_on(day):
        return Participant.objects.with_consent(LANDLORD, day).get(pk=person.pk).consent_status

    assert status_on(datetime.date(2026, 2, 1)) is None
    assert status_on(datetime.date(2026, 4, 1)) == ConsentStatus.GIVEN
    assert status_on(datetime.date(2026, 7, 1)) == ConsentStatus.WITHDRAWN
    assert not Participant.objects.consenting(LANDLORD, datetime.date(2026, 7, 1)).exists()


def test_consent_for_one_purpose_says_nothing_about_another():
    person = ParticipantFactory()
    ConsentFactory(participant=person, purpose=ConsentPurpose.PHOTOS)
    assert list(Participant.objects.consenting(ConsentPurpose.PHOTOS)) == [person]
    assert not Participant.objects.consenting(LANDLORD).exists()


def test_a_household_counts_its_consenting_members(django_assert_num_queries):
    household = HouseholdFactory()
    agreed, _undecided = (
        ParticipantFactory(household=household),
        ParticipantFactory(household=household),
    )
    ConsentFactory(participant=agreed, purpose=LANDLORD)
    nobody_asked = HouseholdFactory()

    with django_assert_num_queries(1):
        rows = {
            h.pk: (h.members_consenting, h.member_count)
            for h in Household.objects.with_consent(LANDLORD)
        }
    assert rows[household.pk] == (1, 2)
    assert rows[nobody_asked.pk] == (None, 0)
