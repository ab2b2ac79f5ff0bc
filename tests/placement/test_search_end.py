"""A flat search ends only through ``services.end_search``, from its own screen.

Before, "search ended on" was a plain field of the generic form and ``end_search`` was
called by nobody: a search could end before it began, end twice, or end after the
household was placed. For each state the screen gives the service's result or error.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from placement import services
from placement.models import FlatSearch
from tests.conftest import client_for
from tests.placement.factories import FlatSearchFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _search(state):
    fields = {"searching_since": dt.date(2026, 1, 10)}
    if state == "ended":
        fields["ended_on"] = dt.date(2026, 2, 1)
    if state == "placed":
        fields["placed_on"] = dt.date(2026, 2, 1)
    return FlatSearchFactory(**fields)


@pytest.mark.parametrize(
    ("state", "ended_on", "code"),
    [
        ("open", dt.date(2026, 3, 1), None),
        ("open", dt.date(2026, 1, 1), "end_before_start"),
        ("open", TODAY + dt.timedelta(days=1), "end_in_future"),
        ("ended", dt.date(2026, 3, 1), "search_ended"),
        ("placed", dt.date(2026, 3, 1), "search_placed"),
    ],
)
def test_ending_on_the_screen_is_the_service(coordinator, state, ended_on, code):
    by_service, by_screen = _search(state), _search(state)
    try:
        services.end_search(by_service, ended_on=ended_on)
        error = None
    except services.PlacementError as refused:
        error = refused
    assert (error.code if error else None) == code

    url = reverse("placement_search_end", args=[by_screen.pk])
    response = client_for(coordinator).post(url, {"ended_on": ended_on.isoformat()})
    if error is None:
        assert response.status_code == 302
        assert response.url == reverse("flat_searches:inspect", args=[by_screen.pk])
    else:
        assert response.status_code == 200
        form = response.context["form"]
        assert form.domain_error.code == code
        shown = form.errors.get(error.field if error.field in form.fields else "__all__")
        assert shown == [error.message]
    ends = FlatSearch.objects.filter(pk__in=[by_service.pk, by_screen.pk]).values_list(
        "ended_on", flat=True
    )
    assert len(set(ends)) == 1


def test_the_search_form_has_no_end_and_the_menu_offers_the_action(coordinator):
    search = _search("open")
    client = client_for(coordinator)
    page = client.get(reverse("flat_searches:edit", args=[search.pk])).content.decode()
    assert 'name="ended_on"' not in page
    assert reverse("placement_search_end", args=[search.pk]) in page
    ended = _search("ended")
    page = client.get(reverse("flat_searches:inspect", args=[ended.pk])).content.decode()
    assert reverse("placement_search_end", args=[ended.pk]) not in page
