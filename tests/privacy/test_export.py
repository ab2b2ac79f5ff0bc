"""The person's copy of their data (GDPR Art. 15)."""

import io
import json
import subprocess
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from privacy import registry
from privacy.models import AccessLogEntry
from tests.conftest import client_for
from tests.factories import ParticipantFactory
from tests.privacy.conftest import CONCERN_TEXT, FAMILY, GIVEN, NOTE, PHONE, VISIT_TEXT


def _open(data: bytes):
    archive = zipfile.ZipFile(io.BytesIO(data))
    return archive, json.loads(archive.read("data.json"))


@pytest.mark.django_db
def test_the_zip_holds_every_registered_record_of_the_person(person, coordinator, tmp_path):
    participant = person["participant"]
    client_for(coordinator).get(reverse("participants:inspect", args=[participant.pk]))
    target = tmp_path / "auskunft.zip"
    call_command("export_person", str(participant.pk), str(target))
    archive, data = _open(target.read_bytes())

    by_model = {section["model"]: section for section in data["sections"]}
    for holding in registry.holdings():
        expected = registry.records(holding, participant).count()
        if expected and holding.model != "privacy.AccessLogEntry":  # as "access_log" below
            assert len(by_model[holding.model]["records"]) == expected, holding.model
    expected_models = (
        "housing.Participant", "housing.Consent", "courses.Enrolment", "courses.Attendance",
        "courses.ExamResult", "certificates.Certificate", "housing.Tenancy", "housing.HomeVisit",
        "housing.LandlordConcern", "housing.FollowUp", "monitoring.EntryRecord",
        "monitoring.ExitRecord",
    )  # fmt: skip
    for model in expected_models:
        assert by_model[model]["records"], model
    assert by_model["housing.HomeVisit"]["household_data"] is True
    assert by_model["housing.Participant"]["household_data"] is False
    assert len(by_model["housing.Participant"]["history"]) >= 4  # every edit
    assert by_model["housing.Participant"]["site_history"]
    assert data["access_log"][0]["what"] == "participant_inspect"
    text = json.dumps(data, ensure_ascii=False)
    for secret in (GIVEN, FAMILY, PHONE, NOTE, VISIT_TEXT, CONCERN_TEXT, "1988-03-14"):
        assert secret in text
    names = archive.namelist()
    assert "Datenauskunft.pdf" in names
    assert any(name.startswith("files/certificates/") for name in names)
    assert any(name.startswith("files/consents/") for name in names)


@pytest.mark.django_db
def test_nothing_of_another_member_beyond_the_shared_household_data(person):
    other = ParticipantFactory(
        household=person["participant"].household, given_names="Zoltana", phone="+49 30 4444"
    )
    from tests.factories import ConsentFactory

    ConsentFactory(participant=other, note="Notiz über Zoltana")
    _archive, data = _open(_build(person["participant"]))
    text = json.dumps(data, ensure_ascii=False)
    assert "Zoltana" not in text and "+49 30 4444" not in text


def _build(participant):
    from privacy.export import build_zip

    return build_zip(participant)


@pytest.mark.django_db
def test_the_pdf_has_german_and_the_persons_language(person, tmp_path):
    archive, _data = _open(_build(person["participant"]))
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(archive.read("Datenauskunft.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Datenauskunft" in text and "Вашите данни" in text  # preferred language: bg
    assert "Zertifikate" in text and "Сертификати" in text
    assert GIVEN.split()[0] in text


@pytest.mark.django_db
def test_the_download_is_for_coordinators_and_is_logged(person, coordinator, companion):
    url = reverse("privacy_export", args=[person["participant"].pk])
    denied = client_for(companion).post(url)
    assert denied.status_code in (302, 403) and denied.get("Content-Type") != "application/zip"
    response = client_for(coordinator).post(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert AccessLogEntry.objects.filter(
        user=coordinator, action="export", participant=person["participant"]
    ).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "de"])
def test_the_pdf_in_arabic_and_german_renders(person, tmp_path, language):
    participant = person["participant"]
    participant.languages = [language, "de"] if language != "de" else ["de"]
    participant.preferred_language = language
    participant.save()
    archive, _data = _open(_build(participant))
    pdf = tmp_path / f"summary-{language}.pdf"
    pdf.write_bytes(archive.read("Datenauskunft.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Datenauskunft" in text
    if language == "ar":
        assert "بياناتك" in text or "كﺗﺎﻧﺎﻴﺑ" in text or "ﺑﻴﺎﻧﺎﺗﻚ" in text
    else:
        assert "Вашите данни" not in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / f"page-{language}")], check=True)  # fmt: skip
    assert list(tmp_path.glob(f"page-{language}*.png"))
