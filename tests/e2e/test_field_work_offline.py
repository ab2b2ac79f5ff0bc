"""A visit typed without a connection on a 360 px phone (issue 15).

The companion saves the caseload for offline use, goes offline, logs a visit,
closes and reopens the page (the draft is still there), goes online: exactly one
visit exists and the follow-up it settled is closed; the same draft sent again
creates no second visit.
"""

import json
import time

import pytest
from playwright.sync_api import expect

from housing.models import FollowUp, HomeVisit
from tests.conftest import PASSWORD
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import FollowUpFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}


def test_a_visit_typed_offline_is_kept_and_sent_once(
    page, context, live_server, login, screenshot, roles
):
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    household = HouseholdFactory(name="Familie Dimitrov", companions=[mirela])
    ParticipantFactory(household=household, given_names="Ana", family_name="Dimitrova")
    follow_up = FollowUpFactory(household=household, title="Heizkostenabrechnung erklären")
    form_url = f"{live_server.url}/admin/housing/households/{household.pk}/visit/"

    page.set_viewport_size(PHONE)
    login("mirela", PASSWORD)
    page.goto(f"{live_server.url}/admin/housing/caseload/")
    page.get_by_role("button", name="Für unterwegs speichern").click()
    expect(page.locator("[data-mfs-offline-saved]")).to_contain_text(
        "Auf diesem Telefon gespeichert"
    )

    context.set_offline(True)
    page.goto(form_url)
    expect(page.locator(".mfs-household__name")).to_have_text("Familie Dimitrov")
    page.get_by_label("30 Min.").check()
    page.get_by_label("Heizkostenabrechnung erklären").check()
    page.get_by_label("Beobachtungen").fill("Abrechnung gemeinsam gelesen.")
    page.get_by_role("button", name="Besuch speichern").click()
    expect(page.locator("[data-mfs-draft-status]")).to_contain_text("wartet auf Verbindung")
    screenshot("field-work-offline-waiting-360")
    assert not HomeVisit.objects.exists()

    # Closing the page loses nothing: the draft is on the device.
    page.close()
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(form_url)
    expect(page.get_by_label("Beobachtungen")).to_have_value("Abrechnung gemeinsam gelesen.")
    expect(page.get_by_label("Heizkostenabrechnung erklären")).to_be_checked()
    draft = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('mfs-draft:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert len(draft) == 1
    screenshot_page = page

    context.set_offline(False)
    screenshot_page.wait_for_url(f"{live_server.url}/admin/housing/caseload/")
    assert HomeVisit.objects.count() == 1
    follow_up.refresh_from_db()
    assert follow_up.status == "done"
    assert HomeVisit.objects.get().observations == "Abrechnung gemeinsam gelesen."

    # The same draft sent once more (a retry after a lost answer) makes no second visit.
    fields = json.loads(draft[0])["fields"]
    status = page.evaluate(
        """async ([url, fields]) => {
            const body = new FormData();
            const token = document.querySelector('input[name=csrfmiddlewaretoken]');
            fields.forEach(([k, v]) => { if (k !== 'csrfmiddlewaretoken') body.append(k, v); });
            if (token) body.append('csrfmiddlewaretoken', token.value);
            const response = await fetch(url, {method: 'POST', body, credentials: 'same-origin'});
            return response.url;
        }""",
        [form_url, fields],
    )
    assert status.endswith("/admin/housing/caseload/")
    assert HomeVisit.objects.count() == 1
    assert FollowUp.objects.get(pk=follow_up.pk).resolved_by_visit == HomeVisit.objects.get()


def test_the_visit_form_fits_360_px_with_all_errors_in_view(
    page, live_server, login, screenshot, roles
):
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    household = HouseholdFactory(name="Familie Yılmaz", companions=[mirela])
    page.set_viewport_size(PHONE)
    login("mirela", PASSWORD)
    page.goto(f"{live_server.url}/admin/housing/households/{household.pk}/visit/")
    page.locator(".mfs-details summary").click()
    page.get_by_label("Nachverfolgung fällig").fill("2000-01-01")
    page.get_by_label("Datum des Besuchs").fill("2099-01-01")
    page.get_by_label("Nächster geplanter Besuch").fill("2000-01-01")
    page.get_by_role("button", name="Besuch speichern").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_visible()
    # All three date problems at once, each linked to its field.
    expect(summary.locator("li")).to_have_count(3)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    screenshot("field-work-visit-errors-360")
    assert width <= 360, width


def test_first_load_of_the_caseload_on_slow_3g(page, context, live_server, login, roles):
    """Measures (prints) bytes and time of the caseload's first load with an empty
    cache under Chrome's "slow 3G" profile (400 ms RTT, 400 kbit/s down). The test
    server sends no compression, so the figure is an upper bound for gunicorn."""
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    for n in range(12):
        HouseholdFactory(name=f"Familie Test{n}", companions=[mirela])
    login("mirela", PASSWORD)
    fresh = context.browser.new_context(storage_state=context.storage_state())
    tab = fresh.new_page()
    tab.set_viewport_size(PHONE)
    cdp = fresh.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 400,
            "downloadThroughput": 400 * 1024 / 8,
            "uploadThroughput": 400 * 1024 / 8,
        },
    )
    received = []
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    tab.set_default_timeout(60_000)
    started = time.monotonic()
    tab.goto(f"{live_server.url}/admin/housing/caseload/", wait_until="load")
    seconds = time.monotonic() - started
    total = sum(received)
    print(f"\ncaseload first load, slow 3G, no cache: {total / 1024:.0f} KiB in {seconds:.1f} s")
    fresh.close()
    assert total < 1.9 * 1024 * 1024  # the figure before: 1.9 MB
