"""Staff cannot take a colleague's name or e-mail address (security finding 12)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import UserFactory


def test_the_account_page_shows_name_and_email_read_only(trainer):
    client = client_for(trainer)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert trainer.email in page
    assert 'name="name_email-first_name"' not in page
    assert 'name="name_email-email"' not in page
    # Posting the old form's fields changes nothing.
    client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Katrin",
            "name_email-last_name": "Vogelsang",
            "name_email-email": "coordinator@example.org",
            "locale-preferred_language": "de",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )
    trainer.refresh_from_db()
    assert (trainer.first_name, trainer.email) == ("Tobias", "trainer@example.org")


def test_the_users_admin_refuses_an_address_already_in_use(superuser, coordinator, trainer):
    client = client_for(superuser)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[trainer.pk]),
        {
            "username": "trainer",
            "first_name": "Tobias",
            "last_name": "Lindqvist",
            "email": "Coordinator@Example.org",
            "is_active": "on",
            "groups": [g.pk for g in trainer.groups.all()],
        },
    )
    assert response.status_code == 200
    assert "Ein anderes Konto verwendet diese E-Mail-Adresse bereits." in response.content.decode()
    trainer.refresh_from_db()
    assert trainer.email == "trainer@example.org"


def test_the_database_refuses_a_second_account_with_the_same_address(coordinator):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="copy", email="COORDINATOR@example.org")
    UserFactory(username="no-mail-1", email="")
    UserFactory(username="no-mail-2", email="")  # accounts without an address are fine
