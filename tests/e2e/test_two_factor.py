"""A new coordinator sets up two-step sign-in from the QR code, signs out, signs in again.

The test plays the phone: it decodes the QR code on the setup page (a screenshot of
it, read by zxing-cpp), takes the secret from the otpauth:// address, computes the
six-digit code as an authenticator app would, and types it. A wrong code is refused.
All at 360 px, in German.
"""

import time
from base64 import b32decode
from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from django_otp.oath import totp
from PIL import Image
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _code(secret: str, *, steps_ahead: int = 0) -> str:
    key = b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, drift=steps_ahead):06d}"


def _sign_in_with_password(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_set_up_the_app_sign_out_and_sign_in_with_a_code(
    page, live_server, screenshot, roles, settings, tmp_path
):
    settings.STAFF_2FA = "required"
    UserFactory(username="neu", first_name="Nora", last_name="Neumann", role="Coordinator")
    page.set_viewport_size({"width": 360, "height": 780})

    # The password alone leads to the setup page, not into the back office.
    _sign_in_with_password(page, live_server, "neu")
    page.wait_for_url("**/admin/2fa/setup/**")
    expect(page.locator("h1")).to_have_text("Anmeldung in zwei Schritten einrichten")
    screenshot("2fa-setup-360")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the setup page scrolls sideways at 360 px ({width} px)"

    # The phone scans the QR code.
    shot = tmp_path / "qr.png"
    page.locator(".mfs-qr").screenshot(path=str(shot))
    (scanned,) = [r.text for r in zxingcpp.read_barcodes(Image.open(shot))]
    address = urlparse(scanned)
    assert address.scheme == "otpauth" and address.netloc == "totp"
    secret = parse_qs(address.query)["secret"][0]
    # The key printed for typing by hand is the same secret.
    typed = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    assert typed == secret

    page.get_by_role("textbox", name="Code").fill(_code(secret))
    page.get_by_role("button", name="Bestätigen und einschalten").click()
    page.wait_for_url("**/admin/2fa/recovery-codes/**")
    codes = page.get_by_test_id("recovery-codes").locator("code").all_inner_texts()
    assert len(codes) == 10
    screenshot("2fa-recovery-codes-360")
    page.get_by_role("link", name="Ich habe sie aufbewahrt: weiter").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # Sign out (a POST from the account menu's page), then sign in again.
    page.goto(f"{live_server.url}/admin/logout/")
    expect(page.locator("h1")).to_have_text("Abmelden?")
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/admin/login/**")
    page.goto(f"{live_server.url}/admin/participants/")
    page.wait_for_url("**/admin/login/**")

    _sign_in_with_password(page, live_server, "neu")
    page.wait_for_url("**/admin/2fa/verify/**")
    expect(page.locator("h1")).to_have_text("Zweiter Schritt der Anmeldung")

    wrong = "000000" if _code(secret, steps_ahead=1) != "000000" else "111111"
    page.get_by_role("textbox", name="Code").fill(wrong)
    page.get_by_role("button", name="Weiter").click()
    expect(page.locator("main")).to_contain_text("Dieser Code stimmt nicht")
    screenshot("2fa-verify-wrong-360")
    page.goto(f"{live_server.url}/admin/participants/")
    page.wait_for_url("**/admin/2fa/verify/**")  # still nothing of the back office

    time.sleep(1.2)  # after a wrong code the next try must wait a moment
    # The code of the next time step: the one used at setup may not be used twice.
    page.get_by_role("textbox", name="Code").fill(_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Weiter").click()
    page.wait_for_url("**/admin/participants/")
    expect(page.locator("h1")).to_contain_text("Teilnehmende")
    screenshot("2fa-signed-in-360")
