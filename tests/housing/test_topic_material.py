"""Visit topics link to their course material (issue 15): the Wagtail module page in the
household's preferred language, German when it has no translation yet."""

import pytest
from django.urls import reverse

from tests.cms.conftest import build_materials
from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory
from tests.housing.factories import HomeVisitFactory
from tests.queries import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture
def heating(roles):
    return build_materials()["heizen-lueften"].module  # German page, Romanian translation


def _household(companion, *languages):
    household = HouseholdFactory(name="Familie Popescu", companions=[companion])
    for index, language in enumerate(languages):
        ParticipantFactory(
            household=household,
            languages=[language, "de"] if language != "de" else ["de"],
            preferred_language=language,
            date_of_birth=f"19{80 + index}-01-01",
        )
    return household


def test_the_household_language_is_what_most_members_prefer(companion):
    assert _household(companion, "ro", "ro", "de").material_language() == "ro"
    assert _household(companion, "ar", "uk").material_language() == "ar"  # eldest on a tie
    assert HouseholdFactory().material_language() == "de"


def test_the_visit_form_links_the_romanian_page(companion, heating):
    household = _household(companion, "ro", "ro")
    html = client_for(companion).get(reverse("housing_log_visit", args=[household.pk]))
    text = html.content.decode()
    assert "Kursmaterial zu den Themen (Rumänisch)" in text
    assert 'href="/ro/materialien/heizen-lueften/"' in text and 'hreflang="ro"' in text


def test_german_when_the_language_has_no_translation_yet(companion, heating):
    # The Arabic address shows the German text with a notice in Arabic (cms aliases).
    household = _household(companion, "ar")
    text = client_for(companion).get(reverse("housing_log_visit", args=[household.pk]))
    html = text.content.decode()
    assert 'href="/ar/materialien/heizen-lueften/"' in html and 'hreflang="de"' in html
    assert "(Deutsch, noch nicht übersetzt)" in html


def test_german_page_when_the_language_has_no_page_at_all(companion, heating):
    from cms.models import ModulePage

    ModulePage.objects.filter(locale__language_code="uk").delete()
    household = _household(companion, "uk")
    text = client_for(companion).get(reverse("housing_log_visit", args=[household.pk]))
    html = text.content.decode()
    assert 'href="/de/materialien/heizen-lueften/"' in html
    assert "(Deutsch, noch nicht übersetzt)" in html


def test_the_timeline_links_each_visits_topics_in_a_fixed_number_of_queries(companion, heating):
    household = _household(companion, "ro")
    HomeVisitFactory(household=household, companions=[companion], topics=[heating.pk])
    client = client_for(companion)
    url = reverse("housing_timeline", args=[household.pk])
    html = client.get(url).content.decode()
    assert 'href="/ro/materialien/heizen-lueften/"' in html
    assert "Kursmaterial: Heizen und Lüften" in html
    few = count_queries(client, url)
    for _ in range(5):
        HomeVisitFactory(household=household, companions=[companion], topics=[heating.pk])
    assert count_queries(client, url) == few
