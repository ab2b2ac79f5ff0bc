"""The staff back office names the programme, not the software it is built with:
page titles end in "Mietführerschein", no "Wagtail" in what staff read or hear (texts,
screen-reader labels), and no screen-reader label left in English."""

import re

import pytest
from django.test import Client

from tests.conftest import client_for

# Wagtail's own German wording that named Wagtail (replaced in locale/de).
WAGTAIL_WORDING = (
    "Bei Wagtail anmelden",
    "Zum Wagtail Admin-Interface",
    "Editor-Handbuch",
    "Wagtail-Installation",
    "Zur Nutzung von Wagtail",
    "speziell für Wagtail",
)


def _read_and_heard(html: str) -> str:
    """The page without scripts, styles and the attributes nobody reads (class names,
    addresses, Wagtail's controller names): what remains is shown or read aloud."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r'\s(class|id|href|src|action|data-[\w-]+)="[^"]*"', "", html)


def _check(response, path):
    assert response.status_code in (200, 404), (path, response.status_code)
    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, flags=re.S)[1]
    assert title.strip().endswith("Mietführerschein"), (path, title)
    visible = _read_and_heard(html)
    assert "Wagtail" not in visible, (path, visible[visible.find("Wagtail") - 80 :][:160])
    for wording in WAGTAIL_WORDING:
        assert wording not in html, (path, wording)
    for english in ('aria-label="Actions"', 'aria-label="Breadcrumb"'):
        assert english not in html, (path, english)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "trainer", "companion", "editor"])
def test_every_role_sees_the_programme_name(request, role):
    client = client_for(request.getfixturevalue(role))
    for path in ("/admin/", "/admin/account/", "/admin/certificates/", "/admin/no-such-page/"):
        if role in ("companion", "editor") and path == "/admin/certificates/":
            continue  # not theirs (access tests cover the refusal)
        _check(client.get(path, headers={"accept-language": "de"}), path)


@pytest.mark.django_db
def test_the_login_and_password_pages():
    client = Client()
    for path in ("/admin/login/", "/admin/password_reset/"):
        response = client.get(path, headers={"accept-language": "de"})
        _check(response, path)
    login = client.get("/admin/login/", headers={"accept-language": "de"}).content.decode()
    assert "Anmeldung beim Mietführerschein" in login
    # Wagtail gives the password field no label: Django showed "Password".
    label = re.search(r'<label[^>]*for="id_password"[^>]*>\s*([^<]*?)\s*<', login)[1]
    assert label == "Passwort"


@pytest.mark.django_db
def test_the_explorer_root_explains_itself_without_wagtail(superuser):
    _check(client_for(superuser).get("/admin/pages/"), "/admin/pages/")
