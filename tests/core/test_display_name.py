"""People are named by their names, not their login names, on every screen."""

from django import forms
from django.contrib.auth import get_user_model

from core.users import display_name
from tests.factories import UserFactory


def test_display_name_is_the_full_name_or_else_the_login(roles):
    named = UserFactory(username="trainer2", first_name="Aylin", last_name="Demir")
    unnamed = UserFactory(username="helper", first_name="", last_name="")
    assert display_name(named) == "Aylin Demir"
    assert display_name(unnamed) == "helper"
    assert display_name(None) == ""


def test_every_form_choice_of_a_user_shows_the_name(roles):
    # The exam committee and the trainers are chosen in such fields.
    UserFactory(username="trainer2", first_name="Aylin", last_name="Demir")
    field = forms.ModelMultipleChoiceField(queryset=get_user_model().objects.all())
    labels = [label for _value, label in field.choices]
    assert "Aylin Demir" in labels
    assert "trainer2" not in labels
