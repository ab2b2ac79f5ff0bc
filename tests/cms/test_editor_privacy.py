"""Editors write course materials; nowhere in the admin do they see participants' data.

A participant is created and changed the way the back office does it (with Wagtail
log entries naming the person). Then every admin screen an editor can open that
searches, lists or chooses things is checked for the person's name.
"""

import pytest
from wagtail.log_actions import log

from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory

SECRET = "Qwertzuiop"  # family name: must never appear
GIVEN = "Ilinca"  # given name: what the editor searches for (search boxes echo it)


@pytest.fixture
def person(coordinator, roles):
    household = HouseholdFactory(name=f"Familie {SECRET}")
    participant = ParticipantFactory(
        given_names=GIVEN, family_name=SECRET, name_latin=f"{GIVEN} {SECRET}", household=household
    )
    # What the back office's viewsets record when staff create and edit records.
    log(instance=participant, action="wagtail.create", user=coordinator)
    log(instance=participant, action="wagtail.edit", user=coordinator)
    log(instance=household, action="wagtail.create", user=coordinator)
    return participant


EDITOR_SCREENS = [
    "/admin/",
    f"/admin/search/?q={GIVEN}",
    f"/admin/pages/search/?q={GIVEN}",
    "/admin/reports/site-history/",
    f"/admin/reports/site-history/?label={GIVEN}",
    "/admin/reports/locked/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    f"/admin/choose-page/search/?q={GIVEN}",
    "/admin/choose-page/",
    f"/admin/images/?q={GIVEN}",
    f"/admin/documents/?q={GIVEN}",
    f"/admin/images/chooser/?q={GIVEN}",
    f"/admin/documents/chooser/?q={GIVEN}",
    "/admin/snippets/",
    "/admin/localize/reports/translations/",
    "/admin/cms/translations/",
]


@pytest.mark.parametrize("url", EDITOR_SCREENS)
def test_editor_never_sees_personal_data(editor, person, url):
    response = client_for(editor).get(url)
    assert response.status_code in (200, 302, 403, 404), response.status_code
    body = response.content.decode()
    assert SECRET not in body
    if GIVEN not in url:
        assert GIVEN not in body


def test_coordinator_does_see_the_history(coordinator, person):
    # The check above means something: the same report lists the person's entries to a
    # coordinator, by type and number (log entries name no person, core.audit).
    body = client_for(coordinator).get("/admin/reports/site-history/").content.decode()
    assert f"Teilnehmende(r) #{person.pk}" in body


@pytest.mark.parametrize(
    "url",
    ["/admin/participants/", "/admin/households/", "/admin/districts/", "/admin/users/"],
)
def test_editor_cannot_open_back_office_lists(editor, person, url):
    response = client_for(editor).get(url)
    assert response.status_code in (302, 403)
    assert SECRET not in response.content.decode()
