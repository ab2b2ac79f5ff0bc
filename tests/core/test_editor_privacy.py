"""CMS editors never see personal data, wherever they look in the admin."""

import pytest
from django.urls import reverse

from housing.models import Participant
from tests.conftest import client_for
from tests.factories import HouseholdFactory
from tests.housing.test_participants import form_data

NAME = "Зорница"


@pytest.fixture
def participant_edited_in_the_admin(coordinator_client):
    """A participant created through the admin, so log entries and history exist."""
    household = HouseholdFactory(name="Familie Zlatev")
    response = coordinator_client.post(
        reverse("participants:add"), form_data(household, given_names=NAME)
    )
    assert response.status_code == 302
    return household


@pytest.mark.parametrize(
    "url",
    [
        "wagtailadmin_home",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_pages:search",
    ],
)
def test_editor_sees_no_participant_anywhere(editor, participant_edited_in_the_admin, url):
    client = client_for(editor)
    # Search for part of the name: the search box echoes the query, the results must not.
    response = client.get(reverse(url), {"q": NAME[:4]})
    body = response.content.decode()
    assert response.status_code in (200, 302, 403)
    assert NAME not in body
    assert "Familie Zlatev" not in body


def test_coordinator_does_see_the_log_entry(coordinator_client, participant_edited_in_the_admin):
    # The control: the same report does list it for someone allowed to see it, by its
    # type and number (log entries name no person, core.audit).
    participant = Participant.objects.get(given_names=NAME)
    response = coordinator_client.get(reverse("wagtailadmin_reports:site_history"))
    assert f"Teilnehmende(r) #{participant.pk}" in response.content.decode()


def test_editor_menu_has_no_programme_data(editor):
    body = client_for(editor).get(reverse("wagtailadmin_home")).content.decode()
    for url in ["/admin/participants/", "/admin/households/", "/admin/districts/"]:
        assert url not in body
