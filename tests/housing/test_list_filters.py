"""List filters offer only records the user may see (security finding 6)."""

from django.urls import reverse

from tests.conftest import client_for
from tests.factories import HouseholdFactory
from tests.housing.factories import FlatFactory, LandlordFactory, TenancyFactory


def _landlord_choices(client):
    response = client.get(reverse("tenancies:index"))
    assert response.status_code == 200
    field = response.context["filters"].form.fields["landlord"]
    return {landlord.name for landlord in field.queryset}


def test_companion_is_offered_only_landlords_of_own_tenancies(users):
    own = HouseholdFactory(companions=[users["companion"]])
    TenancyFactory(household=own, flat=FlatFactory(landlord=LandlordFactory(name="Wohnbau Ost")))
    TenancyFactory(flat=FlatFactory(landlord=LandlordFactory(name="Gerda Privat", kind="private")))
    LandlordFactory(name="Ohne Mieter GmbH")
    companion = client_for(users["companion"])
    assert _landlord_choices(companion) == {"Wohnbau Ost"}
    page = companion.get(reverse("tenancies:index")).content.decode()
    assert "Gerda Privat" not in page and "Ohne Mieter GmbH" not in page
    assert _landlord_choices(client_for(users["coordinator"])) == {
        "Wohnbau Ost",
        "Gerda Privat",
        "Ohne Mieter GmbH",
    }


def test_filtering_by_a_landlord_outside_scope_finds_nothing(users):
    hidden = LandlordFactory(name="Gerda Privat", kind="private")
    TenancyFactory(flat=FlatFactory(landlord=hidden))
    response = client_for(users["companion"]).get(
        reverse("tenancies:index"), {"landlord": hidden.pk}
    )
    assert response.status_code == 200
    assert "Gerda Privat" not in response.content.decode()
