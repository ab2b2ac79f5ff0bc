"""The demo command: invented data, idempotent, refuses production."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from housing.models import Household, Participant
from tests.demo_world import run_demo


def _counts():
    return {
        "users": get_user_model().objects.count(),
        "households": Household.objects.count(),
        "participants": Participant.objects.count(),
    }


class DemoDataChecks:
    """Run on the demo made once for all demo checks (tests/test_demo_data.py)."""

    def test_demo_is_idempotent_and_realistic(self):
        first = _counts()
        run_demo(self.folder)
        assert _counts() == first
        assert first["households"] == 15
        assert 38 <= first["participants"] <= 45
        scripts = "".join(Participant.objects.values_list("family_name", flat=True))
        assert any("\u0400" <= ch <= "\u04ff" for ch in scripts), "Cyrillic names"
        assert any("\u0600" <= ch <= "\u06ff" for ch in scripts), "Arabic names"
        assert "Ș" in "".join(Participant.objects.values_list("given_names", flat=True))
        assert set(Household.objects.values_list("district__name", flat=True)) == {
            "Altenhagen",
            "Wehringhausen",
            "Mitte",
        }

    def test_demo_users_log_in_with_the_documented_password(self):
        for username in ["admin", "coordinator", "trainer", "companion", "editor"]:
            response = Client().post(
                reverse("wagtailadmin_login"),
                {"username": username, "password": settings.DEMO_PASSWORD},
            )
            assert response.status_code == 302, username
            assert response["Location"] == reverse("wagtailadmin_home")

    def test_demo_phone_numbers_are_from_the_fiction_range(self):
        phones = [p for p in Participant.objects.values_list("phone", flat=True) if p]
        assert phones and all(p.startswith("+49 30 23125 ") for p in phones)


def test_demo_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("demo")
