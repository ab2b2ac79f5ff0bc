"""Who looked at whom: one insert per view of a person's data."""

import pytest
from django.urls import reverse

from privacy.models import AccessLogEntry, AppendOnly
from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory


@pytest.fixture
def participant(companion):
    return ParticipantFactory(household=HouseholdFactory(companions=[companion]))


def test_views_of_a_persons_data_are_logged_once_each(participant, companion, coordinator):
    client = client_for(companion)
    client.get(reverse("participants:inspect", args=[participant.pk]))
    client.get(reverse("housing_timeline", args=[participant.household_id]))
    client_for(coordinator).get(reverse("participants:edit", args=[participant.pk]))
    client_for(coordinator).get(reverse("participants:index"))  # a list: not a person's record
    entries = list(AccessLogEntry.objects.order_by("pk").values_list("user", "action"))
    assert entries == [
        (companion.pk, "participant_inspect"),
        (companion.pk, "household_timeline"),
        (coordinator.pk, "participant_edit"),
    ]


def test_a_look_outside_the_scope_is_not_a_look(participant, trainer):
    client_for(trainer).get(reverse("participants:inspect", args=[participant.pk]))
    assert not AccessLogEntry.objects.exists()


def test_a_list_export_is_logged(participant, coordinator):
    client_for(coordinator).get(reverse("participants:index") + "?export=csv")
    assert AccessLogEntry.objects.get().action == "list_export"


def test_entries_cannot_be_changed_or_deleted(participant, coordinator):
    client_for(coordinator).get(reverse("participants:inspect", args=[participant.pk]))
    entry = AccessLogEntry.objects.get()
    entry.action = "export"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()


def test_the_report_filters_by_person_and_staff_member(participant, companion, coordinator):
    other = ParticipantFactory()
    client_for(companion).get(reverse("housing_timeline", args=[participant.household_id]))
    client_for(coordinator).get(reverse("participants:inspect", args=[other.pk]))
    url = reverse("privacy_access_log")
    client = client_for(coordinator)
    by_person = client.get(url, {"participant": participant.pk}).context["page"].object_list
    assert [e.action for e in by_person] == ["household_timeline"]
    by_staff = client.get(url, {"user": coordinator.pk}).context["page"].object_list
    assert {e.participant_id for e in by_staff} == {other.pk}
    assert client_for(companion).get(url).status_code in (302, 403)
