"""The monitoring screens: report, exports, data entry forms, dashboard, for each role."""

import csv
import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.models import EntryRecord, ExitRecord, ReportDownload, SixMonthFollowUp
from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory
from tests.monitoring.factories import (
    EntryRecordFactory,
    ExitRecordFactory,
    SixMonthFollowUpFactory,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

YEAR = {"kind": "year", "year": "2026"}


@pytest.fixture
def some_records():
    women = [EntryRecordFactory(gender="woman", age_at_entry=a) for a in (17, 25, 40, 60)]
    EntryRecordFactory(gender="man", labour_status="employed", education="university")
    EntryRecordFactory(gender="non_binary", labour_status="long_term_unemployed")
    EntryRecordFactory(gender="", labour_status="")  # incomplete: EECO01 total only
    ExitRecordFactory(entry=women[1], situation="employed", exit_date=dt.date(2026, 7, 1))
    return women


def _screen_rows(html: str) -> dict[str, list[int]]:
    rows = {}
    for code, body in re.findall(r'<tr data-code="(\w+)">(.*?)</tr>', html, re.S):
        rows[code] = [int(n) for n in re.findall(r'data-column="\w+">(?:<strong>)?(\d+)', body)]
    return rows


def test_report_shows_each_indicator_with_code_german_label_and_charts(
    coordinator_client, some_records
):
    response = coordinator_client.get(reverse("monitoring_report"), YEAR)
    html = response.content.decode()
    assert response.status_code == 200
    rows = _screen_rows(html)
    assert list(rows)[:2] == ["EECO01", "EECO02"] and len(rows) == 22
    assert rows["EECO01"] == [4, 1, 1, 7]
    assert rows["EECO06"] == [1, 0, 0, 1]
    assert rows["EECR04"] == [1, 0, 0, 1]
    assert "Teilnehmende insgesamt" in html
    assert "Langzeitarbeitslose" in html
    assert "Frauen" in html and "nicht-binär" in html
    # Charts drawn on the server, each with its numbers in a table.
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="mfs-chart" role="img"') == 5
    assert "<script" not in html.split('id="charts-heading"')[1].split("</section>")[0]
    assert "Eintritte je Monat" in html and "Zertifikate je Quartal" in html
    assert "Anwesenheitsquote" in html


def test_report_for_a_quarter_and_a_district(coordinator_client, some_records):
    district = some_records[1].district  # the one who left in July
    response = coordinator_client.get(
        reverse("monitoring_report"),
        {"kind": "quarter", "year": "2026", "quarter": "3", "district": district.pk},
    )
    html = response.content.decode()
    assert "Zeitraum: 01.07.2026 – 30.09.2026" in html
    rows = _screen_rows(html)
    assert rows["EECO01"][3] == 0  # entries were in February
    assert rows["EECR04"] == [1, 0, 0, 1]


def test_a_custom_period_with_its_end_before_its_start_is_explained(coordinator_client):
    response = coordinator_client.get(
        reverse("monitoring_report"),
        {"kind": "custom", "start": "2026-05-01", "end": "2026-04-01"},
    )
    html = response.content.decode()
    assert "Das Ende des Zeitraums kann nicht vor seinem Beginn liegen." in html
    assert 'value="2026-05-01"' in html
    assert "data-code" not in html


def _xlsx_rows(content: bytes) -> dict[str, list]:
    workbook = load_workbook(io.BytesIO(content))
    rows = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            if row and isinstance(row[0], str) and re.fullmatch(r"EEC[OR]\d\d", row[0]):
                rows[row[0]] = list(row[2:6])
    return rows, workbook


def test_xlsx_matches_the_screen_and_the_download_is_logged(
    coordinator, coordinator_client, some_records
):
    html = coordinator_client.get(reverse("monitoring_report"), YEAR).content.decode()
    response = coordinator_client.get(reverse("monitoring_export_report_xlsx"), YEAR)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows, workbook = _xlsx_rows(response.content)
    assert rows == _screen_rows(html)
    assert workbook.sheetnames[:4] == [
        "Übersicht",
        "Outputs (EECO)",
        "Ergebnisse (EECR01-04)",
        "Nach 6 Monaten (EECR05-06)",
    ]
    assert (
        workbook["Outputs (EECO)"]["B4"].value == "Arbeitslose, einschließlich Langzeitarbeitsloser"
    )
    download = ReportDownload.objects.get()
    assert (download.user, download.kind, download.file_format) == (coordinator, "report", "xlsx")
    assert (download.period_start, download.period_end) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
    )


