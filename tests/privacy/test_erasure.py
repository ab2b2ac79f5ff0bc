"""Erasure (GDPR Art. 17): anonymisation through every table, in one transaction."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from certificates.models import Certificate, CertificateStatus
from housing.models import Household, Participant
from monitoring import report
from privacy import registry, services
from privacy.models import ErasureRequest, ErasureStatus
from tests.conftest import client_for
from tests.factories import ParticipantFactory
from tests.privacy.conftest import FAMILY, GIVEN, SECRETS, private_files_text


def dump_database() -> str:
    """Every row of every table, as text (what an attacker with a dump would read)."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our table names
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    chunks.append(str(value))
    return "\n".join(chunks)


def found(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def totals():
    period = report.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    built = report.build(period)
    return (
        [row.values() for row in built.rows],
        [(c.figure.key, c.value) for c in built.figures],
        built.certificates_per_quarter,
    )


@pytest.fixture(autouse=True)
def _no_hold(settings):
    settings.RETENTION_UNTIL = ""
    settings.RETENTION_YEARS = 0


# serialized_rollback: after a browser test's flush the database lacks the rows that
# migrations made (permissions, content types); this restores them before the test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_erasure_no_table_and_no_file_names_the_person(person, coordinator):
    before_dump = dump_database()
    assert set(found(before_dump)) >= {GIVEN, FAMILY, "1988-03-14"}  # the search can see them
    assert found(private_files_text())
    figures_before = totals()

    services.request_erasure(
        person["participant"], by=coordinator, confirmation=GIVEN + " " + FAMILY
    )

    assert found(dump_database()) == []
    assert found(private_files_text()) == []
    assert totals() == figures_before
    erased = Participant.objects.get(pk=person["participant"].pk)
    assert erased.erased_at is not None
    assert erased.date_of_birth == dt.date(1988, 7, 1)  # the age band stays
    certificate = Certificate.objects.get(pk=person["certificate"].pk)
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revocation_reason == "gelöscht"
    assert not Certificate.objects.currently_valid().filter(pk=certificate.pk).exists()
    assert Household.objects.get(pk=erased.household_id).name.startswith("Gelöschter Haushalt")


@pytest.mark.django_db
def test_the_verification_page_says_not_valid_and_shows_no_name(person, coordinator, client):
    services.erase(person["participant"], by=coordinator)
    response = client.get(reverse("certificates_verify", args=[person["certificate"].token]))
    text = response.content.decode()
    assert FAMILY not in text and GIVEN not in text
    assert "nicht mehr gültig" in text or "widerrufen" in text.lower()


@pytest.mark.django_db
def test_household_data_stays_when_another_member_lives_there(person, coordinator):
    other = ParticipantFactory(household=person["participant"].household)
    services.erase(person["participant"], by=coordinator)
    household = Household.objects.get(pk=other.household_id)
    assert household.name == f"Familie {FAMILY}"  # shared; the other member's too
    assert Participant.objects.get(pk=other.pk).erased_at is None


@pytest.mark.django_db
def test_erasing_twice_is_refused(person, coordinator):
    services.erase(person["participant"], by=coordinator)
    with pytest.raises(services.PrivacyError) as error:
        services.erase(person["participant"], by=coordinator)
    assert error.value.code == "already_erased"


@pytest.mark.django_db
def test_a_failure_in_the_middle_leaves_the_person_intact(person, coordinator, monkeypatch):
    holding = registry.holding_for(Certificate)

    def boom(queryset, when):
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        registry._holdings, holding.model, type(holding)(**{**holding.__dict__, "erase": boom})
    )
    with pytest.raises(RuntimeError):
        services.erase(person["participant"], by=coordinator)
    participant = Participant.objects.get(pk=person["participant"].pk)
    assert participant.full_name == f"{GIVEN} {FAMILY}"
    assert participant.erased_at is None
    assert participant.history.count() >= 4
    assert found(private_files_text())
    assert not ErasureRequest.objects.exists()


@pytest.mark.django_db
def test_the_name_must_be_typed(person, coordinator):
    with pytest.raises(services.PrivacyError) as error:
        services.request_erasure(person["participant"], by=coordinator, confirmation="Ivan")
    assert error.value.code == "not_confirmed"
    # The Latin spelling is accepted too, in any case.
    services.request_erasure(
        person["participant"], by=coordinator, confirmation="svetlana MIRELA ivanoffa"
    )
    assert Participant.objects.get(pk=person["participant"].pk).erased_at


@pytest.mark.django_db
def test_during_the_retention_hold_the_request_waits_and_the_record_is_restricted(
    person, coordinator, companion, settings
):
    settings.RETENTION_YEARS = 5
    participant = person["participant"]
    Participant.objects.filter(pk=participant.pk).update(exit_date=dt.date(2026, 6, 30))
    request = services.request_erasure(
        participant, by=coordinator, confirmation=f"{GIVEN} {FAMILY}"
    )
    assert request.status == ErasureStatus.HELD
    assert request.hold_until == dt.date(2031, 12, 31)
    participant.refresh_from_db()
    assert participant.restricted_at and not participant.erased_at
    assert participant.full_name == f"{GIVEN} {FAMILY}"
    assert not Participant.objects.visible_to(companion).filter(pk=participant.pk).exists()
    assert Participant.objects.visible_to(coordinator).filter(pk=participant.pk).exists()
    with pytest.raises(services.PrivacyError) as error:
        services.request_erasure(participant, by=coordinator, confirmation=f"{GIVEN} {FAMILY}")
    assert error.value.code == "already_held"


@pytest.mark.django_db
def test_the_command_erases(person):
    call_command("erase_person", str(person["participant"].pk), "--yes")
    assert Participant.objects.get(pk=person["participant"].pk).erased_at


@pytest.mark.django_db
def test_coordinator_erases_on_the_screen_after_typing_the_name(person, coordinator, companion):
    participant = person["participant"]
    url = reverse("privacy_erase", args=[participant.pk])
    client = client_for(coordinator)
    page = client.get(url)
    assert "Zertifikate" in page.content.decode() or "certificates" in page.content.decode()
    wrong = client.post(url, {"confirmation": "Jemand", "reason": "Bitte"})
    assert wrong.status_code == 200
    assert Participant.objects.get(pk=participant.pk).erased_at is None
    done = client.post(url, {"confirmation": f"{GIVEN} {FAMILY}", "reason": "Antrag"})
    assert done.status_code == 302
    caseload = client_for(companion).get(reverse("housing_caseload")).content.decode()
    assert GIVEN not in caseload and FAMILY not in caseload


@pytest.mark.django_db
def test_a_restricted_record_is_read_only_for_coordinators(person, coordinator, settings):
    settings.RETENTION_YEARS = 5
    participant = person["participant"]
    services.request_erasure(participant, by=coordinator, confirmed=True)
    client = client_for(coordinator)
    edit = reverse("participants:edit", args=[participant.pk])
    assert client.get(edit)["Location"] == reverse("participants:inspect", args=[participant.pk])
    client.post(edit, {"given_names": "Neu", "family_name": "Name"})
    assert Participant.objects.get(pk=participant.pk).given_names == GIVEN
    assert client.get(reverse("participants:inspect", args=[participant.pk])).status_code == 200
