"""The admin runs without inline scripts: its Content-Security-Policy allows scripts from
our own origin only, and nothing the staff use breaks (security finding 9).

Every page below is opened in Chromium with the policy enforced; Chromium reports each
refused script on the console, and there must be none. The participant form (date
fields, the consents' inline panel that adds rows) is filled in and saved, because a
blocked script there would not show as an error until somebody typed a date.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from housing.models import Participant
from tests.conftest import PASSWORD
from tests.courses.factories import CourseFactory, SessionFactory
from tests.e2e.test_cms_materials import _ensure_base_tree, site  # noqa: F401 - site: a fixture
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import HomeVisitFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def csp_violations(page):
    seen = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            seen.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return seen


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_staff_pages_with_personal_data_run_without_inline_scripts(
    page, live_server, roles, csp_violations, screenshot
):
    _ensure_base_tree()  # the site history also reads page log entries
    UserFactory(username="koordination", first_name="Katrin", role="Coordinator")
    household = HouseholdFactory(name="Familie Zlatev")
    person = ParticipantFactory(household=household)
    course = CourseFactory()
    session = SessionFactory(course=course)
    visit = HomeVisitFactory(household=household)
    response = page.request.get(f"{live_server.url}/admin/login/")
    assert (
        "'unsafe-inline'"
        not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    )

    _sign_in(page, live_server, "koordination")
    for url in [
        reverse("wagtailadmin_home"),
        reverse("participants:index"),
        reverse("participants:edit", args=[person.pk]),
        reverse("households:edit", args=[household.pk]),
        reverse("courses:add"),
        reverse("courses:edit", args=[course.pk]),
        reverse("courses_overview", args=[course.pk]),
        reverse("courses_attendance", args=[session.pk]),
        reverse("courses_weekly_series", args=[course.pk]),
        reverse("visits:edit", args=[visit.pk]),
        reverse("tenancies:add"),
        reverse("agreements:add"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("certificates:index"),
        reverse("housing_caseload"),
        reverse("core_2fa"),
        reverse("core_sessions"),
        reverse("wagtailadmin_account"),
    ]:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
    assert not csp_violations, "\n".join(csp_violations)

    # The participant form works: the date chooser opens, a consent row is added.
    page.goto(live_server.url + reverse("participants:add"))
    page.get_by_label("Vorname(n)").fill("Zorniza")
    page.get_by_label("Familienname").fill("Zlateva")
    page.get_by_label("Geburtsdatum").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    page.get_by_label("Geburtsdatum").fill("03.04.1990")
    page.keyboard.press("Escape")
    page.select_option("select[name=household]", str(household.pk))
    page.get_by_label("Rumänisch").check()
    page.select_option("select[name=preferred_language]", "ro")
    page.get_by_role("button", name=re.compile("Einwilligung hinzufügen")).click()
    row = page.locator("[id^=inline_child_consents-]").last
    row.locator("select[name$=purpose]").select_option(index=1)
    row.locator("select[name$=status]").select_option("given")
    row.locator("input[name$=-date]").fill("02.02.2026")
    screenshot("csp-participant-form")
    page.get_by_role("button", name="Erstellen").click()
    expect(page.locator(".messages")).to_contain_text("Zorniza")
    screenshot("csp-participant-saved")
    assert Participant.objects.get(given_names="Zorniza").consents.count() == 1
    assert not csp_violations, "\n".join(csp_violations)


def test_the_editors_pages_run_without_inline_scripts(
    page,
    live_server,
    site,  # noqa: F811
    csp_violations,
):
    UserFactory(username="redaktion", role="Editor")
    _sign_in(page, live_server, "redaktion")
    module = site["mietvertrag"]
    for url in [
        reverse("wagtailadmin_explore", args=[site["home"].pk]),
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        "/admin/cms/translations/",
    ]:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
    assert not csp_violations, "\n".join(csp_violations)
