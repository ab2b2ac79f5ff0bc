"""Participants in the back office: create, validate, search, filter, export, history."""

import csv
import io

import pytest
from django.urls import reverse

from housing.models import Participant
from tests.conftest import client_for
from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory
from tests.queries import count_queries


def form_data(household, **overrides):
    data = {
        "given_names": "Иван",
        "family_name": "Петров",
        "name_latin": "Ivan Petrov",
        "date_of_birth": "17.05.1985",
        "household": household.pk,
        "languages": ["bg", "tr"],
        "preferred_language": "bg",
        "phone": "+49 30 23125 001",
        "entry_date": "02.02.2026",
        "exit_date": "",
        "notes": "",
        "consents-TOTAL_FORMS": "1",
        "consents-INITIAL_FORMS": "0",
        "consents-MIN_NUM_FORMS": "0",
        "consents-MAX_NUM_FORMS": "1000",
        "consents-0-purpose": "programme",
        "consents-0-status": "given",
        "consents-0-date": "02.02.2026",
        "consents-0-note": "",
        "consents-0-ORDER": "1",
        "consents-0-DELETE": "",
        "consents-0-id": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def household(db):
    return HouseholdFactory(name="Familie Petrov")


def test_coordinator_creates_a_participant_with_a_cyrillic_name_and_consent(
    coordinator_client, household
):
    response = coordinator_client.post(reverse("participants:add"), form_data(household))
    assert response.status_code == 302, response.context["form"].errors
    person = Participant.objects.get()
    assert person.full_name == "Иван Петров"
    assert person.languages == ["bg", "tr"]
    assert str(person.date_of_birth) == "1985-05-17"
    assert person.consents.get().purpose == "programme"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"date_of_birth": "01.01.2099"},
            "date_of_birth",
            "Das Geburtsdatum darf nicht in der Zukunft liegen.",
        ),
        ({"phone": "call me"}, "phone", "Bitte eine Telefonnummer aus Ziffern eingeben"),
        (
            {"preferred_language": "ar"},
            "preferred_language",
            "Die bevorzugte Sprache muss eine der gesprochenen Sprachen sein.",
        ),
        (
            {"exit_date": "01.01.2026"},
            None,
            "Das Austrittsdatum darf nicht vor dem Eintrittsdatum liegen.",
        ),
        ({"given_names": ""}, "given_names", "Dieses Feld muss ausgefüllt werden."),
    ],
)
def test_invalid_input_keeps_what_was_typed_and_explains_in_german(
    coordinator_client, household, overrides, field, message
):
    response = coordinator_client.post(
        reverse("participants:add"), form_data(household, **overrides)
    )
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors.get(field) if field else form.non_field_errors()
    assert errors and any(message in str(error) for error in errors), form.errors
    assert message in response.content.decode()
    # What was typed is still in the form, and nothing was saved.
    assert "Петров" in response.content.decode()
    assert Participant.objects.count() == 0


def test_search_finds_a_cyrillic_name_by_its_latin_spelling(coordinator_client):
    ParticipantFactory(given_names="Иван", family_name="Иванов", name_latin="Ivan Ivanov")
    ParticipantFactory(given_names="Elena", family_name="Popescu")
    response = coordinator_client.get(reverse("participants:index"), {"q": "ivanov"})
    body = response.content.decode()
    assert "Иван Иванов" in body
    assert "Elena Popescu" not in body


def test_filter_by_district(coordinator_client):
    mitte = DistrictFactory(name="Mitte")
    ParticipantFactory(given_names="Layla", household=HouseholdFactory(district=mitte))
    ParticipantFactory(
        given_names="Andrei",
        household=HouseholdFactory(district=DistrictFactory(name="Altenhagen")),
    )
    response = coordinator_client.get(
        reverse("participants:index"), {"household__district": mitte.pk}
    )
    body = response.content.decode()
    assert "Layla" in body
    assert "Andrei" not in body


def test_export_as_csv_and_xlsx(coordinator_client):
    ParticipantFactory(given_names="Ștefan", family_name="Rădulescu")
    response = coordinator_client.get(reverse("participants:index"), {"export": "csv"})
    assert response.status_code == 200
    assert 'filename="teilnehmende.csv"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[1][:2] == ["Rădulescu", "Ștefan"]
    response = coordinator_client.get(reverse("participants:index"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_history_shows_who_changed_what(coordinator, coordinator_client, household):
    coordinator_client.post(reverse("participants:add"), form_data(household))
    person = Participant.objects.get()
    data = form_data(household, phone="+49 30 23125 099")
    response = coordinator_client.post(reverse("participants:edit", args=[person.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    # Consent is append-only (issue 14): a withdrawal is a new record, on its own screen.
    response = coordinator_client.post(
        reverse("privacy_consents", args=[person.pk]),
        {"purpose": "programme", "status": "withdrawn", "date": "03.02.2026"},
    )
    assert response.status_code == 302

    response = coordinator_client.get(reverse("participants:history", args=[person.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    entries = response.context["entries"]
    newest = [e for e in entries if e.action == "geändert"]
    changed = {c.label: (c.old, c.new) for e in newest for c in e.changes}
    assert changed["Telefon"] == ("+49 30 23125 001", "+49 30 23125 099")
    created = [e for e in entries if e.action == "angelegt" and e.subject == "Einwilligung"]
    statuses = {c.new for e in created for c in e.changes if c.label == "Status"}
    assert statuses == {"erteilt", "widerrufen"}
    assert all(e.who == coordinator.get_full_name() for e in entries)
    assert "Änderungsverlauf" in body


def test_companion_lists_only_assigned_households_members(companion):
    mine = HouseholdFactory(companions=[companion])
    ParticipantFactory(given_names="Zamfira", household=mine)
    ParticipantFactory(given_names="Octavian")
    body = client_for(companion).get(reverse("participants:index")).content.decode()
    assert "Zamfira" in body
    assert "Octavian" not in body


def test_companion_cannot_change_a_participant(companion):
    person = ParticipantFactory(household=HouseholdFactory(companions=[companion]))
    response = client_for(companion).post(
        reverse("participants:edit", args=[person.pk]), form_data(person.household)
    )
    assert response.status_code in (302, 403)
    person.refresh_from_db()
    assert person.given_names != "Иван"


def test_participant_list_uses_the_same_queries_for_10_and_100_rows(coordinator_client):
    household = HouseholdFactory()
    url = reverse("participants:index")
    ParticipantFactory.create_batch(10, household=household)
    with_10 = count_queries(coordinator_client, url, {"per_page": 100})
    ParticipantFactory.create_batch(90, household=household)
    with_100 = count_queries(coordinator_client, url, {"per_page": 100})
    assert with_10 == with_100


def test_the_participant_page_shows_the_consent_in_force_per_purpose(coordinator_client):
    import datetime as dt

    from tests.factories import ConsentFactory

    person = ParticipantFactory()
    ConsentFactory(participant=person, purpose="programme", date=dt.date(2026, 2, 2))
    ConsentFactory(participant=person, purpose="photos", date=dt.date(2026, 2, 2))
    ConsentFactory(
        participant=person, purpose="photos", status="withdrawn", date=dt.date(2026, 3, 2)
    )
    page = coordinator_client.get(reverse("participants:inspect", args=[person.pk]))
    text = page.content.decode()
    assert "Einwilligungen heute" in text
    assert "Fotos für Kursmaterialien: widerrufen" in text
    assert "Kontakt mit Vermieter/innen zum Mietverhältnis: nie gefragt" in text
