"""Staff sessions: idle time-out, browser close, sign out only by POST, one's sessions."""

import time

from django.test import Client
from django.urls import reverse

from core.models import StaffSession
from core.sessions import LAST_ACTIVITY_KEY
from tests.conftest import PASSWORD, client_for
from tests.housing.factories import HomeVisitFactory


def _idle_for(client, seconds):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


def test_a_session_unused_for_30_minutes_is_signed_out(coordinator_client):
    assert coordinator_client.get(reverse("participants:index")).status_code == 200
    _idle_for(coordinator_client, 29 * 60)
    assert coordinator_client.get(reverse("participants:index")).status_code == 200
    _idle_for(coordinator_client, 31 * 60)
    response = coordinator_client.get(reverse("participants:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    login_page = coordinator_client.get(response["Location"]).content.decode()
    assert "nach 30 Minuten ohne Aktivität abgemeldet" in login_page
    assert "_auth_user_id" not in coordinator_client.session


def test_the_idle_time_is_configurable(coordinator_client, settings):
    settings.SESSION_IDLE_MINUTES = 5
    _idle_for(coordinator_client, 6 * 60)
    assert coordinator_client.get(reverse("participants:index")).status_code == 302


def test_the_editing_ping_of_an_open_tab_is_no_activity(users):
    client = client_for(users["coordinator"])
    visit = HomeVisitFactory()
    ping = reverse(
        "wagtailadmin_editing_sessions:ping", args=["housing", "homevisit", str(visit.pk), 0]
    )
    _idle_for(client, 10 * 60)
    before = client.session[LAST_ACTIVITY_KEY]
    assert client.post(ping).status_code == 200
    assert client.session[LAST_ACTIVITY_KEY] == before


def test_the_session_ends_when_the_browser_closes(coordinator):
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "coordinator", "password": PASSWORD}
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]
    page = client.get(reverse("wagtailadmin_login") + "?x=1")
    assert 'name="remember"' not in page.content.decode()


def test_logout_by_get_asks_and_changes_nothing(coordinator_client):
    response = coordinator_client.get(reverse("wagtailadmin_logout"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies  # the old bug: cookie deleted, session alive
    assert "Abmelden?" in response.content.decode()
    assert coordinator_client.get(reverse("participants:index")).status_code == 200
    response = coordinator_client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert coordinator_client.get(reverse("participants:index")).status_code == 302


def test_one_sees_ones_sessions_and_signs_out_everywhere(coordinator):
    office = client_for(coordinator)
    phone = Client(HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Firefox/130.0")
    phone.post(reverse("wagtailadmin_login"), {"username": "coordinator", "password": PASSWORD})
    page = office.get(reverse("core_sessions")).content.decode()
    assert "Firefox auf Android" in page
    assert "dieser Browser" in page
    assert StaffSession.objects.filter(user=coordinator).count() == 2
    response = office.post(reverse("core_sessions_end"))
    assert response.status_code == 302
    for client in (office, phone):
        assert client.get(reverse("participants:index"))["Location"].startswith(
            reverse("wagtailadmin_login")
        )
    assert not StaffSession.objects.filter(user=coordinator).exists()
