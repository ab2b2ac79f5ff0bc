"""Staff sign in with a second factor (TOTP app, recovery codes); colleagues reset it."""

import re
import time
from base64 import b32decode

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import twofactor
from core.models import StaffSession
from core.roles import Role
from tests.access import DENIED
from tests.conftest import PASSWORD, client_for
from tests.core.test_access_matrix import outcome
from tests.factories import HouseholdFactory, UserFactory


@pytest.fixture(autouse=True)
def _required(settings):
    settings.STAFF_2FA = "required"


def _sign_in(username, password=PASSWORD) -> Client:
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    assert response.status_code == 302
    return client


def _code(device, offset_steps=0) -> str:
    return f"{totp(device.bin_key, drift=offset_steps):06d}"


def _set_up_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


def _verified_client(user) -> Client:
    """Signed in with password and app, as after the second step."""
    device = TOTPDevice.objects.filter(user=user).first() or _set_up_app(user)
    client = client_for(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def test_after_the_password_a_new_account_must_set_up_an_app(coordinator):
    client = _sign_in("coordinator")
    response = client.get(reverse("participants:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core_2fa_setup"))
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "<svg" in body  # the QR code
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', body).group(1)
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    assert b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8)) == (
        device.bin_key
    )

    wrong = client.post(reverse("core_2fa_setup"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "Dieser Code stimmt nicht" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    time.sleep(1.1)  # django-otp makes the next try wait after a wrong code
    done = client.post(reverse("core_2fa_setup"), {"code": _code(device)})
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("participants:index")).status_code == 200
    # The codes are shown once.
    assert client.get(reverse("core_2fa_recovery_codes")).status_code == 302


def test_an_unverified_session_reaches_nothing_of_the_staff_area(coordinator):
    _set_up_app(coordinator)
    household = HouseholdFactory()
    client = _sign_in("coordinator")
    for url in [
        reverse("wagtailadmin_home"),
        reverse("participants:index") + "?export=csv",
        reverse("households:edit", args=[household.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("core_sessions"),
        reverse("core_2fa_colleagues"),
        "/documents/1/x.pdf",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("core_2fa_verify")), url
    # The setup page cannot replace the app without the present second factor.
    response = client.get(reverse("core_2fa_setup"))
    assert response["Location"].startswith(reverse("core_2fa_verify"))
    # The public site stays open.
    assert client.get(reverse("certificates_verify_form")).status_code == 200


def test_quick_retries_after_wrong_codes_are_told_to_wait(coordinator):
    _set_up_app(coordinator)
    client = _sign_in("coordinator")
    client.post(reverse("core_2fa_verify"), {"code": "111111"})
    response = client.post(reverse("core_2fa_verify"), {"code": "222222"})
    assert "Zu viele falsche Codes" in response.content.decode()


def test_sign_in_with_the_app_and_a_wrong_code(coordinator):
    device = _set_up_app(coordinator)
    client = _sign_in("coordinator")
    wrong = client.post(reverse("core_2fa_verify"), {"code": "123 456", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "Dieser Code stimmt nicht" in wrong.content.decode()
    time.sleep(1.1)  # django-otp makes the next try wait after a wrong code
    old_key = client.session.session_key
    right = client.post(reverse("core_2fa_verify"), {"code": _code(device), "next": "/admin/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert client.session.session_key != old_key  # a new key once verified
    assert client.get(reverse("participants:index")).status_code == 200
    # The same code cannot be used twice.
    other = _sign_in("coordinator")
    assert other.post(reverse("core_2fa_verify"), {"code": _code(device)}).status_code == 200


def test_a_recovery_code_works_once(coordinator):
    _set_up_app(coordinator)
    code = twofactor.new_recovery_codes(coordinator)[0]
    first = _sign_in("coordinator")
    assert first.post(reverse("core_2fa_verify"), {"code": code.upper()}).status_code == 302
    second = _sign_in("coordinator")
    assert second.post(reverse("core_2fa_verify"), {"code": code}).status_code == 200
    assert StaticToken.objects.filter(device__user=coordinator).count() == 9


def test_new_recovery_codes_replace_the_old_ones(coordinator):
    _set_up_app(coordinator)
    old = twofactor.new_recovery_codes(coordinator)
    client = _verified_client(coordinator)
    response = client.post(reverse("core_2fa_new_codes"))
    assert response.status_code == 302
    assert not StaticToken.objects.filter(token__in=old).exists()
    assert StaticToken.objects.filter(device__user=coordinator).count() == 10


def test_demo_accounts_may_skip_it_under_debug_only(coordinator, settings):
    settings.DEBUG = True
    assert _sign_in("coordinator").get(reverse("wagtailadmin_home")).status_code == 200
    UserFactory(username="neu-im-team", role=Role.COORDINATOR)
    response = _sign_in("neu-im-team").get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("core_2fa_setup"))
    settings.DEBUG = False
    response = _sign_in("coordinator").get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("core_2fa_setup"))


def test_optional_asks_only_those_with_an_app(coordinator, trainer, settings):
    settings.STAFF_2FA = "optional"
    assert _sign_in("trainer").get(reverse("wagtailadmin_home")).status_code == 200
    _set_up_app(coordinator)
    response = _sign_in("coordinator").get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("core_2fa_verify"))


def test_a_coordinator_resets_a_colleagues_lost_phone(coordinator, trainer):
    _set_up_app(trainer)
    twofactor.new_recovery_codes(trainer)
    trainers_browser = _verified_client(trainer)
    assert StaffSession.objects.filter(user=trainer).exists()
    client = _verified_client(coordinator)
    listing = client.get(reverse("core_2fa_colleagues")).content.decode()
    assert reverse("core_2fa_reset", args=[trainer.pk]) in listing
    assert client.get(reverse("core_2fa_reset", args=[trainer.pk])).status_code == 200
    response = client.post(reverse("core_2fa_reset", args=[trainer.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=trainer).exists()
    assert not StaticToken.objects.filter(device__user=trainer).exists()
    # The trainer's open session has ended.
    gone = trainers_browser.get(reverse("wagtailadmin_home"))
    assert gone["Location"].startswith(reverse("wagtailadmin_login"))


def test_who_may_reset_whom(coordinator, trainer, superuser):
    for colleague in (trainer, superuser):
        _set_up_app(colleague)
    assert twofactor.may_reset(coordinator, trainer)
    assert not twofactor.may_reset(coordinator, superuser)
    assert not twofactor.may_reset(coordinator, coordinator)
    assert not twofactor.may_reset(trainer, coordinator)
    assert twofactor.may_reset(superuser, coordinator)
    response = _verified_client(trainer).post(reverse("core_2fa_reset", args=[coordinator.pk]))
    assert outcome(response) == DENIED
    response = _verified_client(coordinator).post(reverse("core_2fa_reset", args=[superuser.pk]))
    assert outcome(response) == DENIED
    assert TOTPDevice.objects.filter(user=superuser).exists()
