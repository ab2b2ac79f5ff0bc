"""A visit typed without a connection on a 360 px phone (issue 15).

The companion saves the caseload for offline use, goes offline, logs a visit,
closes and reopens the page (the draft is still there), goes online: exactly one
visit exists and the follow-up it settled is closed; the same draft sent again
creates no second visit.
"""

import json

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from benchmarks.first_load import PHONE, SLOW_3G, first_load
from housing.models import FollowUp, HomeVisit
from tests.conftest import PASSWORD
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import FollowUpFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESKTOP = {"width": 1280, "height": 800}


SLOW = 120_000  # ms: what a throttled page may take


def _throttle(page, context):
    """Chrome DevTools' "Slow 3G" and 4x CPU slowdown on this page (CDP)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **SLOW_3G})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.set_default_timeout(SLOW)
    return cdp


def _offline(context, offline: bool, cdp=None):
    """Connection off or on for the whole context, the service worker included; a page
    with its own emulation (``cdp``) is switched there too, or it would stay online."""
    context.set_offline(offline)
    if cdp is not None:
        cdp.send("Network.emulateNetworkConditions", {"offline": offline, **SLOW_3G})


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_visit_typed_offline_is_kept_and_sent_once(
    page, context, live_server, login, screenshot, roles, language
):
    """The walk of issue 15 on a throttled phone, in German and in Arabic (right to left;
    the staff may choose Arabic for the admin). Selectors use names, not label texts,
    so that the same walk runs in both."""
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    profile = UserProfile.get_for_user(mirela)
    profile.preferred_language = language
    profile.save()
    household = HouseholdFactory(name="Familie Dimitrov", companions=[mirela])
    ParticipantFactory(household=household, given_names="Ana", family_name="Dimitrova")
    follow_up = FollowUpFactory(household=household, title="Heizkostenabrechnung erklären")
    form_url = f"{live_server.url}/admin/housing/households/{household.pk}/visit/"
    direction = "rtl" if language == "ar" else "ltr"

    page.set_viewport_size(PHONE)
    login("mirela", PASSWORD)
    cdp = _throttle(page, context)
    page.goto(f"{live_server.url}/admin/housing/caseload/")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    page.locator("[data-mfs-offline-save]").click()
    expect(page.locator("[data-mfs-offline-saved]")).to_have_text(
        page.locator("[data-mfs-offline]").get_attribute("data-msg-saved"), timeout=SLOW
    )
    # The admin's scripts (sidebar) arrive after the page and are kept for offline use.
    expect(page.locator("html")).to_have_attribute("data-mfs-admin-scripts", "loaded", timeout=SLOW)
    screenshot(f"field-work-caseload-{language}-360")

    _offline(context, True, cdp)
    page.goto(form_url)
    expect(page.locator(".mfs-household__name")).to_have_text("Familie Dimitrov")
    page.locator("input[name=duration_minutes][value='30']").check()
    page.locator(f"input[name=resolves][value='{follow_up.pk}']").check()
    page.locator("textarea[name=observations]").fill("Abrechnung gemeinsam gelesen.")
    page.locator("[data-mfs-visit-form] button[type=submit]").click()
    waiting = page.locator("[data-mfs-offline]").get_attribute("data-msg-waiting")
    expect(page.locator("[data-mfs-draft-status]")).to_have_text(waiting, timeout=SLOW)
    if language == "de":
        assert "wartet auf Verbindung" in waiting
    screenshot(f"field-work-offline-waiting-{language}-360")
    assert not HomeVisit.objects.exists()

    # Closing the page loses nothing: the draft is on the device.
    page.close()
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.set_default_timeout(SLOW)
    page.goto(form_url)
    expect(page.locator("textarea[name=observations]")).to_have_value(
        "Abrechnung gemeinsam gelesen.", timeout=SLOW
    )
    expect(page.locator(f"input[name=resolves][value='{follow_up.pk}']")).to_be_checked()
    draft = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('mfs-draft:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert len(draft) == 1

    _offline(context, False)
    _throttle(page, context)  # the draft goes out, the caseload comes back on slow 3G
    page.wait_for_url(f"{live_server.url}/admin/housing/caseload/")
    assert HomeVisit.objects.count() == 1
    follow_up.refresh_from_db()
    assert follow_up.status == "done"
    assert HomeVisit.objects.get().observations == "Abrechnung gemeinsam gelesen."
    expect(page.locator(f"[data-follow-up='{follow_up.pk}']")).to_have_count(0)

    # The same draft sent once more (a retry after a lost answer) makes no second visit.
    # As offline-visits.js does, the page's token replaces the draft's only where the page
    # has one: with no follow-up left, the caseload's only form is the sidebar's, which on
    # slow 3G may not have arrived yet.
    fields = json.loads(draft[0])["fields"]
    status = page.evaluate(
        """async ([url, fields]) => {
            const body = new FormData();
            const token = document.querySelector('input[name=csrfmiddlewaretoken]');
            fields.forEach(([k, v]) => {
                if (k !== 'csrfmiddlewaretoken' || !token) body.append(k, v);
            });
            if (token) body.append('csrfmiddlewaretoken', token.value);
            const response = await fetch(url, {method: 'POST', body, credentials: 'same-origin'});
            return response.url;
        }""",
        [form_url, fields],
    )
    assert status.endswith("/admin/housing/caseload/")
    assert HomeVisit.objects.count() == 1
    assert FollowUp.objects.get(pk=follow_up.pk).resolved_by_visit == HomeVisit.objects.get()

    # The timeline at 360 px and on a desktop, with the visit just sent.
    timeline = f"{live_server.url}/admin/housing/households/{household.pk}/timeline/"
    for size, name in ((PHONE, "360"), (DESKTOP, "desktop")):
        page.set_viewport_size(size)
        page.goto(timeline)
        expect(page.locator(".mfs-timeline")).to_contain_text(
            "Abrechnung gemeinsam gelesen.", timeout=SLOW
        )
        page.screenshot(
            path=str(SCREENSHOTS / f"field-work-timeline-{language}-{name}.png"), full_page=True
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


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
    """The caseload's first load (empty cache, DevTools "Slow 3G", 4x CPU, 360x740) needs
    none of Wagtail's big admin bundles before the load event; they follow after it and
    the sidebar then works. The test server sends no compression, so its figure is an
    upper bound; the figure with gunicorn's compression is benchmarks/bench_first_load.py's
    (README, docs/housing.md)."""
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    for n in range(12):
        HouseholdFactory(name=f"Familie Test{n}", companions=[mirela])
    login("mirela", PASSWORD)
    load = first_load(
        context.browser,
        context.storage_state(),
        f"{live_server.url}/admin/housing/caseload/",
        complete_selector="html[data-mfs-admin-scripts=loaded]",
    )
    print(f"\ncaseload first load, slow 3G, no cache, no compression: {load.summary()}")
    before_load = [url for url, _size in load.requests]
    for bundle in ("core.js", "vendor.js", "sidebar.js", "jquery-ui", "datetimepicker"):
        assert not any(bundle in url for url in before_load), (bundle, before_load)
    assert load.kib < 500  # uncompressed; 1889 KiB before (issue 15)
    assert load.complete_bytes > load.bytes  # the admin's scripts came afterwards


def test_the_participant_list_reads_at_360_px(page, live_server, login, screenshot, roles):
    """Names stay whole and in view; the other columns scroll sideways inside the list."""
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    household = HouseholdFactory(name="Familie Dimitrov", companions=[mirela])
    ParticipantFactory(household=household, given_names="Sevdalina", family_name="Asenova")
    ParticipantFactory(household=household, given_names="Nikolaj", family_name="Dimitrov")
    page.set_viewport_size(PHONE)
    login("mirela", PASSWORD)
    page.goto(f"{live_server.url}/admin/participants/")
    name = page.locator("table.listing tbody td.title").first
    expect(name).to_contain_text("Asenova")
    box = name.bounding_box()
    assert box["width"] >= 140, box  # 9.5 rem: a name per line, not a letter per line
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The last column can be scrolled to, and the name column stays where it is.
    scroller = page.locator(".content > div:has(> table.listing)")
    scroller.evaluate("el => el.scrollLeft = el.scrollWidth")
    after = name.bounding_box()
    assert abs(after["x"] - box["x"]) < 2, (box, after)
    last = page.locator("table.listing thead th").last
    assert last.bounding_box()["x"] + last.bounding_box()["width"] <= PHONE["width"] + 1
    screenshot("participants-list-360")
