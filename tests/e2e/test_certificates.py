"""Done-when of the certificates issue, in a real browser.

A trainer issues the certificates for a course and downloads one; the QR code on
the downloaded PDF is decoded with zxing-cpp and opened: "valid" with the holder's
name. After a coordinator revokes it, the same address says "revoked"; a changed
token says "not found".
"""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.certificates.pdf_tools import decode_qr
from tests.conftest import PASSWORD
from tests.factories import ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_issue_download_verify_revoke(page, live_server, login, screenshot, roles, tmp_path):
    trainer = UserFactory(username="tobias", first_name="Tobias", role="Trainer")
    UserFactory(username="katrin", first_name="Katrin", last_name="Vogelsang", role="Coordinator")
    course = course_with_exam(trainers=[trainer], title="Mietführerschein Frühjahr 2026")
    passed_enrolment(course, ParticipantFactory(given_names="Ioana", family_name="Dumitrescu"))
    passed_enrolment(
        course,
        ParticipantFactory(
            given_names="ليلى", family_name="الحسن", preferred_language="ar", languages=["ar"]
        ),
    )
    page.set_default_timeout(30_000)  # rendering runs inside the request in tests (sync jobs)

    login("tobias", PASSWORD)
    page.goto(f"{live_server.url}/admin/issue-certificates/")
    page.get_by_role("link", name="Mietführerschein Frühjahr 2026").click()
    page.get_by_role("link", name=re.compile("Zertifikate für alle 2")).click()
    # The question first, with the names; then issue.
    expect(page.locator("main h2").first).to_have_text("2 Zertifikate ausstellen?")
    expect(page.locator(".mfs-confirm-list")).to_contain_text("Ioana Dumitrescu")
    screenshot("certificates-confirm-issue-all")
    page.get_by_role("button", name="2 Zertifikate ausstellen").click()
    expect(page.locator(".mfs-progress [role=status]")).to_contain_text(
        "2 von 2 Zertifikaten fertig"
    )
    screenshot("certificates-issued")

    row = page.locator("tr", has_text="Ioana Dumitrescu")
    with page.expect_download() as download_info:
        row.get_by_role("link", name="PDF herunterladen").click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)

    url = decode_qr(pdf, tmp_path)
    assert url.startswith(f"{settings.SITE_URL}/v/")
    verify_path = url.removeprefix(settings.SITE_URL)

    page.goto(f"{live_server.url}{verify_path}")
    expect(page.locator("#status")).to_contain_text("Gültig")
    expect(page.locator(".v-holder")).to_have_text("Ioana Dumitrescu")
    screenshot("certificate-verify-valid")

    page.context.clear_cookies()
    login("katrin", PASSWORD)
    page.goto(f"{live_server.url}/admin/certificates/?q=Dumitrescu")
    page.locator("#listing-results").get_by_role("link", name=re.compile("IZW-")).click()
    expect(page.locator("main")).to_contain_text("1 Mal geprüft")
    page.get_by_role("link", name="Widerrufen", exact=True).click()
    page.get_by_label(re.compile("Grund")).fill("Zertifikat irrtümlich ausgestellt")
    page.get_by_role("button", name="Widerrufen").click()
    expect(page.locator(".messages")).to_contain_text("widerrufen")

    page.goto(f"{live_server.url}{verify_path}")
    expect(page.locator("#status")).to_contain_text("Widerrufen")
    expect(page.locator("body")).not_to_contain_text("irrtümlich")
    screenshot("certificate-verify-revoked")

    token = verify_path.removeprefix("/v/")
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = page.goto(f"{live_server.url}/v/{changed}")
    assert response.status == 404
    expect(page.locator("#status")).to_contain_text("Nicht gefunden")


def test_verification_page_in_seven_languages_at_360_px(page, live_server, screenshot, roles):
    """A landlord's phone: the language switch changes the page to each of the seven
    languages (Arabic right to left); no label runs into its value, nothing is wider
    than the screen, the switch's links are 44 px touch targets."""
    from certificates import services

    coordinator = UserFactory(username="katrin", role="Coordinator")
    participant = ParticipantFactory(
        given_names="Наталія", family_name="Шевчук", name_latin="Nataliia Shevchuk"
    )
    certificate = services.issue_certificate(
        passed_enrolment(course_with_exam(), participant), coordinator
    )
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/v/{certificate.token}")
    expect(page.locator("#status")).to_contain_text("Gültig")
    for name, code, word in [
        ("Română", "ro", "Valabil"),
        ("Български", "bg", "Валиден"),
        ("English", "en", "Valid"),
        ("العربية", "ar", "صالحة"),
        ("Türkçe", "tr", "Geçerli"),
        ("Українська", "uk", "Дійсний"),
        ("Deutsch", "de", "Gültig"),
    ]:
        page.locator(".v-languages").get_by_role("link", name=name).click()
        expect(page.locator("#status")).to_contain_text(word)
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        layout = page.evaluate(
            """() => {
                const clash = [];
                for (const row of document.querySelectorAll('.v-facts div')) {
                    const a = row.querySelector('dt').getBoundingClientRect();
                    const b = row.querySelector('dd').getBoundingClientRect();
                    const apart = a.right <= b.left || b.right <= a.left
                        || a.bottom <= b.top || b.bottom <= a.top;
                    if (!apart) clash.push(row.innerText);
                }
                const small = [...document.querySelectorAll('.v-languages a')]
                    .filter(a => a.getBoundingClientRect().height < 44).map(a => a.innerText);
                return {clash, small, width: document.documentElement.scrollWidth};
            }"""
        )
        assert layout == {"clash": [], "small": [], "width": 360}, (code, layout)
        screenshot(f"certificate-verify-360-{code}")
