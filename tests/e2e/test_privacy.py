"""Issue 14 in a browser: Datenauskunft, a withdrawal that keeps the old record, the access
log of a companion's look at the timeline, and erasure; the companion's caseload then
shows no name. At 360 px (phone) and desktop."""

import zipfile

import pytest
from playwright.sync_api import expect

from housing.models import Consent
from tests.conftest import PASSWORD
from tests.factories import ConsentFactory, HouseholdFactory, ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_coordinator_exports_withdraws_sees_the_log_and_erases(
    page, live_server, login, screenshot, roles, tmp_path, settings
):
    settings.RETENTION_YEARS = 0
    UserFactory(username="katrin", first_name="Katrin", last_name="Vogelsang", role="Coordinator")
    milan = UserFactory(username="milan", first_name="Milan", last_name="Horvat", role="Companion")
    household = HouseholdFactory(name="Familie Dragomir", companions=[milan])
    person = ParticipantFactory(
        given_names="Ileana", family_name="Dragomir", household=household, phone="+49 2331 5550"
    )
    first = ConsentFactory(participant=person, purpose="landlord_contact", note="beim Erstgespräch")

    # The companion opens the household's timeline (a look that is logged).
    login("milan", PASSWORD)
    page.goto(f"{live_server.url}/admin/housing/households/{household.pk}/timeline/")
    expect(page.locator("main")).to_contain_text("Ileana Dragomir")
    page.context.clear_cookies()

    login("katrin", PASSWORD)
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/admin/privacy/participants/{person.pk}/consents/")
    page.get_by_label("Zweck").select_option("landlord_contact")
    page.get_by_label("widerrufen").check()
    page.get_by_role("button", name="Einwilligung speichern").click()
    expect(page.locator('[data-consent-status="withdrawn"]')).to_have_count(1)
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("beim Erstgespräch")
    screenshot("privacy-consents-360")
    first.refresh_from_db()
    assert first.status == "given" and Consent.objects.count() == 2

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/privacy/access-log/?participant={person.pk}")
    expect(page.locator("table.listing")).to_contain_text("Milan Horvat")
    expect(page.locator("table.listing")).to_contain_text("Verlauf des Haushalts angesehen")
    screenshot("privacy-access-log")

    page.goto(f"{live_server.url}/admin/privacy/participants/{person.pk}/export/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Datenauskunft herunterladen (ZIP)").click()
    target = tmp_path / "auskunft.zip"
    download.value.save_as(target)
    assert "data.json" in zipfile.ZipFile(target).namelist()
    screenshot("privacy-export")

    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/admin/privacy/participants/{person.pk}/erase/")
    screenshot("privacy-erase-360")
    page.get_by_label("Zur Bestätigung den Namen der Person eingeben").fill("Ileana Dragomir")
    page.get_by_role("button", name="Endgültig löschen").click()
    expect(page.locator(".messages")).to_contain_text("Die Person wurde gelöscht.")
    page.context.clear_cookies()

    login("milan", PASSWORD)
    page.goto(f"{live_server.url}/admin/housing/caseload/")
    expect(page.locator("main")).not_to_contain_text("Ileana")
    expect(page.locator("main")).not_to_contain_text("Dragomir")
    screenshot("privacy-caseload-after-erasure-360")
