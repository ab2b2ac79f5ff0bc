"""Resolving a landlord concern as an action of its own (issue 15): from the concern list,
the concern's page and the household timeline, through services.resolve_concern."""

import datetime as dt

import pytest
from django.urls import reverse

from housing import services
from housing.models import ConcernStatus, FollowUp, FollowUpStatus
from tests.conftest import client_for
from tests.factories import HouseholdFactory, UserFactory
from tests.housing.conftest import TODAY
from tests.housing.factories import ConcernFactory, FollowUpFactory, TenancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture
def concern(companion):
    household = HouseholdFactory(name="Familie Lungu", companions=[companion])
    concern = ConcernFactory(tenancy=TenancyFactory(household=household))
    FollowUpFactory(household=household, concern=concern, title="Mülltrennung erklären")
    return concern


def test_the_service_closes_its_follow_ups_each_in_the_history(concern, companion):
    services.resolve_concern(concern, resolved_on=dt.date(2026, 11, 1), user=companion)
    concern.refresh_from_db()
    assert (concern.status, concern.resolved_on) == (ConcernStatus.RESOLVED, dt.date(2026, 11, 1))
    follow_up = FollowUp.objects.get(concern=concern)
    assert (follow_up.status, follow_up.done_on, follow_up.done_by) == (
        FollowUpStatus.DONE,
        dt.date(2026, 11, 1),
        companion,
    )
    assert follow_up.history.first().history_type == "~"  # saved, not a silent update()


def test_the_service_refuses_a_second_resolution_and_a_future_date(concern, companion):
    with pytest.raises(services.HousingError) as future:
        services.resolve_concern(concern, resolved_on=TODAY + dt.timedelta(days=1))
    assert future.value.code == "date_in_future"
    services.resolve_concern(concern, user=companion)
    with pytest.raises(services.HousingError) as again:
        services.resolve_concern(concern, user=companion)
    assert again.value.code == "concern_resolved"


def test_the_companion_resolves_from_the_timeline(concern, companion):
    household = concern.tenancy.household
    timeline_url = reverse("housing_timeline", args=[household.pk])
    client = client_for(companion)
    timeline = client.get(timeline_url).content.decode()
    resolve_url = reverse("housing_concern_resolve", args=[concern.pk])
    assert f'href="{resolve_url}?next={timeline_url}"' in timeline
    assert reverse("concerns:inspect", args=[concern.pk]) in timeline

    form = client.get(f"{resolve_url}?next={timeline_url}").content.decode()
    assert "Familie Lungu" in form and "Als erledigt markieren" in form
    assert "Die offene Nachverfolgung wird mit ihm geschlossen." in form

    response = client.post(resolve_url, {"resolved_on": "2026-11-01", "next": timeline_url})
    assert response.status_code == 302 and response.url == timeline_url
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.RESOLVED
    after = client.get(timeline_url).content.decode()
    assert "Anliegen „Müll“ erledigt." in after
    assert "Vermieteranliegen: Müll (erledigt)" in after
    assert f'href="{resolve_url}' not in after  # no button for a resolved concern


def test_a_future_date_keeps_the_input_and_says_why(concern, companion):
    url = reverse("housing_concern_resolve", args=[concern.pk])
    response = client_for(companion).post(url, {"resolved_on": "2026-11-05"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Das Datum darf nicht in der Zukunft liegen." in html
    assert 'value="2026-11-05"' in html
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.OPEN


def test_list_and_concern_page_offer_the_action(concern, coordinator):
    client = client_for(coordinator)
    resolve_url = reverse("housing_concern_resolve", args=[concern.pk])
    assert resolve_url in client.get(reverse("concerns:index")).content.decode()
    inspect = client.get(reverse("concerns:inspect", args=[concern.pk]))
    assert resolve_url in inspect.content.decode()
    services.resolve_concern(concern, user=coordinator)
    assert resolve_url not in client.get(reverse("concerns:index")).content.decode()
    page = client_for(coordinator).get(resolve_url).content.decode()
    assert "Dieses Anliegen wurde am 02.11.2026 erledigt." in page


def test_another_households_concern_is_not_found(concern, roles):
    stranger = UserFactory(username="other-companion", role="Companion")
    url = reverse("housing_concern_resolve", args=[concern.pk])
    assert client_for(stranger).get(url).status_code == 404
    assert client_for(stranger).post(url, {"resolved_on": "2026-11-01"}).status_code == 404
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.OPEN