def test_csv_download_is_the_esf_report_contract(coordinator_client, some_records):
    response = coordinator_client.get(reverse("monitoring_export_report_csv"), YEAR)
    out = io.StringIO()
    call_command("esf_report", "--from", "2026-01-01", "--to", "2026-12-31", stdout=out)
    assert response.content.decode() == out.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0] == "indicator,women,men,non_binary,total"
    codes = [line.split(",")[0] for line in lines[1:]]
    assert codes == [f"EECO{n:02d}" for n in range(1, 17)] + [f"EECR{n:02d}" for n in range(1, 7)]
    table = {row["indicator"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    assert table["EECO01"] == {
        "indicator": "EECO01",
        "women": "4",
        "men": "1",
        "non_binary": "1",
        "total": "7",
    }


def test_esf_report_rejects_bad_dates():
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        call_command("esf_report", "--from", "01.01.2026", "--to", "2026-12-31")
    with pytest.raises(Exception, match="before"):
        call_command("esf_report", "--from", "2026-12-31", "--to", "2026-01-01")


def test_no_export_names_a_person_or_shows_special_categories_per_person(
    coordinator_client, some_records
):
    person = some_records[0].participant
    for name in (
        "monitoring_export_report_xlsx",
        "monitoring_export_report_csv",
        "monitoring_export_publication_xlsx",
        "monitoring_export_publication_csv",
    ):
        content = coordinator_client.get(reverse(name), YEAR).content
        if content.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                text = " ".join(archive.read(n).decode() for n in archive.namelist())
        else:
            text = content.decode()
        assert person.family_name not in text, name
        assert "Minderheit" not in text or "EECO15" in text
    assert ReportDownload.objects.count() == 4


def test_publication_export_hides_small_numbers(coordinator_client, some_records):
    text = coordinator_client.get(
        reverse("monitoring_export_publication_csv"), YEAR
    ).content.decode()
    for line in text.splitlines()[1:]:
        for cell in line.split(",")[1:]:
            assert cell in ("<5", "x") or not 1 <= int(cell) <= 4, line
    assert ReportDownload.objects.get().kind == "publication"


def test_district_names_cannot_smuggle_formulas_into_the_xlsx(coordinator_client, some_records):
    district = some_records[0].district
    district.name = '=HYPERLINK("http://example.org","x")'
    district.save()
    content = coordinator_client.get(
        reverse("monitoring_export_report_xlsx"), {**YEAR, "district": district.pk}
    ).content
    workbook = load_workbook(io.BytesIO(content))
    values = [c.value for row in workbook["Übersicht"].iter_rows() for c in row if c.value]
    assert '\'=HYPERLINK("http://example.org","x")' in values


def _bulk(n: int):
    """n participants with entry data, a third of them left, a few with follow-ups."""
    household = HouseholdFactory()
    people = ParticipantFactory._meta.model.objects.bulk_create(
        [
            ParticipantFactory.build(
                household=household, family_name=f"Bulk{i}", entry_date=dt.date(2026, 2, 2)
            )
            for i in range(n)
        ]
    )
    recorder = EntryRecordFactory().recorded_by
    genders = ["woman", "man", "non_binary", ""]
    entries = EntryRecord.objects.bulk_create(
        [
            EntryRecord(
                participant=person,
                entry_date=dt.date(2026, 1 + i % 12, 1 + i % 28),
                age_at_entry=15 + i % 60,
                district=household.district,
                gender=genders[i % 4],
                labour_status=["unemployed", "employed", "inactive"][i % 3],
                education=["none", "abitur", "university"][i % 3],
                recorded_by=recorder,
                updated_by=recorder,
            )
            for i, person in enumerate(people)
        ]
    )
    exits = ExitRecord.objects.bulk_create(
        [
            ExitRecord(
                entry=entry,
                exit_date=dt.date(2026, 6, 1 + i % 28),
                reason="completed",
                situation=["employed", "job_searching", ""][i % 3],
                situation_on=dt.date(2026, 6, 1 + i % 28) if i % 3 != 2 else None,
                recorded_by=recorder,
                updated_by=recorder,
            )
            for i, entry in enumerate(entries[::3])
        ]
    )
    SixMonthFollowUp.objects.bulk_create(
        [SixMonthFollowUp(exit=e, due_on=dt.date(2026, 12, 1)) for e in exits[::10]]
    )


def test_report_and_exports_use_a_constant_number_of_queries(coordinator_client):
    _bulk(100)
    small = {
        name: count_queries(coordinator_client, reverse(name), YEAR)
        for name in (
            "monitoring_report",
            "monitoring_export_report_xlsx",
            "monitoring_participants",
        )
    }
    _bulk(9_900)
    assert EntryRecord.objects.count() >= 10_000
    large = {
        name: count_queries(coordinator_client, reverse(name), YEAR)
        for name in (
            "monitoring_report",
            "monitoring_export_report_xlsx",
            "monitoring_participants",
        )
    }
    assert large == small
    assert small["monitoring_report"] < 40


def test_entry_form_records_the_data_and_keeps_typed_input_on_a_rule(coordinator_client):
    child = ParticipantFactory(date_of_birth=dt.date(2012, 1, 5), entry_date=dt.date(2026, 2, 2))
    url = reverse("monitoring_entry_add", args=[child.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Besondere Kategorien personenbezogener Daten" in page
    assert "→ 0-2" in page  # the ISCED mapping shown to staff
    posted = {
        "entry_date": "2026-02-02",
        "gender": "woman",
        "labour_status": "employed",
        "education": "foreign_school",
        "nationality": "eu",
        "minority": "not_stated",
    }
    response = coordinator_client.post(url, posted)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jugendarbeitsschutzgesetz" in html
    assert 'value="woman" required' in html or 'value="woman"' in html
    assert re.search(r'value="not_stated"[^>]*checked', html)
    assert re.search(r'value="foreign_school"[^>]*selected', html)
    assert not EntryRecord.objects.exists()
    response = coordinator_client.post(url, {**posted, "labour_status": "inactive_in_education"})
    assert response.status_code == 302
    record = EntryRecord.objects.get()
    assert (record.age_at_entry, record.minority, record.gender) == (14, "not_stated", "woman")


def test_exit_form_refuses_an_exit_before_the_entry_in_german(coordinator_client):
    entry = EntryRecordFactory(entry_date=dt.date(2026, 3, 2))
    url = reverse("monitoring_exit", args=[entry.pk])
    response = coordinator_client.post(
        url,
        {
            "exit_date": "2026-03-01",
            "reason": "moved",
            "situation": "employed",
            "situation_on": "2026-03-05",
        },
    )
    html = response.content.decode()
    assert "Der Austritt kann nicht vor dem Eintritt (02.03.2026) liegen." in html
    assert 'value="2026-03-01"' in html
    assert not ExitRecord.objects.exists()
    response = coordinator_client.post(
        url,
        {
            "exit_date": "2026-06-30",
            "reason": "completed",
            "situation": "employed",
            "situation_on": "2026-06-29",
        },
    )
    assert "vor dem Austritt (30.06.2026) datiert" in response.content.decode()
    assert not ExitRecord.objects.exists()


def test_follow_up_form_refuses_an_answer_before_six_months(coordinator_client):
    follow_up = SixMonthFollowUpFactory(due_on=dt.date(2026, 11, 30))
    url = reverse("monitoring_follow_up", args=[follow_up.pk])
    response = coordinator_client.post(
        url,
        {"status": "answered", "answered_on": "2026-11-29", "employed": "yes", "improved": "no"},
    )
    assert "erst ab diesem Tag" in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.status == "open"
    response = coordinator_client.post(
        url,
        {"status": "answered", "answered_on": "2026-11-30", "employed": "yes", "improved": "no"},
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.employed, follow_up.improved) == (True, False)


@pytest.mark.parametrize("role", ["trainer", "companion", "editor"])
def test_other_roles_cannot_post_to_any_monitoring_form(users, role):
    entry = EntryRecordFactory()
    follow_up = SixMonthFollowUpFactory()
    client = client_for(users[role])
    posts = [
        (
            reverse("monitoring_entry_add", args=[entry.participant_id]),
            {"entry_date": "2026-02-02"},
        ),
        (reverse("monitoring_entry", args=[entry.pk]), {"entry_date": "2026-02-03"}),
        (
            reverse("monitoring_exit", args=[entry.pk]),
            {"exit_date": "2026-06-30", "reason": "moved"},
        ),
        (reverse("monitoring_follow_up", args=[follow_up.pk]), {"status": "not_reached"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    entry.refresh_from_db()
    assert entry.entry_date == dt.date(2026, 2, 2)
    assert ExitRecord.objects.count() == 1  # the follow-up's own exit only


def test_dashboard_and_menu_for_coordinators_only(users):
    SixMonthFollowUpFactory(due_on=dt.date(2026, 10, 1))
    home = client_for(users["coordinator"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "ESF-Plus-Monitoring" in home
    assert "1 Nachbefragung nach sechs Monaten fällig" in home
    assert reverse("monitoring_report") in home
    for role in ("trainer", "companion", "editor"):
        page = client_for(users[role]).get(reverse("wagtailadmin_home")).content.decode()
        assert "Monitoring" not in page, role
        assert reverse("monitoring_report") not in page, role


def test_participant_list_search_and_filters(coordinator_client):
    complete = EntryRecordFactory(participant__family_name="Vollständig")
    EntryRecordFactory(participant__family_name="Lückenhaft", labour_status="")
    ParticipantFactory(family_name="Ohnedaten")
    left = EntryRecordFactory(participant__family_name="Gegangen")
    left.participant.exit_date = dt.date(2026, 10, 1)
    left.participant.save()
    url = reverse("monitoring_participants")
    found = coordinator_client.get(url, {"q": "vollst"}).content.decode()
    assert "Vollständig" in found and "Lückenhaft" not in found
    assert reverse("monitoring_entry", args=[complete.pk]) in found
    missing = coordinator_client.get(url, {"show": "missing"}).content.decode()
    assert "Lückenhaft" in missing and "Ohnedaten" in missing and "Vollständig" not in missing
    open_exits = coordinator_client.get(url, {"show": "open"}).content.decode()
    assert "Gegangen" in open_exits and "Vollständig" not in open_exits
