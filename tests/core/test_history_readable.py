"""Readable histories (issue 15): a multiple choice whose ticks only changed order is no
change, and the history pages of housing records name staff, not their logins."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from core.roles import Role
from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import ConcernFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def katrin(roles):
    return UserFactory(
        username="kkoch", first_name="Katrin", last_name="Koch", role=Role.COORDINATOR
    )


def _history(client, person):
    response = client.get(reverse("participants:history", args=[person.pk]))
    assert response.status_code == 200
    return response


def test_only_the_order_of_the_languages_changed_is_no_change(katrin):
    person = ParticipantFactory(languages=["de", "ar"], preferred_language="ar")
    person.languages = ["ar", "de"]
    person.save()
    person.languages = ["ar", "de", "ro"]
    person.save()
    entries = _history(client_for(katrin), person).context["entries"]
    changes = [c for e in entries if e.action == "geändert" for c in e.changes]
    # One change: Romanian added; the reordering before it shows nothing.
    assert [(c.label, c.old, c.new) for c in changes] == [
        ("Gesprochene Sprachen", "Arabisch, Deutsch", "Arabisch, Deutsch, Rumänisch")
    ]


def test_history_pages_name_staff_not_logins(katrin):
    household = HouseholdFactory(name="Familie Koch-Test")
    client = client_for(katrin)
    response = client.post(
        reverse("households:edit", args=[household.pk]),
        {
            "name": "Familie Koch-Test",
            "street": household.street,
            "postcode": household.postcode,
            "city": household.city,
            "district": household.district_id,
            "notes": "Neu",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    concern = ConcernFactory()
    concern._history_user = katrin  # as a save in an admin request records it
    concern.description = "Sperrmüll im Hof."
    concern.save()
    log(instance=concern, action="wagtail.edit", user=katrin)
    pages = {
        "household history": reverse("households:history", args=[household.pk]),
        "concern history": reverse("concerns:history", args=[concern.pk]),
        "site history": reverse("wagtailadmin_reports:site_history"),
    }
    for name, url in pages.items():
        page = client.get(url)
        html = page.content.decode()
        assert page.status_code == 200, name
        main = html.split('id="main"')[-1]
        assert "Katrin Koch" in main, name
        assert "kkoch" not in main, name
