"""Login lockout, password rules and the security headers of public and admin pages."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD


def _login(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(coordinator):
    client = Client()
    for _ in range(5):
        response = _login(client, "coordinator", "wrong password")
    response = _login(client, "coordinator", PASSWORD)
    assert response.status_code == 429
    assert "Anmeldung gesperrt" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_after_a_few_mistakes_still_works(coordinator):
    client = Client()
    for _ in range(3):
        _login(client, "coordinator", "wrong password")
    response = _login(client, "coordinator", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("weak", ["kurz123", "password1234", "123456789012"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_public_pages_send_a_strict_content_security_policy(db):
    response = Client().get("/de/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_previews_may_be_framed_by_the_admin_only(coordinator_client):
    response = coordinator_client.get(reverse("wagtailadmin_home"))
    assert response["X-Frame-Options"] == "DENY"
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    # No inline scripts in the admin (finding 9); inline styles stay (they run no code).
    assert directives["script-src"] == "'self'"
    assert "'unsafe-inline'" in directives["style-src"]


def test_public_page_is_german_by_default_and_right_to_left_in_arabic(db):
    german = Client().get("/de/").content.decode()
    assert '<html lang="de" dir="ltr">' in german
    arabic = Client().get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'hreflang="ar"' in german and 'hreflang="uk"' in german


def test_not_found_in_the_admin_is_a_real_404(coordinator_client):
    response = coordinator_client.get("/admin/participants/edit/999999/")
    assert response.status_code == 404


def test_behind_one_proxy_an_attacker_cannot_lock_out_the_real_user(coordinator, settings):
    """Five wrong passwords from one forwarded address lock that address out, not the user."""
    settings.PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # every request arrives from our one proxy
    attacker = Client(HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    for _ in range(5):
        _login(attacker, "coordinator", "wrong password")
    assert _login(attacker, "coordinator", PASSWORD).status_code == 429

    office = Client(HTTP_X_FORWARDED_FOR="203.0.113.20", **proxy)
    response = _login(office, "coordinator", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in office.session


def test_a_forged_forwarded_address_does_not_escape_the_lockout(coordinator, settings):
    """The client may write anything left of the proxy's entry; only the proxy's counts."""
    settings.PROXY_COUNT = 1
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        client = Client(HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7", REMOTE_ADDR="10.0.0.2")
        _login(client, "coordinator", "wrong password")
    client = Client(HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7", REMOTE_ADDR="10.0.0.2")
    assert _login(client, "coordinator", PASSWORD).status_code == 429


def test_the_client_address_rule(rf, settings):
    from core.clientip import client_address

    settings.PROXY_COUNT = 0
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR="1.1.1.1")) == "127.0.0.1"
    settings.PROXY_COUNT = 1
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR="1.1.1.1, 2.2.2.2")) == "2.2.2.2"
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address")) == "127.0.0.1"
    settings.PROXY_COUNT = 2
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR="1.1.1.1, 2.2.2.2")) == "1.1.1.1"
    assert client_address(rf.get("/", HTTP_X_FORWARDED_FOR="2.2.2.2")) == "127.0.0.1"


def _reset(client, email):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email})


def test_password_reset_mails_one_address_once_in_five_minutes(coordinator, mailoutbox):
    client = Client()
    for _ in range(3):
        response = _reset(client, "coordinator@example.org")
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert len(mailoutbox) == 1


def test_password_reset_is_rate_limited_per_client_address(db, settings, mailoutbox):
    from tests.factories import UserFactory

    settings.PASSWORD_RESET_RATE_LIMIT = 3
    for n in range(5):
        UserFactory(username=f"staff{n}", email=f"staff{n}@example.org")
    client = Client(REMOTE_ADDR="198.51.100.9")
    for n in range(5):
        assert _reset(client, f"staff{n}@example.org").status_code == 302
    assert len(mailoutbox) == 3
    # Another address still gets its mail.
    _reset(Client(REMOTE_ADDR="203.0.113.1"), "staff4@example.org")
    assert len(mailoutbox) == 4
