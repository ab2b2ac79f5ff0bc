"""Signed agreements: checked by content, stored privately, sent only to staff allowed."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import storage
from housing import files
from housing.models import CooperationAgreement
from tests.conftest import client_for
from tests.housing.factories import AgreementFactory, LandlordFactory, minimal_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def _post(client, landlord, coordinator, upload, **overrides):
    data = {
        "landlord": landlord.pk,
        "text_version": "2026-01",
        "signed_on": "15.01.2026",
        "valid_from": "01.02.2026",
        "valid_until": "31.01.2027",
        "status": "active",
        "programme_contact": coordinator.pk,
        "document": upload,
        **overrides,
    }
    return client.post(reverse("agreements:add"), data)


def test_a_real_pdf_is_stored_under_the_private_root(coordinator, settings):
    landlord = LandlordFactory()
    upload = SimpleUploadedFile("vertrag.pdf", minimal_pdf(), content_type="application/pdf")
    response = _post(client_for(coordinator), landlord, coordinator, upload)
    assert response.status_code == 302
    agreement = CooperationAgreement.objects.get()
    assert agreement.document.storage is storage.private
    # The embedded default keeps it under PRIVATE_MEDIA_ROOT, away from the public media.
    stored = Path(storage.private.path(agreement.document.name))
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    with agreement.document.open("rb") as handle:
        assert handle.read() == minimal_pdf()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 this is a zipped Word file", "ist kein PDF-Dokument"),
        (minimal_pdf()[:-60], "beschädigt oder unvollständig"),
        (b"%PDF-1.4\n" + b"x" * 200 + b"\nstartxref\n99999\n%%EOF\n", "beschädigt"),
    ],
    ids=["word-renamed", "truncated", "bad-xref-offset"],
)
def test_a_file_named_pdf_that_is_not_one_is_refused(coordinator, content, message):
    landlord = LandlordFactory()
    upload = SimpleUploadedFile("vertrag.pdf", content, content_type="application/pdf")
    response = _post(client_for(coordinator), landlord, coordinator, upload)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["document"])
    # What was typed stays in the form; nothing is saved.
    assert response.context["form"]["text_version"].value() == "2026-01"
    assert not CooperationAgreement.objects.exists()


def test_a_too_large_file_is_refused(coordinator, monkeypatch):
    monkeypatch.setattr(files, "MAX_PDF_BYTES", 100)
    upload = SimpleUploadedFile("vertrag.pdf", minimal_pdf(), content_type="application/pdf")
    response = _post(client_for(coordinator), LandlordFactory(), coordinator, upload)
    assert "größer als 10 MB" in " ".join(response.context["form"].errors["document"])
    assert not CooperationAgreement.objects.exists()


def _activate(client, agreement, coordinator):
    data = {
        "landlord": agreement.landlord_id,
        "text_version": agreement.text_version,
        "signed_on": f"{agreement.signed_on:%d.%m.%Y}" if agreement.signed_on else "",
        "valid_from": f"{agreement.valid_from:%d.%m.%Y}",
        "valid_until": "",
        "programme_contact": coordinator.pk,
        "status_action": "activate",
    }
    return client.post(reverse("agreements:edit", args=[agreement.pk]), data)


def test_active_without_signed_date_is_refused_in_the_form(coordinator):
    # The status is an action now (issue 11): posting status=active creates a draft,
    # and "Save and activate" refuses an unsigned agreement.
    upload = SimpleUploadedFile("vertrag.pdf", minimal_pdf(), content_type="application/pdf")
    client = client_for(coordinator)
    response = _post(client, LandlordFactory(), coordinator, upload, signed_on="")
    assert response.status_code == 302
    agreement = CooperationAgreement.objects.get()
    assert agreement.status == "draft"
    response = _activate(client, agreement, coordinator)
    assert response.status_code == 200
    assert "unterschrieben" in str(response.context["form"].errors)
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_a_second_active_agreement_is_refused_in_the_form(coordinator):
    existing = AgreementFactory(programme_contact=coordinator)
    client = client_for(coordinator)
    response = _post(client, existing.landlord, coordinator, "")
    assert response.status_code == 302
    draft = CooperationAgreement.objects.exclude(pk=existing.pk).get()
    response = _activate(client, draft, coordinator)
    assert response.status_code == 200
    assert "bereits eine aktive" in str(response.context["form"].errors)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_document_is_sent_only_through_the_checked_view(coordinator, companion):
    agreement = AgreementFactory(programme_contact=coordinator, with_document=True)
    url = reverse("housing_agreement_document", args=[agreement.pk])
    response = client_for(coordinator).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == minimal_pdf()
    assert client_for(companion).get(url).status_code in (302, 403)
    assert client_for(None).get(url).status_code == 302


def test_pdf_problem_reads_the_bytes_not_the_name():
    assert files.pdf_problem(minimal_pdf()) is None
    assert files.pdf_problem(b"<html>%PDF-1.4</html>") == "not_pdf"
    assert files.pdf_problem(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n") == "not_parseable"
