"""Wagtail's editing-session ping (who else is editing this record) respects object scope."""

from django.urls import reverse

from tests.conftest import client_for
from tests.housing.factories import HomeVisitFactory


def _ping(client, visit):
    url = reverse(
        "wagtailadmin_editing_sessions:ping", args=["housing", "homevisit", str(visit.pk), 0]
    )
    return client.post(url, {"is_editing": "1"})


def test_a_companion_cannot_ping_a_visit_outside_their_households(users):
    outside = HomeVisitFactory()
    # The coordinator is editing it: the answer must not tell the companion who.
    assert _ping(client_for(users["coordinator"]), outside).status_code == 200
    response = _ping(client_for(users["companion"]), outside)
    assert response.status_code == 404
    assert "Katrin" not in response.content.decode()


def test_the_companion_pings_a_visit_of_their_own_household(users):
    own = HomeVisitFactory(household__companions=[users["companion"]])
    assert _ping(client_for(users["coordinator"]), own).status_code == 200
    response = _ping(client_for(users["companion"]), own)
    assert response.status_code == 200
    assert response.json()["other_sessions"]  # the coordinator is shown to someone in scope
