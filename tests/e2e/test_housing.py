"""Klartext on a phone, and the landlord register feeding the companions' caseload."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from housing import services
from housing.models import CooperationAgreement, Flat, FollowUp, Tenancy
from tests.conftest import PASSWORD
from tests.e2e.forms import pick_date
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import TenancyFactory, minimal_pdf

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}


def test_companion_on_a_phone_logs_a_visit_and_the_overdue_follow_up_goes(
    page, live_server, login, screenshot, roles
):
    today = timezone.localdate()
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    calm = HouseholdFactory(name="Familie Asenov", companions=[mirela])
    popescu = HouseholdFactory(name="Familie Popescu", companions=[mirela])
    ParticipantFactory(household=popescu, given_names="Elena", family_name="Popescu")
    services.record_concern(
        tenancy=TenancyFactory(household=popescu),
        kind="waste",
        description="Gelbe Säcke stehen im Hof.",
        reported_on=today - dt.timedelta(days=10),
        contact_reason="Die Hausverwaltung hat selbst angerufen.",
    )
    services.log_visit(
        household=calm,
        companions=[mirela],
        user=mirela,
        date=today - dt.timedelta(days=3),
        next_visit=today + dt.timedelta(days=11),
    )

    page.set_viewport_size(PHONE)
    login("mirela", PASSWORD)
    page.goto(f"{live_server.url}/admin/housing/caseload/")
    overdue = page.locator(".mfs-overdue")
    expect(overdue).to_contain_text("Vermieteranliegen: Müll")
    expect(page.locator("#caseload > li").first).to_contain_text("Familie Popescu")
    screenshot("housing-caseload-360")

    started = dt.datetime.now()
    overdue.get_by_role("link", name="Besuch erfassen").click()
    # The essentials are visible; the rest waits behind "Weitere Angaben".
    expect(page.get_by_label("Wer war anwesend")).to_be_hidden()
    page.get_by_label("30 Min.").check()
    page.get_by_label("Mülltrennung").check()
    page.get_by_label("Vermieteranliegen: Müll").check()
    page.get_by_label("Beobachtungen").fill("Gelbe Säcke besprochen, Plan aufgehängt.")
    screenshot("housing-log-visit-360")
    page.get_by_role("button", name="Besuch speichern").click()
    assert (dt.datetime.now() - started).total_seconds() < 120

    expect(page.locator(".messages")).to_contain_text("Besuch bei Familie Popescu gespeichert")
    expect(page.locator(".mfs-overdue")).to_contain_text("Keine überfälligen Nachverfolgungen")
    expect(page.locator("#caseload")).not_to_contain_text("Vermieteranliegen: Müll")
    screenshot("housing-caseload-after-visit-360")
    assert not FollowUp.objects.open().exists()
    # The page fits the phone: nothing sideways to scroll.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_coordinator_registers_landlord_agreement_tenancy_and_concern(
    page, live_server, login, screenshot, roles, browser, tmp_path
):
    UserFactory(username="katrin", first_name="Katrin", last_name="Vogelsang", role="Coordinator")
    mirela = UserFactory(username="mirela", first_name="Mirela", role="Companion")
    household = HouseholdFactory(name="Familie Dimitrov", companions=[mirela])
    login("katrin", PASSWORD)

    # 1. The landlord with a contact person and a flat.
    page.goto(f"{live_server.url}/admin/landlords/new/")
    page.locator("#id_name").fill("Wohnen am Volkspark eG")
    page.locator("#id_kind").select_option("association")
    page.locator("#id_contacts-ADD").click()
    page.locator("#id_contacts-0-name").fill("Frau Beispiel")
    page.locator("#id_contacts-0-function").fill("Vermietungsbüro")
    page.locator("#id_flats-ADD").click()
    page.locator("#id_flats-0-street").fill("Volksparkstraße 12")
    page.locator("#id_flats-0-postcode").fill("58095")
    page.locator("#id_flats-0-city").fill("Hagen")
    page.get_by_role("button", name=re.compile("Speichern|Erstellen")).first.click()
    expect(page.locator(".messages")).to_contain_text("Wohnen am Volkspark eG")

    # 2. The signed agreement, with its PDF.
    pdf = tmp_path / "vereinbarung.pdf"
    pdf.write_bytes(minimal_pdf())
    page.goto(f"{live_server.url}/admin/agreements/new/")
    page.locator("#id_landlord").select_option(label="Wohnen am Volkspark eG")
    page.locator("#id_text_version").fill("2026-01")
    today = timezone.localdate()
    pick_date(page, "signed_on", f"{today - dt.timedelta(days=5):%d.%m.%Y}")
    pick_date(page, "valid_from", f"{today - dt.timedelta(days=5):%d.%m.%Y}")
    pick_date(page, "valid_until", f"{today + dt.timedelta(days=40):%d.%m.%Y}")
    # Staff are chosen by their names, not their logins.
    page.locator("#id_programme_contact").select_option(label="Katrin Vogelsang")
    page.locator("#id_document").set_input_files(str(pdf))
    page.get_by_role("button", name=re.compile("Speichern|Erstellen")).first.click()
    expect(page.locator(".messages")).to_contain_text("Wohnen am Volkspark eG")
    # A new agreement is a draft; it becomes active only by the action (housing.services).
    agreement = CooperationAgreement.objects.get(landlord__name="Wohnen am Volkspark eG")
    assert agreement.status == "draft"
    page.goto(f"{live_server.url}/admin/agreements/edit/{agreement.pk}/")
    activate = page.get_by_role("button", name="Speichern und aktivieren")
    if not activate.is_visible():  # the footer keeps further actions in its menu
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    screenshot("housing-agreement-activate")
    activate.click()
    expect(page.locator(".messages")).to_contain_text("Wohnen am Volkspark eG")
    agreement.refresh_from_db()
    assert agreement.status == "active"
    screenshot("housing-agreement-saved")

    # 3. The tenancy of the household in that flat.
    page.goto(f"{live_server.url}/admin/tenancies/new/")
    page.locator("#id_household").select_option(label="Familie Dimitrov")
    page.locator("#id_flat").select_option(str(Flat.objects.get(street="Volksparkstraße 12").pk))
    pick_date(page, "start", f"{today - dt.timedelta(days=30):%d.%m.%Y}")
    page.locator("#id_through_programme").check()
    page.get_by_role("button", name=re.compile("Speichern|Erstellen")).first.click()
    expect(page.locator(".messages")).to_contain_text("Familie Dimitrov")

    # 4. The landlord reports rent arrears.
    page.goto(f"{live_server.url}/admin/concerns/new/")
    page.locator("#id_tenancy").select_option(str(Tenancy.objects.get(household=household).pk))
    page.locator("#id_kind").select_option("rent_arrears")
    page.locator("#id_description").fill("Miete für den laufenden Monat fehlt.")
    page.get_by_role("button", name=re.compile("Speichern|Erstellen")).first.click()
    # Nobody in the family agreed to landlord contact: the form asks why, input kept.
    expect(page.locator("main")).to_contain_text("Niemand in diesem Haushalt hat dem Kontakt")
    expect(page.locator("#id_description")).to_have_value("Miete für den laufenden Monat fehlt.")
    screenshot("housing-concern-needs-reason")
    page.locator("#id_contact_reason").fill("Die Vermieterin hat selbst angerufen.")
    page.get_by_role("button", name=re.compile("Speichern|Erstellen")).first.click()
    expect(page.locator(".messages")).to_be_visible()

    # The coordinator sees it in the companion's caseload…
    page.goto(f"{live_server.url}/admin/housing/caseload/?companion={mirela.pk}")
    card = page.locator(f"#caseload > li[data-household='{household.pk}']")
    expect(card).to_contain_text("Vermieteranliegen: Mietrückstand")
    screenshot("housing-coordinator-caseload")

    # …and so does the companion, on her phone.
    context = browser.new_context(locale="de-DE", viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/admin/login/")
    phone.fill("input[name=username]", "mirela")
    phone.fill("input[name=password]", PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(f"{live_server.url}/admin/")
    phone.goto(f"{live_server.url}/admin/housing/caseload/")
    expect(phone.locator("#caseload")).to_contain_text("Vermieteranliegen: Mietrückstand")
    context.close()
