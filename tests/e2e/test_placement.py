"""Placement in a browser: from a recorded vacancy to the signed tenancy, then the companion."""

import datetime as dt
import re
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from housing.models import Consent, ConsentPurpose, Tenancy
from placement.models import Proposal
from tests.conftest import PASSWORD
from tests.e2e.forms import pick_date
from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import AgreementFactory, FlatFactory, LandlordContactFactory
from tests.monitoring.factories import certificate_for
from tests.placement.factories import FlatSearchFactory, rent_limits

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def _household(name, district, companions=(), consent=True, members=3):
    household = HouseholdFactory(name=name, district=district, companions=list(companions))
    people = [
        ParticipantFactory(
            household=household, family_name=name.split()[-1], languages=["ro", "de"]
        )
        for _ in range(members)
    ]
    if consent:
        Consent.objects.create(
            participant=people[0],
            purpose=ConsentPurpose.LANDLORD_CONTACT,
            date=timezone.localdate() - dt.timedelta(days=30),
        )
    FlatSearchFactory(household=household, rooms_needed=3)
    return household, people


def _placements_on_dashboard(page, url):
    page.goto(f"{url}/admin/")
    return int(page.locator("[data-figure=placements]").inner_text())


def test_coordinator_places_a_certified_household_and_the_companion_sees_it(
    page, live_server, login, screenshot, roles, browser, tmp_path
):
    today = timezone.localdate()
    katrin = UserFactory(
        username="katrin", first_name="Katrin", last_name="Vogelsang", role="Coordinator"
    )
    mirela = UserFactory(
        username="mirela", first_name="Mirela", last_name="Cojocaru", role="Companion"
    )
    rent_limits()
    district = DistrictFactory(name="Wehringhausen")
    flat = FlatFactory(street="Pelmkestraße 4")
    LandlordContactFactory(
        landlord=flat.landlord, name="Frau Beispiel", email="vermietung@example.org"
    )
    AgreementFactory(landlord=flat.landlord, programme_contact=katrin)
    certified, people = _household("Familie Ionescu", district, companions=[mirela])
    certificate_for(people[0], today - dt.timedelta(days=40))
    _household("Familie Petrov", district, consent=False)
    _household("Familie Weber", district)

    login("katrin", PASSWORD)
    before = _placements_on_dashboard(page, live_server.url)

    # 1. The vacancy.
    page.goto(f"{live_server.url}/admin/vacancies/new/")
    page.locator("#id_flat").select_option(str(flat.pk))
    page.locator("#id_district").select_option(str(district.pk))
    for name, value in (
        ("available_from", f"{today + dt.timedelta(days=20):%d.%m.%Y}"),
        ("proposal_deadline", f"{today + dt.timedelta(days=10):%d.%m.%Y}"),
    ):
        pick_date(page, name, value)
    for name, value in (
        ("rooms", "3"),
        ("living_space", "64"),
        ("cold_rent", "360"),
        ("service_charges", "150"),
        ("floor", "0"),
        ("deposit", "1080"),
        ("max_persons", "5"),
    ):
        page.locator(f"#id_{name}").fill(value)
    page.locator("#id_landlord_wishes").fill("Erdgeschoss mit Garten, Gartenpflege erwünscht.")
    page.get_by_role("button", name=re.compile("Speichern|Erstellen")).first.click()

    # 2. Its matches: the certified household first, each with its reasons.
    cards = page.locator("[data-matches] > li")
    expect(cards.first).to_contain_text("Familie Ionescu")
    expect(cards.first).to_contain_text("Zertifikat")
    expect(cards.first).to_contain_text("Miete 510,00 €, Grenze 620,00 €")
    expect(page.locator("[data-matches]")).to_contain_text(
        "keine Einwilligung zum Vermieterkontakt"
    )
    screenshot("placement-vacancy-matches-desktop")
    page.set_viewport_size(PHONE)
    screenshot("placement-vacancy-matches-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)

    # 3. Without consent the proposal is refused, with nothing saved.
    page.locator("[data-matches] > li", has_text="Familie Petrov").get_by_role(
        "link", name="Vorschlagen"
    ).click()
    page.get_by_label("Warum dieser Haushalt passt").fill("Passt in der Größe.")
    page.get_by_role("button", name="Vorschlagen").click()
    expect(page.locator(".mfs-errors")).to_contain_text("Kontakt mit Vermietern zugestimmt")
    assert not Proposal.objects.exists()

    # 4. The certified household is proposed.
    page.goto(page.url.rsplit("/propose/", 1)[0] + "/")
    cards.first.get_by_role("link", name="Vorschlagen").click()
    page.get_by_label("Warum dieser Haushalt passt").fill(
        "Zertifikat, sucht seit Januar im Quartier."
    )
    page.get_by_role("button", name="Vorschlagen").click()
    expect(page.locator(".messages")).to_contain_text("Der Haushalt wurde vorgeschlagen")

    # 5. The Mieterprofil, looked at as PNG.
    with page.expect_download() as info:
        page.get_by_role("link", name="Mieterprofil herunterladen (PDF)").click()
    pdf = tmp_path / "mieterprofil.pdf"
    info.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Mieterprofil" in text and "Familie Ionescu" in text and "3 Personen" in text
    assert "/v/" in text and "Mirela Cojocaru" in text and "Katrin Vogelsang" in text
    assert people[0].date_of_birth.strftime("%d.%m.%Y") not in text
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-singlefile",
            str(pdf),
            "test-results/screenshots/placement-mieterprofil",
        ],
        check=True,
    )

    # 6. Sent, viewing, accepted.
    page.get_by_role("button", name="Als an den Vermieter geschickt markieren").click()
    expect(page.locator(".messages")).to_contain_text("an den Vermieter geschickt")
    page.locator("#id_viewing-viewing_on").fill(f"{today + dt.timedelta(days=4):%Y-%m-%d}")
    page.locator("#step-viewing").get_by_role("button", name="Speichern").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "viewing")
    page.locator("#step-accept").get_by_role("button", name="Speichern").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "accepted")

    # 7. The tenancy from it, pre-filled.
    start = today + dt.timedelta(days=20)
    expect(page.locator("#id_tenancy-start")).to_have_value(f"{start:%Y-%m-%d}")
    page.locator("#id_tenancy-companion").select_option(str(mirela.pk))
    screenshot("placement-proposal-accepted-desktop")
    page.locator("#step-tenancy").get_by_role("button", name="Speichern").click()
    expect(page.locator(".messages")).to_contain_text("Das Mietverhältnis wurde angelegt")
    tenancy = Tenancy.objects.get(household=certified)
    assert tenancy.flat == flat and tenancy.start == start and tenancy.through_programme
    assert _placements_on_dashboard(page, live_server.url) == before + 1
    screenshot("placement-dashboard-desktop")

    # 8. The companion, on a phone: the new tenancy and the planned first visit.
    context = browser.new_context(locale="de-DE", viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/admin/login/")
    phone.fill("input[name=username]", "mirela")
    phone.fill("input[name=password]", PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(f"{live_server.url}/admin/")
    phone.goto(f"{live_server.url}/admin/housing/households/{certified.pk}/timeline/")
    timeline = phone.locator(".mfs-timeline")
    expect(timeline).to_contain_text("Pelmkestraße 4")
    expect(timeline).to_contain_text("Erster Hausbesuch in der neuen Wohnung")
    expect(timeline).to_contain_text("Wohnungsvorschlag: Mietvertrag unterschrieben")
    phone.screenshot(
        path="test-results/screenshots/placement-companion-timeline-360.png", full_page=True
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_the_vacancy_screen_in_arabic_is_right_to_left(page, live_server, login, screenshot, roles):
    from wagtail.users.models import UserProfile

    user = UserFactory(username="katrin", first_name="Katrin", role="Coordinator")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    rent_limits()
    district = DistrictFactory(name="Altenhagen")
    _household("Familie Haddad", district)
    from placement import services

    vacancy = services.record_vacancy(
        user=user,
        flat=FlatFactory(),
        district=district,
        available_from=timezone.localdate(),
        rooms=3,
        living_space=70,
        cold_rent=400,
        service_charges=150,
        floor=1,
    )
    login("katrin", PASSWORD)
    for size, name in ((PHONE, "360"), (DESKTOP, "desktop")):
        page.set_viewport_size(size)
        page.goto(f"{live_server.url}/admin/placement/vacancies/{vacancy.pk}/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        expect(page.locator("[data-matches]")).to_contain_text("Familie Haddad")
        screenshot(f"placement-vacancy-ar-{name}")
