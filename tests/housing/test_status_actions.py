"""Agreement and tenancy status change only through the services, also from the screens.

Before, the generic Wagtail forms saved ``status`` as a plain field: the landlord row
lock never ran and an ended agreement could be set back to active.
"""

import datetime as dt

import pytest
from django.urls import reverse

from housing import services
from housing.models import AgreementStatus, CooperationAgreement, Tenancy
from tests.conftest import client_for
from tests.housing.factories import AgreementFactory, FlatFactory, HouseholdFactory, TenancyFactory

pytestmark = pytest.mark.django_db


def _agreement_data(agreement, **overrides):
    data = {
        "landlord": agreement.landlord_id,
        "text_version": agreement.text_version,
        "signed_on": f"{agreement.signed_on:%d.%m.%Y}" if agreement.signed_on else "",
        "valid_from": f"{agreement.valid_from:%d.%m.%Y}",
        "valid_until": f"{agreement.valid_until:%d.%m.%Y}" if agreement.valid_until else "",
        "programme_contact": agreement.programme_contact_id,
        "end_reason": agreement.end_reason,
        "notes": "",
    }
    data.update(overrides)
    return data


def _edit(client, agreement, **data):
    return client.post(
        reverse("agreements:edit", args=[agreement.pk]), _agreement_data(agreement, **data)
    )


def test_an_ended_agreement_cannot_be_set_back_to_active(coordinator):
    agreement = AgreementFactory(
        status="ended", end_reason="Verkauf des Hauses", programme_contact=coordinator
    )
    response = _edit(client_for(coordinator), agreement, status="active")
    assert response.status_code == 302  # the other fields save, the status is not a field
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ENDED


def test_activating_on_the_screen_is_the_service_with_the_same_errors(coordinator):
    active = AgreementFactory(status="active", programme_contact=coordinator)
    draft = AgreementFactory(
        landlord=active.landlord, status="draft", valid_until=None, programme_contact=coordinator
    )
    with pytest.raises(services.HousingError) as caught:
        services.activate_agreement(draft)
    assert caught.value.code == "agreement_already_active"

    client = client_for(coordinator)
    response = _edit(client, draft, status_action="activate")
    assert response.status_code == 200
    assert caught.value.message in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.DRAFT

    services.end_agreement(active, reason="Vertrag ausgelaufen")
    response = _edit(client, draft, status_action="activate")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.ACTIVE


def test_ending_on_the_screen_needs_a_reason_like_the_service(coordinator):
    agreement = AgreementFactory(status="active", programme_contact=coordinator)
    client = client_for(coordinator)
    response = _edit(client, agreement, status_action="end", end_reason="")
    assert response.status_code == 200
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE
    response = _edit(client, agreement, status_action="end", end_reason="Verkauf")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.end_reason) == (AgreementStatus.ENDED, "Verkauf")


def test_a_new_agreement_starts_as_draft_whatever_is_posted(coordinator):
    template = AgreementFactory.build(landlord=AgreementFactory().landlord, valid_until=None)
    template.programme_contact = coordinator
    data = _agreement_data(template, status="active")
    response = client_for(coordinator).post(reverse("agreements:add"), data)
    assert response.status_code == 302
    assert CooperationAgreement.objects.latest("pk").status == AgreementStatus.DRAFT


def test_the_tenancy_screen_starts_through_the_service_and_its_overlap_rule(coordinator):
    existing = TenancyFactory(start=dt.date(2026, 3, 1))
    with pytest.raises(services.HousingError) as caught:
        services.start_tenancy(
            household=HouseholdFactory(), flat=existing.flat, start=dt.date(2026, 6, 1)
        )
    assert caught.value.code == "tenancy_overlap"
    household = HouseholdFactory()
    data = {
        "household": household.pk,
        "flat": existing.flat_id,
        "start": "01.06.2026",
        "move_in": "",
        "end": "",
        "outcome": "",
        "notes": "",
    }
    response = client_for(coordinator).post(reverse("tenancies:add"), data)
    assert response.status_code == 200
    assert caught.value.message in response.content.decode()
    assert Tenancy.objects.count() == 1
    data["flat"] = FlatFactory().pk
    response = client_for(coordinator).post(reverse("tenancies:add"), data)
    assert response.status_code == 302
    assert Tenancy.objects.count() == 2
