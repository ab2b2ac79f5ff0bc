"""Consent is append-only: no screen or program changes or deletes a record."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from housing.models import Consent, ConsentIsAppendOnly, Participant
from tests.conftest import client_for
from tests.factories import ConsentFactory, ParticipantFactory


@pytest.fixture
def consent(db):
    return ConsentFactory(participant=ParticipantFactory(), note="erstes Gespräch")


def test_a_record_cannot_be_changed_or_deleted(consent):
    consent.status = "withdrawn"
    with pytest.raises(ConsentIsAppendOnly):
        consent.save()
    with pytest.raises(ConsentIsAppendOnly):
        consent.delete()
    consent.refresh_from_db()
    assert consent.status == "given"


def test_the_participant_cannot_be_deleted_with_its_consents(consent, coordinator_client):
    url = reverse("participants:delete", args=[consent.participant_id])
    coordinator_client.post(url)
    assert Consent.objects.filter(pk=consent.pk).exists()


def test_the_edit_form_offers_no_consent_rows(consent, coordinator_client):
    page = coordinator_client.get(reverse("participants:edit", args=[consent.participant_id]))
    assert "consents-TOTAL_FORMS" not in page.content.decode()
    # A forged consent formset posted to the edit form changes nothing.
    participant = consent.participant
    data = {
        "given_names": participant.given_names, "family_name": participant.family_name,
        "name_latin": "", "date_of_birth": "17.05.1985", "household": participant.household_id,
        "languages": ["ro"], "preferred_language": "ro", "phone": "", "entry_date": "02.02.2026",
        "exit_date": "", "notes": "",
        "consents-TOTAL_FORMS": "1", "consents-INITIAL_FORMS": "1",
        "consents-MIN_NUM_FORMS": "0", "consents-MAX_NUM_FORMS": "1000",
        "consents-0-id": str(consent.pk), "consents-0-purpose": "photos",
        "consents-0-status": "withdrawn", "consents-0-date": "02.02.2026",
        "consents-0-DELETE": "on",
    }  # fmt: skip
    coordinator_client.post(reverse("participants:edit", args=[participant.pk]), data)
    consent.refresh_from_db()
    assert (consent.purpose, consent.status) == ("programme", "given")


def test_a_withdrawal_is_a_new_record_and_the_latest_wins(consent, coordinator):
    url = reverse("privacy_consents", args=[consent.participant_id])
    client = client_for(coordinator)
    response = client.post(
        url, {"purpose": "programme", "status": "withdrawn", "date": "01.12.2026", "note": ""}
    )
    assert response.status_code == 302, response.context["form"].errors
    records = Consent.objects.filter(participant=consent.participant_id).order_by("pk")
    assert [(c.status, c.recorded_by_id) for c in records] == [
        ("given", None),
        ("withdrawn", coordinator.pk),
    ]
    consent.refresh_from_db()
    assert consent.status == "given" and consent.note == "erstes Gespräch"  # unchanged
    status = (
        Participant.objects.with_consent("programme", dt.date(2026, 12, 1))
        .get(pk=consent.participant_id)
        .consent_status
    )
    assert status == "withdrawn"
    page = client.get(url).content.decode()
    assert 'data-consent-status="withdrawn"' in page


def test_evidence_must_be_a_pdf_or_an_image(consent, coordinator):
    url = reverse("privacy_consents", args=[consent.participant_id])
    word = SimpleUploadedFile("form.pdf", b"PK\x03\x04 not a pdf", "application/pdf")
    response = client_for(coordinator).post(
        url,
        {"purpose": "photos", "status": "given", "date": "01.12.2026", "evidence": word},
    )
    assert response.status_code == 200
    assert "PDF" in str(response.context["form"].errors["evidence"])
    assert Consent.objects.filter(participant=consent.participant_id).count() == 1
    png = SimpleUploadedFile("form.png", b"\x89PNG\r\n\x1a\n" + b"0" * 50, "image/png")
    ok = client_for(coordinator).post(
        url, {"purpose": "photos", "status": "given", "date": "01.12.2026", "evidence": png}
    )
    assert ok.status_code == 302
    assert Consent.objects.get(purpose="photos").evidence.name.startswith("consents/")


def test_a_companion_sees_the_status_but_records_nothing(consent, companion):
    consent.participant.household.companions.add(companion)
    url = reverse("privacy_consents", args=[consent.participant_id])
    assert client_for(companion).get(url).status_code == 200
    client_for(companion).post(url, {"purpose": "photos", "status": "given", "date": "01.12.2026"})
    assert Consent.objects.count() == 1
